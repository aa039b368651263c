import type { Core } from '@strapi/strapi';

/**
 * The CMS asks GET /admin/license-trial-time-left for an Enterprise trial's countdown, and
 * Strapi fetches it from its license server with no licence key: on an office's closed network
 * that is a 500, and on an open one a call to a third party for nothing. This edition has no
 * trial: the answer is "none" ({}) and nothing leaves the server. (The route keeps its admin
 * authentication; only the handler is replaced.)
 */
export function answerNoLicenseTrial(strapi: Core.Strapi): void {
  strapi.get('controllers').extend('admin::admin', (controller: object) => ({ ...controller, licenseTrialTimeLeft: async () => ({}) }));
}
