import type { Core } from '@strapi/strapi';
import { complaintFormPage, complaintSentPage, complaintStatusPage, ikmPage, surveyFormPage, surveyThanksPage, homePage, searchPage, standardPage, messagePage } from '../../../modules/public-site';
import type { FormRefusal } from '../../../middlewares/public-rate-limit';

/** The public site: server-rendered Indonesian pages, no login. Logic lives in the services. */
const send = (ctx: any, body: string, status = 200) => {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-cache');
  ctx.body = body;
};
const notFound = (ctx: any) => send(ctx, messagePage('Halaman tidak ditemukan', 'Layanan yang Anda cari tidak ada atau belum diterbitkan.', { href: '/layanan', label: 'Cari layanan' }), 404);
const one = (v: unknown) => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v : '');
const form = (ctx: any): Record<string, string> => {
  const body = ctx.request.body;
  return body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, one(v)])) : {};
};
/** Set by the public-rate-limit middleware when a post must not be processed (too many, too large). */
const refusal = (ctx: any): FormRefusal | undefined => ctx.state.formRefusal;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => strapi.service('api::public-site.catalog');
  const complaints = () => strapi.service('api::public-site.complaints');
  const surveys = () => strapi.service('api::public-site.surveys');
  const documents = () => strapi.service('api::document.document');
  const pdf = async (ctx: any, render: () => Promise<Buffer>, filename: string) => {
    try {
      const buffer = await render();
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `inline; filename="${filename}"`);
      ctx.body = buffer;
    } catch (err: any) {
      if (err?.name === 'NotFoundError') return notFound(ctx);
      throw err;
    }
  };

  return {
    async home(ctx: any) {
      const [offices, services] = await Promise.all([catalog().offices(), catalog().publishedServices()]);
      send(ctx, homePage(offices, services));
    },
    async search(ctx: any) {
      const q = one(ctx.query.q);
      const officeCode = one(ctx.query.kantor);
      const [offices, results] = await Promise.all([catalog().offices(), catalog().publishedServices({ q, officeCode })]);
      send(ctx, searchPage(q, officeCode, offices, results));
    },
    async standard(ctx: any) {
      const found = await catalog().publishedStandard(ctx.params.slug);
      if (!found) return notFound(ctx);
      const ikm = (await surveys().ikmByService()).get(found.standard.slug);
      send(ctx, standardPage(found.standard, found.office, ikm));
    },
    async standardPdf(ctx: any) {
      await pdf(ctx, () => documents().renderStandard(ctx.params.slug, 'published'), `standar-pelayanan-${ctx.params.slug}.pdf`);
    },
    async sopPdf(ctx: any) {
      const found = await catalog().publishedStandard(ctx.params.slug);
      if (!found?.raw.sop?.documentId) return notFound(ctx);
      await pdf(ctx, () => documents().renderSop(found.raw.sop.documentId, 'published'), `sop-${ctx.params.slug}.pdf`);
    },
    async complaintForm(ctx: any) {
      const [offices, services] = await Promise.all([catalog().offices(), catalog().publishedServices()]);
      send(ctx, complaintFormPage(offices, services, { kantor: one(ctx.query.kantor), layanan: one(ctx.query.layanan) }));
    },
    async complaintSubmit(ctx: any) {
      const values = form(ctx);
      const refused = refusal(ctx);
      const result = refused ? { errors: {} } : await complaints().submit(values);
      if ('trackingCode' in result) return send(ctx, complaintSentPage(result.trackingCode), 201);
      const [offices, services] = await Promise.all([catalog().offices(), catalog().publishedServices()]);
      send(ctx, complaintFormPage(offices, services, values, result.errors, refused), refused?.status ?? 400);
    },
    async complaintStatus(ctx: any) {
      const code = one(ctx.query.kode).trim();
      const status = code ? await complaints().status(code) : null;
      send(ctx, complaintStatusPage(code, status, !!code), code && !status ? 404 : 200);
    },
    async surveyForm(ctx: any) {
      const found = await catalog().publishedStandard(ctx.params.slug);
      if (!found) return notFound(ctx);
      send(ctx, surveyFormPage({ slug: found.standard.slug, title: found.standard.title, officeName: found.office.name }));
    },
    async surveySubmit(ctx: any) {
      const values = form(ctx);
      const refused = refusal(ctx);
      const result = refused ? { errors: {} } : await surveys().submit(ctx.params.slug, values);
      if ('ok' in result) return send(ctx, surveyThanksPage(ctx.params.slug), 201);
      const found = await catalog().publishedStandard(ctx.params.slug);
      if (!found) return notFound(ctx);
      send(ctx, surveyFormPage({ slug: found.standard.slug, title: found.standard.title, officeName: found.office.name }, values, result.errors, refused), refused?.status ?? 400);
    },
    async ikm(ctx: any) {
      const [offices, services, ikm] = await Promise.all([catalog().offices(), catalog().publishedServices(), surveys().ikmByService()]);
      const officeName = new Map(offices.map((o: any) => [o.code, o.name]));
      send(
        ctx,
        ikmPage(
          services.map((s: { officeCode: string; slug: string; title: string }) => ({ office: officeName.get(s.officeCode) ?? s.officeCode, slug: s.slug, title: s.title, ikm: ikm.get(s.slug) })),
        ),
      );
    },
  };
};
