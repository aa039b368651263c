import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StaffContext } from '../../core/staff';
import { conflict, fieldError, forbidden, notFound } from '../../platform/errors';
import { modelInfo } from './lib/schema';
import { maskRecord } from './lib/serialize';
import { scopedQuery, sqlTools } from './lib/sql';
import { STALE_EDIT } from '../../platform/document-middlewares/optimistic-lock';
import { checkRequired, readWriteBody } from './lib/validate';
import { resourceNamed } from './resources';
import type { PanelRecord, ResourceDefinition, WriteContext } from './resources/types';
import { recordsService } from './records';

/**
 * Writing resources: create, update and delete through Strapi's document service (so the
 * document middlewares — scope codes, identity checks — and password hashing apply), inside a
 * transaction that re-reads the result through the same scope as every read: a write that
 * would move a record out of the writer's scope, or into someone else's, is rolled back.
 */

const OUT_OF_SCOPE = 'Data ini akan berada di luar wilayah atau kantor Anda';

/**
 * Optimistic locking: an update sends back the version of the record it was made on (the panel's
 * edit forms send the whole record, version included). A stale version is a 409 that changes
 * nothing, checked here under the row lock before any hook runs.
 */
function sentVersion(field: string, body: unknown, current: PanelRecord): number {
  const sent = (body as Record<string, unknown>)[field];
  if (sent === undefined || sent === null || sent === '') throw fieldError(field, 'wajib dikirim: versi data yang sedang Anda ubah');
  const version = Number(sent);
  if (!Number.isSafeInteger(version) || version < 1) throw fieldError(field, 'harus bilangan bulat positif (versi data yang sedang Anda ubah)', sent);
  if (version !== Number(current[field])) throw conflict(STALE_EDIT, { field, currentVersion: current[field], sentVersion: version });
  return version;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => recordsService(strapi);
  const transaction = <T>(fn: (trx: Knex) => Promise<T>): Promise<T> => strapi.db.transaction(({ trx }: { trx: Knex }) => fn(trx)) as Promise<T>;

  /** Related records named in the body must exist and be within the writer's scope. */
  async function checkRelations(def: ResourceDefinition, staff: StaffContext, data: Record<string, unknown>, trx: Knex): Promise<void> {
    for (const [rel, targetName] of Object.entries(def.relations ?? {})) {
      const id = data[rel];
      if (typeof id !== 'string') continue;
      const target = resourceNamed(targetName);
      const table = modelInfo(strapi, target.uid).table;
      if (!(await trx(table).where('document_id', id).first('id'))) throw fieldError(rel, 'data terkait tidak ditemukan', id);
      const visible = await (await scopedQuery(strapi, trx, target, staff)).qb.where('t.document_id', id).first('t.id');
      if (!visible) throw forbidden(`${rel}: data terkait berada di luar wilayah atau kantor Anda`, { field: rel });
    }
  }

  /** Relation values as the document service takes them. */
  function documentData(def: ResourceDefinition, data: Record<string, unknown>): Record<string, unknown> {
    const model = modelInfo(strapi, def.uid);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      out[key] = model.attributes.get(key)?.type === 'relation' ? { set: typeof value === 'string' ? [{ documentId: value }] : [] } : value;
    }
    return out;
  }

  async function visibleAfterWrite(def: ResourceDefinition, staff: StaffContext, id: string, trx: Knex, fields: string[]) {
    const found = await records().findVisible(def, staff, id, { trx });
    if (!found) throw forbidden(OUT_OF_SCOPE, { fields });
    return found;
  }

  return {
    async create(def: ResourceDefinition, staff: StaffContext, body: unknown): Promise<PanelRecord> {
      if (def.hooks?.create) {
        if (body && typeof body === 'object') await checkRelations(def, staff, body as Record<string, unknown>, strapi.db.connection as unknown as Knex);
        const id = await def.hooks.create(body, staff, strapi);
        const found = await records().findVisible(def, staff, id, {});
        if (!found) throw forbidden(OUT_OF_SCOPE, {});
        return maskRecord(def, found.record, staff);
      }
      const data = readWriteBody(strapi, def, body, 'create');
      const given = Object.keys(data);
      return transaction(async (trx) => {
        const ctx: WriteContext = { strapi, staff, action: 'create', trx, sql: sqlTools(strapi, trx, modelInfo(strapi, def.uid)) };
        await checkRelations(def, staff, data, trx);
        await def.hooks?.beforeWrite?.(data, ctx);
        checkRequired(strapi, def, data);
        const created: any = await strapi.documents(def.uid as any).create({ data: documentData(def, data) } as any);
        let found = await visibleAfterWrite(def, staff, created.documentId, trx, given);
        if (def.hooks?.afterCreate) {
          await def.hooks.afterCreate(found.record, found.rowId, ctx);
          found = await visibleAfterWrite(def, staff, created.documentId, trx, given);
        }
        return maskRecord(def, found.record, staff);
      });
    },

    async update(def: ResourceDefinition, staff: StaffContext, id: string, body: unknown): Promise<PanelRecord> {
      return transaction(async (trx) => {
        const current = await records().findVisible(def, staff, id, { trx, forUpdate: true });
        if (!current) throw notFound();
        const data = readWriteBody(strapi, def, body, 'update', current.record);
        const given = Object.keys(data);
        if (!given.length) return maskRecord(def, current.record, staff);
        if (def.versionField) data[def.versionField] = sentVersion(def.versionField, body, current.record);
        const ctx: WriteContext = { strapi, staff, action: 'update', trx, sql: sqlTools(strapi, trx, modelInfo(strapi, def.uid)), current: current.record, currentId: current.rowId };
        await checkRelations(def, staff, data, trx);
        await def.hooks?.beforeWrite?.(data, ctx);
        // The version the change was made on: platform/document-middlewares/optimistic-lock.ts checks it again and stores it plus one.
        await strapi.documents(def.uid as any).update({ documentId: id, data: documentData(def, data) } as any);
        const found = await visibleAfterWrite(def, staff, id, trx, given);
        return maskRecord(def, found.record, staff);
      });
    },

    async remove(def: ResourceDefinition, staff: StaffContext, id: string): Promise<PanelRecord> {
      return transaction(async (trx) => {
        const current = await records().findVisible(def, staff, id, { trx, forUpdate: true });
        if (!current) throw notFound();
        await def.hooks?.beforeDelete?.({ strapi, staff, trx, sql: sqlTools(strapi, trx, modelInfo(strapi, def.uid)), record: current.record, rowId: current.rowId });
        await strapi.documents(def.uid as any).delete({ documentId: id } as any);
        return maskRecord(def, current.record, staff);
      });
    },
  };
};

export type WritesService = ReturnType<typeof import('./writes').default>;

export function writesService(strapi: Core.Strapi): WritesService {
  return strapi.service('api::panel.writes') as unknown as WritesService;
}
