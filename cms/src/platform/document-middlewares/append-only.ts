import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Case events and SOP versions are written by the engine alone, straight through knex
 * (case-event history.record, sop-version snapshot; bulk imports likewise), never through the
 * document service. So every document-service write of them is refused — create, clone, update,
 * delete, publish — whoever asks, the super admin in the CMS included: a forged event would show
 * in the case timeline as genuine. The database refuses the rest (platform/append-only.ts).
 */
export const ENGINE_WRITTEN: Record<string, string> = {
  'api::case-event.case-event': 'Riwayat kasus hanya dapat ditambah oleh sistem saat tindakan kasus dijalankan; riwayat tidak dapat dibuat, disalin, diubah atau dihapus di sini',
  'api::sop.sop-version': 'Versi SOP dibuat otomatis saat kasus dibuka; versi SOP tidak dapat dibuat, disalin, diubah atau dihapus',
};

/** Written by the system alone (cms/src/modules/privacy, straight through the database), read by anyone allowed. */
const SYSTEM_WRITTEN: Record<string, string> = {
  'api::access-log.access-log': 'Log akses data pribadi hanya ditulis oleh sistem dan tidak dapat diubah atau dihapus',
  'api::access-log.access-log-subject': 'Log akses data pribadi hanya ditulis oleh sistem dan tidak dapat diubah atau dihapus',
};

const WRITES = ['create', 'clone', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'];

export function appendOnly(): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const message = ENGINE_WRITTEN[ctx.uid] ?? SYSTEM_WRITTEN[ctx.uid];
    if (message && WRITES.includes(ctx.action)) throw new errors.PolicyError(message);
    return next();
  };
}
