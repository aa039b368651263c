import type { Core, Modules } from '@strapi/strapi';
import { conflict } from '../../../platform/errors';

const CASE_UID = 'api::case.case';
const EVENT_UID = 'api::case-event.case-event';
const APPLICANT_UID = 'api::applicant.applicant';

export const CASE_WITH_HISTORY = 'Kasus yang sudah memiliki riwayat tidak dapat dihapus; tutup kasus melalui tindakan kasus';
export const APPLICANT_WITH_CASES = 'Pemohon ini sudah memiliki kasus dan tidak dapat dihapus';

/**
 * Deletes that would tear history apart, refused for every writer with a 409 the CMS shows: a
 * case with events (the history's database guard refused it too, but as a server error) and an
 * applicant with cases (the database would quietly empty the cases' applicant; the staff API
 * refuses it in its applicants declaration, the CMS did not).
 */
export function deleteGuards(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const inUse = async (uid: string, documentId: string): Promise<string | null> => {
    if (uid === CASE_UID) return (await strapi.db.query(EVENT_UID as any).findOne({ where: { case: { documentId } }, select: ['id'] })) ? CASE_WITH_HISTORY : null;
    if (uid === APPLICANT_UID) return (await strapi.db.query(CASE_UID as any).findOne({ where: { applicant: { documentId } }, select: ['id'] })) ? APPLICANT_WITH_CASES : null;
    return null;
  };
  return async (ctx, next) => {
    const documentId = (ctx.params as any)?.documentId;
    if (ctx.action === 'delete' && typeof documentId === 'string') {
      const message = await inUse(ctx.uid, documentId);
      if (message) throw conflict(message, { field: 'id' });
    }
    return next();
  };
}
