import { afterBootstrap, withoutContentApi, revokeAllGrants } from '../../modules/security';

/**
 * Users-permissions holds the staff accounts, their roles and the JWT secret of staff tokens,
 * and nothing else: its REST routes (/api/auth/local, /register, /forgot-password, /connect,
 * /users, /roles...) are removed, so staff have exactly one login door, POST /api/panel/login,
 * with its lockout; and its roles grant nothing. Its CMS settings screens stay.
 */
export default (plugin: any) =>
  afterBootstrap(withoutContentApi(plugin), async (strapi) => {
    await revokeAllGrants(strapi);
  });
