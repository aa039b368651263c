import type { Core } from '@strapi/strapi';
import type { PublicForm } from '../modules/public-site';
import { messagePage } from '../modules/public-site';

/**
 * Route middleware of the public site: per-address limits on PDFs and form posts. A refused
 * form post is not processed: the controller shows the form again with what was typed and
 * `ctx.state.formRefusal` (status, title, message), so nothing typed is lost.
 *
 * The largest form within its field limits, percent-encoded, is about 48 KB (the complaint:
 * 5,300 characters at worst 9 bytes each); strapi::body itself refuses url-encoded bodies over
 * 56 KB (koa-body's formLimit), so this size limit matters for JSON bodies.
 */
export interface FormRefusal {
  status: 413 | 429;
  title: string;
  message: string;
}

const MAX_BODY_BYTES = 56 * 1024;
const TOO_MANY = 'Terlalu banyak permintaan';

export default (config: { bucket?: 'pdf'; form?: PublicForm; maxBodyBytes?: number }, { strapi }: { strapi: Core.Strapi }) => {
  const maxBody = config?.maxBodyBytes ?? MAX_BODY_BYTES;
  const limits = () => strapi.service('api::public-site.limits') as any;
  const tooMany = (wait: number) => `Anda mengirim terlalu banyak isian dalam waktu singkat. Isian Anda belum terkirim dan masih ada di bawah; silakan kirim kembali dalam ${wait} detik.`;

  return async (ctx: any, next: () => Promise<void>) => {
    // Behind a proxy this is the visitor's address only when TRUST_PROXY is set (config/server.ts).
    const client = ctx.request.ip ?? 'unknown';
    if (config?.bucket === 'pdf') {
      const wait: number = await limits().take('pdf', client);
      if (wait > 0) {
        ctx.status = 429;
        ctx.set('Retry-After', String(wait));
        ctx.type = 'html';
        ctx.body = messagePage(TOO_MANY, `Anda mengirim terlalu banyak permintaan dalam waktu singkat. Silakan coba lagi dalam ${wait} detik.`);
        return;
      }
      return next();
    }
    const form = config?.form;
    if (!form || ctx.method !== 'POST') return next();

    const refuse = (refusal: FormRefusal, retryAfter?: number) => {
      ctx.state.formRefusal = refusal;
      if (retryAfter) ctx.set('Retry-After', String(retryAfter));
      return next();
    };
    // The flood guard first, so oversized posts are counted too.
    const flood: number = await limits().take('post', client);
    if (flood > 0) return refuse({ status: 429, title: TOO_MANY, message: tooMany(flood) }, flood);
    // Declared or, for a chunked body without Content-Length, as parsed.
    const parsed = ctx.request.body && typeof ctx.request.body === 'object' ? Buffer.byteLength(JSON.stringify(ctx.request.body)) : 0;
    if (Number(ctx.get('content-length') || 0) > maxBody || parsed > maxBody) {
      return refuse({ status: 413, title: 'Isian terlalu besar', message: `Isian formulir melebihi batas ${Math.round(maxBody / 1024)} KB. Persingkat teks Anda lalu kirim kembali.` });
    }
    const wait: number = await limits().reserveForm(form, client);
    if (wait > 0) return refuse({ status: 429, title: TOO_MANY, message: tooMany(wait) }, wait);
    try {
      await next();
    } finally {
      // Only a stored submission (201) uses up the form's quota.
      if (ctx.status !== 201) await limits().releaseForm(form, client);
    }
  };
};
