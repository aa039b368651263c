import type { Core } from '@strapi/strapi';

/**
 * Routes of the public site, at the root of the server (not under /api). Registered in
 * register(), before strapi::public adds its own "/" route, so that "/" is the home page here.
 */
const page = (method: 'GET' | 'POST', path: string, action: string, bucket?: 'form' | 'pdf') => ({
  method,
  path,
  handler: `api::public-site.public-site.${action}`,
  config: { auth: false as const, ...(bucket ? { middlewares: [{ name: 'global::public-rate-limit', config: { bucket } }] } : {}) },
});

export const PUBLIC_SITE_ROUTES = [
  page('GET', '/', 'home'),
  page('GET', '/layanan', 'search'),
  page('GET', '/layanan/:slug', 'standard'),
  page('GET', '/layanan/:slug/pdf', 'standardPdf', 'pdf'),
  page('GET', '/layanan/:slug/sop/pdf', 'sopPdf', 'pdf'),
  page('GET', '/pengaduan', 'complaintForm'),
  page('POST', '/pengaduan', 'complaintSubmit', 'form'),
  page('GET', '/pengaduan/status', 'complaintStatus'),
  page('GET', '/survei/:slug', 'surveyForm'),
  page('POST', '/survei/:slug', 'surveySubmit', 'form'),
  page('GET', '/ikm', 'ikm'),
];

export function registerPublicSite(strapi: Core.Strapi): void {
  strapi.server.routes(PUBLIC_SITE_ROUTES as any);
}
