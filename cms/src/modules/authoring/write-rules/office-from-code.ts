import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { confinedOffice } from '../cms-access/request-office';
import { relationInput } from '../../../platform/document-middlewares/relation-input';

const OFFICE_UID = 'api::office.office';
/** applicant-scope.ts derives an applicant's office (code and relation) from its village. */
const OWN_RULES = ['api::applicant.applicant'];

const refuse = (field: string, message: string) => new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

type OfficeRow = { id: number; documentId: string; code: string };
/**
 * Office-owned documents (every content type with both `officeCode` and an `office` relation:
 * standards, SOPs, letter templates, …) keep the two in step: the code is what access rules and
 * the staff API filter on, the relation is what the public site and the PDFs print, so they must
 * never name different offices. On each write the relation is derived from the code (or the code
 * from the relation when only an office was picked); a publish first repairs a draft written
 * before this rule. In a CMS request of an Admin Kantor both are set to the admin's own office.
 */
export function officeFromCode(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const owned = new Map<string, boolean>();
  const isOwned = (uid: string) => {
    if (!owned.has(uid)) {
      const a = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
      owned.set(uid, !OWN_RULES.includes(uid) && a.officeCode?.type === 'string' && a.office?.type === 'relation' && a.office.target === OFFICE_UID);
    }
    return owned.get(uid)!;
  };
  const offices = () => strapi.db.query(OFFICE_UID as any);
  const byCode = (code: string): Promise<OfficeRow | null> => offices().findOne({ where: { code }, select: ['id', 'documentId', 'code'] });
  async function byRef(ref: any): Promise<OfficeRow | null> {
    const where =
      typeof ref === 'number'
        ? { id: ref }
        : typeof ref === 'string'
          ? { documentId: ref }
          : typeof ref?.documentId === 'string'
            ? { documentId: ref.documentId }
            : typeof ref?.id === 'number'
              ? { id: ref.id }
              : null;
    return where ? offices().findOne({ where, select: ['id', 'documentId', 'code'] }) : null;
  }
  const draftOf = (uid: string, documentId: string) =>
    strapi.db.query(uid as any).findOne({
      where: { documentId, ...(strapi.getModel(uid as any)?.options?.draftAndPublish ? { publishedAt: null } : {}) },
      select: ['officeCode'],
      populate: { office: { select: ['documentId', 'code'] } },
    });

  /** Sets `officeCode` and `office` of a write's data to one office, or to none. */
  async function sync(uid: string, data: Record<string, any>, documentId: string | undefined, confined: string | null) {
    const rel = relationInput(data, 'office');
    let code: string | null | undefined;
    let office: OfficeRow | null = null;
    if (confined) {
      if ('officeCode' in data && data.officeCode && data.officeCode !== confined) throw refuse('officeCode', `Anda hanya dapat menulis data kantor Anda sendiri (${confined})`);
      if (rel.kind === 'target' && (await byRef(rel.ref))?.code !== confined) throw refuse('office', `Anda hanya dapat memilih kantor Anda sendiri (${confined})`);
      code = confined;
    } else if (rel.kind === 'target') {
      office = await byRef(rel.ref);
      if (!office) throw refuse('office', 'Kantor tidak ditemukan');
      // A form sends every field back: a code that is merely the stored one gives way to the office picked.
      if (data.officeCode && data.officeCode !== office.code && data.officeCode !== (documentId ? (await draftOf(uid, documentId))?.officeCode : undefined)) {
        throw refuse('officeCode', `Kode kantor "${data.officeCode}" tidak sama dengan kantor yang dipilih (${office.code})`);
      }
      code = office.code;
    } else if ('officeCode' in data) code = data.officeCode || null;
    else if (rel.kind === 'clear') code = documentId ? ((await draftOf(uid, documentId))?.officeCode ?? null) : null;
    else return;
    if (!code) {
      Object.assign(data, { officeCode: null, office: null });
      return;
    }
    office ??= await byCode(code);
    if (!office) throw refuse('officeCode', `Tidak ada kantor dengan kode "${code}"`);
    Object.assign(data, { officeCode: office.code, office: office.documentId });
  }

  return async (ctx, next) => {
    if (!['create', 'update', 'clone', 'publish'].includes(ctx.action) || !isOwned(ctx.uid)) return next();
    const params = ctx.params as any;
    const confined = await confinedOffice(strapi);
    if (ctx.action === 'publish') {
      // A draft whose code and office disagree (written before this rule) is put right first.
      const draft: any = typeof params.documentId === 'string' ? await draftOf(ctx.uid, params.documentId) : null;
      if (draft && (draft.office?.code ?? null) !== (draft.officeCode ?? null)) {
        const data = draft.officeCode ? { officeCode: draft.officeCode } : { office: draft.office.documentId };
        await strapi.documents(ctx.uid as any).update({ documentId: params.documentId, data } as any);
      }
      return next();
    }
    if (ctx.action === 'clone' && confined) {
      const source: any = await draftOf(ctx.uid, params.documentId);
      if (source?.officeCode !== confined) throw new errors.ForbiddenError('Anda hanya dapat menyalin data kantor Anda sendiri');
    }
    if (ctx.action === 'create' || confined) params.data ??= {};
    if (params.data && typeof params.data === 'object') await sync(ctx.uid, params.data, params.documentId, confined);
    return next();
  };
}
