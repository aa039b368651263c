import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const OFFICE_UID = 'api::office.office';
const WRITES = ['create', 'update', 'clone'];

type OfficeLink = { field: string; target: string };
type Ref = { id?: number; documentId?: string };

/** Every target a relation input names: an id, a documentId, {id}/{documentId}, a list, set/connect. */
export function relationRefs(value: unknown): Ref[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(relationRefs);
  if (typeof value === 'number') return [{ id: value }];
  if (typeof value === 'string') return /^\d+$/.test(value) ? [{ id: Number(value) }] : [{ documentId: value }];
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('set' in v || 'connect' in v || 'disconnect' in v) return [...relationRefs(v.set), ...relationRefs(v.connect)];
    if (typeof v.documentId === 'string') return [{ documentId: v.documentId }];
    if (typeof v.id === 'number' || typeof v.id === 'string') return relationRefs(v.id);
  }
  return [];
}

/**
 * A document of one office never points at another office's: a standard's SOP, a complaint's
 * service or case, a case's applicant, service, batch or assignee, a letter's case or signer. In
 * the CMS an Admin Kantor reads only their own office's SOPs, yet could link another office's SOP
 * to their standard by its id, and their cases would then walk that office's SOP. Checked for
 * every writer; registered after office-from-code.ts, which settles the document's own office.
 */
export function sameOfficeRelations(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const linksByUid = new Map<string, OfficeLink[]>();
  const hasOfficeCode = (uid: string) => (strapi.getModel(uid as any) as any)?.attributes?.officeCode?.type === 'string';
  const linksOf = (uid: string): OfficeLink[] => {
    if (!linksByUid.has(uid)) {
      const attributes: Record<string, any> = (strapi.getModel(uid as any) as any)?.attributes ?? {};
      const links = hasOfficeCode(uid)
        ? Object.entries(attributes)
            .filter(([, a]) => a.type === 'relation' && a.target !== OFFICE_UID && hasOfficeCode(a.target))
            .map(([field, a]) => ({ field, target: a.target as string }))
        : [];
      linksByUid.set(uid, links);
    }
    return linksByUid.get(uid)!;
  };

  async function storedOffice(uid: string, documentId: string): Promise<string | null> {
    const draftAndPublish = (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;
    const row: any = await strapi.db.query(uid as any).findOne({ where: { documentId, ...(draftAndPublish ? { publishedAt: null } : {}) }, select: ['officeCode'] });
    return row?.officeCode ?? null;
  }

  return async (ctx, next) => {
    const params = ctx.params as any;
    const data = params?.data;
    if (!WRITES.includes(ctx.action) || !data || typeof data !== 'object') return next();
    const named = linksOf(ctx.uid)
      .map((link) => ({ link, refs: relationRefs(data[link.field]) }))
      .filter((n) => n.refs.length);
    if (!named.length) return next();
    const office = typeof data.officeCode === 'string' ? data.officeCode : typeof params.documentId === 'string' ? await storedOffice(ctx.uid, params.documentId) : null;
    // A document of no office yet (a super admin's new draft) has no wall to keep.
    if (!office) return next();
    for (const { link, refs } of named) {
      const ids = refs.flatMap((r) => (r.id === undefined ? [] : [r.id]));
      const documentIds = refs.flatMap((r) => (r.documentId === undefined ? [] : [r.documentId]));
      const rows: { officeCode: string | null }[] = await strapi.db.query(link.target as any).findMany({
        where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] },
        select: ['officeCode'],
      });
      if (rows.some((r) => r.officeCode !== office)) {
        const message = `hanya dapat dihubungkan dengan data kantor yang sama (${office})`;
        throw new errors.ValidationError(`${link.field}: ${message}`, { errors: [{ path: [link.field], message, name: 'ValidationError' }] });
      }
    }
    return next();
  };
}
