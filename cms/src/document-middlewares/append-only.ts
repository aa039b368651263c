import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const APPEND_ONLY: Record<string, string> = {
  'api::case-event.case-event': 'Riwayat kasus hanya dapat ditambah, tidak dapat diubah atau dihapus',
  'api::sop.sop-version': 'Versi SOP yang sudah dijalankan kasus tidak dapat diubah atau dihapus',
};

/** Case events and SOP versions are written once: no update or delete through any API or the CMS. */
export function appendOnly(): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const message = APPEND_ONLY[ctx.uid];
    if (message && ['update', 'delete', 'discardDraft', 'unpublish'].includes(ctx.action)) throw new errors.PolicyError(message);
    return next();
  };
}
