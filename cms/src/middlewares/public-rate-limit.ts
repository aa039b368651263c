import type { Core } from '@strapi/strapi';
import { messagePage } from '../public-site/layout';

/**
 * Route middleware of the public site: a per-address token bucket (429 with an Indonesian page
 * and Retry-After) and, for forms, a body size limit (413).
 */
export default (config: { bucket?: 'form' | 'pdf'; maxBodyBytes?: number }, { strapi }: { strapi: Core.Strapi }) => {
  const bucket = config?.bucket ?? 'form';
  const maxBody = config?.maxBodyBytes ?? 16 * 1024;
  return async (ctx: any, next: () => Promise<void>) => {
    if (bucket === 'form' && ctx.method === 'POST') {
      const declared = Number(ctx.request.length ?? ctx.get('content-length') ?? 0);
      const parsed = ctx.request.body ? Buffer.byteLength(JSON.stringify(ctx.request.body)) : 0;
      if (declared > maxBody || parsed > maxBody) {
        ctx.status = 413;
        ctx.type = 'html';
        ctx.body = messagePage('Isian terlalu besar', `Isian formulir melebihi batas ${Math.round(maxBody / 1024)} KB. Persingkat teks Anda lalu kirim kembali.`);
        return;
      }
    }
    if (bucket === 'pdf' || ctx.method === 'POST') {
      const wait = strapi.service('api::public-site.limits').take(bucket, ctx.request.ip ?? 'unknown');
      if (wait > 0) {
        ctx.status = 429;
        ctx.set('Retry-After', String(wait));
        ctx.type = 'html';
        ctx.body = messagePage('Terlalu banyak permintaan', `Anda mengirim terlalu banyak permintaan dalam waktu singkat. Silakan coba lagi dalam ${wait} detik.`);
        return;
      }
    }
    await next();
  };
};
