import type { Core } from '@strapi/strapi';
import type { PublicForm } from './limits';
import { handleClientErrors, publicErrorPages } from './error-pages';

/**
 * Routes of the public site, at the root of the server (not under /api). Registered in
 * register(), before strapi::public adds its own "/" route, so that "/" is the home page here.
 */
type Limit = { bucket: 'pdf' } | { form: PublicForm };
const page = (method: 'GET' | 'POST', path: string, action: string, limit?: Limit) => ({
  method,
  path,
  handler: `api::public-site.public-site.${action}`,
  config: { auth: false as const, ...(limit ? { middlewares: [{ name: 'global::public-rate-limit', config: limit }] } : {}) },
});

export const PUBLIC_SITE_ROUTES = [
  page('GET', '/', 'home'),
  page('GET', '/layanan', 'search'),
  page('GET', '/layanan/:slug', 'standard'),
  page('GET', '/layanan/:slug/pdf', 'standardPdf', { bucket: 'pdf' }),
  page('GET', '/layanan/:slug/sop/pdf', 'sopPdf', { bucket: 'pdf' }),
  page('GET', '/pengaduan', 'complaintForm'),
  page('POST', '/pengaduan', 'complaintSubmit', { form: 'complaint' }),
  page('GET', '/pengaduan/status', 'complaintStatus'),
  page('GET', '/survei/:slug', 'surveyForm'),
  page('POST', '/survei/:slug', 'surveySubmit', { form: 'survey' }),
  page('GET', '/ikm', 'ikm'),
];

export function registerPublicSite(strapi: Core.Strapi): void {
  strapi.server.routes(PUBLIC_SITE_ROUTES as any);
  // Added now, before the configured middlewares: it wraps them all, strapi::errors included.
  strapi.server.use(
    publicErrorPages(
      strapi,
      PUBLIC_SITE_ROUTES.map((r) => r.path),
    ),
  );
  handleClientErrors(strapi.server.httpServer);
}
