/** Staff downloads of rendered documents (under /api). The public site has its own routes. */
const staff = (check: unknown) => ({ auth: false as const, middlewares: ['global::staff-context', check] });

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/documents/letters/:documentId/pdf', handler: 'api::document.document.letterPdf', config: staff('api::document.letter-in-scope') },
    {
      method: 'GET',
      path: '/documents/standards/:slug/pdf',
      handler: 'api::document.document.standardPdf',
      config: staff({ name: 'api::document.document-of-own-office', config: { uid: 'api::service-standard.service-standard', key: 'slug' } }),
    },
    {
      method: 'GET',
      path: '/documents/sops/:documentId/pdf',
      handler: 'api::document.document.sopPdf',
      config: staff({ name: 'api::document.document-of-own-office', config: { uid: 'api::sop.sop', key: 'documentId' } }),
    },
  ],
};
