export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '12h' },
      register: { allowedFields: [] },
    },
  },
});
