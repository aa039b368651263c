import type { Core } from '@strapi/strapi';

/**
 * Users-permissions roles grant nothing. Its own doors (login, register, password reset, OAuth
 * connect, /users, /roles) are removed (extensions/users-permissions/strapi-server.ts); staff
 * accounts and their roles are the staff API's, which decides access itself (auth: false,
 * staff-context, resource declarations). The plugin re-creates its default grants (register,
 * forgot-password... for Public, /users/me for Authenticated) whenever it finds none, so they
 * are removed at every start, after its bootstrap.
 */
export async function revokeAllGrants(strapi: Core.Strapi): Promise<number> {
  const removed = await strapi.db.query('plugin::users-permissions.permission').deleteMany({});
  return removed?.count ?? 0;
}
