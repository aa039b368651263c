import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The refresh cookie (strapi_admin_refresh) is sent only by the CMS's own pages: 'strict' keeps
  // it off every request another site starts (CORS is the guard within the site: src/modules/security/origins.ts).
  auth: { secret: env('ADMIN_JWT_SECRET'), cookie: { sameSite: 'strict' } },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
});
