import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { conflict } from '../errors';

type Versioned = { table: string; column: string; draftAndPublish: boolean };

export const STALE_EDIT = 'Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, periksa perubahannya, lalu ulangi perubahan Anda.';

/**
 * Optimistic locking of every document with a `version` (applicants, complaints, staff users,
 * batches, letters, offices, standards, SOPs, cases): each update through the document service —
 * the staff API, the CMS, services — stores the version plus one. A writer that sends `version`
 * says which version its change was made on; when that is no longer the stored one, the update is
 * refused with a 409 and changes nothing (two staff saving the same applicant: the second is told,
 * instead of silently reverting the first). A writer that sends none only bumps it. Knex writes
 * of the case engine keep a case's version themselves (case-record.ts commitCase).
 */
export function optimisticLock(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const versioned = new Map<string, Versioned | null>();
  const infoOf = (uid: string) => {
    if (!versioned.has(uid)) {
      const model: any = strapi.getModel(uid as any);
      const meta: any = model?.attributes?.version?.type === 'integer' ? strapi.db.metadata.get(uid as any) : null;
      versioned.set(uid, meta ? { table: meta.tableName, column: meta.attributes.version.columnName, draftAndPublish: model.options?.draftAndPublish === true } : null);
    }
    return versioned.get(uid)!;
  };

  return async (ctx, next) => {
    const info = ctx.action === 'update' ? infoOf(ctx.uid) : null;
    const params = ctx.params as any;
    if (!info || typeof params?.documentId !== 'string') return next();
    // Check and write in one transaction, the row locked on PostgreSQL (SQLite has one writer):
    // two saves of the same version can't both pass. Joins the caller's transaction if any.
    return strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
      // The document service edits the draft of a draft-and-publish document.
      const qb = trx(info.table).where('document_id', params.documentId).first('id', `${info.column} as version`);
      if (info.draftAndPublish) qb.whereNull('published_at');
      if (strapi.db.dialect.client === 'postgres') qb.forUpdate();
      const row = await qb;
      if (!row) return next();
      const current = Number(row.version ?? 1);
      params.data ??= {};
      const sent = params.data.version;
      if (sent !== undefined && sent !== null && sent !== '' && Number(sent) !== current) {
        throw conflict(STALE_EDIT, { field: 'version', currentVersion: current, sentVersion: sent });
      }
      params.data.version = current + 1;
      return next();
    });
  };
}
