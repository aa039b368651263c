import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '12h' },
      register: { allowedFields: [] },
    },
  },
  // The Media Library (office logos, pictures and PDFs of public pages): stored under
  // DATA_DIR/uploads by the app's own provider, resolved through the cms workspace's package
  // name; pictures and PDFs only (checked by content in extensions/upload/media-types.ts first).
  upload: {
    config: {
      provider: '@layanan-pbi/cms/dist/src/files/media-provider',
      security: { allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] },
    },
  },
});
