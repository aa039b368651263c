import type { Core } from '@strapi/strapi';

/** PDF downloads for staff; the work is in the document service. */
const sendPdf = (ctx: any, buffer: Buffer, filename: string) => {
  ctx.set('Content-Disposition', `inline; filename="${filename.replace(/[^\w.-]+/g, '-')}"`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.type = 'application/pdf';
  ctx.body = buffer;
};

const statusOf = (ctx: any) => (ctx.query?.status === 'draft' ? 'draft' : 'published');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async letterPdf(ctx: any) {
    const buffer = await strapi.service('api::document.document').renderLetter(ctx.params.documentId, ctx.state.staff);
    sendPdf(ctx, buffer, `surat-${ctx.params.documentId}.pdf`);
  },
  async standardPdf(ctx: any) {
    const buffer = await strapi.service('api::document.document').renderStandard(ctx.params.slug, statusOf(ctx));
    sendPdf(ctx, buffer, `standar-pelayanan-${ctx.params.slug}.pdf`);
  },
  async sopPdf(ctx: any) {
    const buffer = await strapi.service('api::document.document').renderSop(ctx.params.documentId, statusOf(ctx));
    sendPdf(ctx, buffer, `sop-${ctx.params.documentId}.pdf`);
  },
});
