import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const APPEND_ONLY: Record<string, string> = {
  'api::case-event.case-event': 'Riwayat kasus hanya dapat ditambah, tidak dapat diubah atau dihapus',
  'api::sop.sop-version': 'Versi SOP yang sudah dijalankan kasus tidak dapat diubah atau dihapus',
};

/** Written by the system alone (cms/src/privacy, straight through the database), read by anyone allowed. */
const SYSTEM_WRITTEN: Record<string, string> = {
  'api::access-log.access-log': 'Log akses data pribadi hanya ditulis oleh sistem dan tidak dapat diubah atau dihapus',
  'api::access-log.access-log-subject': 'Log akses data pribadi hanya ditulis oleh sistem dan tidak dapat diubah atau dihapus',
};

const CHANGES = ['update', 'delete', 'discardDraft', 'unpublish'];
const WRITES = [...CHANGES, 'create', 'clone', 'publish'];

/**
 * Case events and SOP versions are written once: no update or delete through any API or the
 * CMS. The privacy log is not written through the document service at all (no forged entry).
 */
export function appendOnly(): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const message = APPEND_ONLY[ctx.uid];
    if (message && CHANGES.includes(ctx.action)) throw new errors.PolicyError(message);
    const system = SYSTEM_WRITTEN[ctx.uid];
    if (system && WRITES.includes(ctx.action)) throw new errors.PolicyError(system);
    return next();
  };
}
