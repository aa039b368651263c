import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StaffContext } from '../../../domain/staff';
import { notFound } from '../lib/errors';
import { ID_PATTERN, MAX_IDS, type ListQuery } from '../lib/params';
import { columnOf, modelInfo, type ModelInfo } from '../lib/schema';
import { maskRecord, scalarRecord, withoutIds } from '../lib/serialize';
import { orderBy, pageWithTotal, prepared, scopedQuery } from '../lib/sql';
import { resourceNamed } from '../resources';
import type { PanelRecord, ResourceDefinition } from '../resources/types';

/**
 * Reading resources: one generic list and get-one driven by the resource declarations,
 * through knex on the resource's own table (scope and filters on plain code columns), then
 * one query per relation for the labels of the whole page.
 */

export interface ListResult {
  records: PanelRecord[];
  start: number;
  total: number;
  exact: boolean;
}

export interface Found {
  record: PanelRecord;
  rowId: number;
}

/** Separates a related record's id from its label in the relation columns of a row. */
const SEP = '\u001f';

/**
 * Columns of a row: the declared fields and, per relation, "<documentId>SEP<label>" from a
 * subquery on the link table, so that the page comes back in one statement.
 */
function selection(strapi: Core.Strapi, knex: Knex, def: ResourceDefinition, model: ModelInfo): Record<string, unknown> {
  const cols: Record<string, unknown> = { __id: 't.id', __doc: 't.document_id' };
  for (const field of def.fields) cols[field] = `t.${columnOf(model, field)}`;
  if (model.draftAndPublish) {
    cols.__published = knex.raw('exists (select 1 from ?? p where p.document_id = t.document_id and p.published_at is not null)', [model.table]);
  }
  for (const [rel, targetName] of Object.entries(def.relations ?? {})) {
    const link = model.attributes.get(rel)!.link!;
    const target = resourceNamed(targetName);
    const targetModel = modelInfo(strapi, target.uid);
    const label = target.label.map((a) => `nullif(cast(x.${columnOf(targetModel, a)} as text), '')`).join(', ');
    cols[`__rel_${rel}`] = knex.raw(`(select x.document_id || ? || coalesce(${label}, '') from ?? l join ?? x on x.id = l.?? where l.?? = t.id limit 1)`, [SEP, link.table, targetModel.table, link.target, link.source]);
  }
  return cols;
}

/** Populate for a component: its own components, relations and media too. */
function componentPopulate(strapi: Core.Strapi, uid: string): { populate: Record<string, unknown> } | true {
  const nested: Record<string, unknown> = {};
  for (const [name, attr] of modelInfo(strapi, uid).attributes) {
    if (attr.type === 'component') nested[name] = componentPopulate(strapi, attr.target!);
    else if (attr.type === 'media' || attr.type === 'relation') nested[name] = true;
  }
  return Object.keys(nested).length ? { populate: nested } : true;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knexOf = (trx?: Knex) => trx ?? (strapi.db.connection as unknown as Knex);

  function toRecords(def: ResourceDefinition, rows: Record<string, unknown>[]): PanelRecord[] {
    const model = modelInfo(strapi, def.uid);
    const now = new Date();
    return rows.map((row) => {
      const record = scalarRecord(def, model, row, now);
      for (const rel of Object.keys(def.relations ?? {})) {
        const v = row[`__rel_${rel}`];
        const at = typeof v === 'string' ? v.indexOf(SEP) : -1;
        record[rel] = at >= 0 ? (v as string).slice(0, at) : null;
        record[`${rel}Label`] = at >= 0 ? (v as string).slice(at + 1) || null : null;
      }
      return record;
    });
  }

  return {
    async list(def: ResourceDefinition, staff: StaffContext, query: ListQuery): Promise<ListResult> {
      const knex = knexOf();
      const model = modelInfo(strapi, def.uid);
      const { qb: base, maxRows } = await scopedQuery(strapi, knex, def, staff, query.filters);
      const start = query.range?.start ?? 0;
      const size = query.range ? query.range.end - query.range.start + 1 : MAX_IDS;
      // A deferred join: the page's row ids are picked first, on the indexes alone where they
      // cover the filters and the sort, and only those rows are read in full and labelled
      // (subqueries in the select list of an OFFSET query would also run for every skipped row).
      const then = def.sortThen?.[query.sort.attribute];
      const page = (withTotal: boolean) => {
        const ids = orderBy(base.clone().select(withTotal ? ['t.id', knex.raw('count(*) over () as __total')] : 't.id'), model, query.sort, then).offset(start).limit(size);
        const columns = selection(strapi, knex, def, model);
        const rows = knex({ t: model.table }).join(ids.as('p'), 'p.id', 't.id');
        return orderBy(rows.select(withTotal ? { ...columns, __total: 'p.__total' } : columns), model, query.sort, then);
      };
      const { rows, total, exact } = query.range ? await pageWithTotal(strapi, knex, base, page, start, size, { maxRows, key: `${def.name}|${staff.officeCode}|${staff.role}|${staff.regionCode ?? ''}|${JSON.stringify(query.filters)}` }) : { rows: await prepared(strapi, page(false)), total: 0, exact: true };
      const records = toRecords(def, rows);
      return { records: records.map((r) => maskRecord(def, r, staff)), start, total: query.range ? total : records.length, exact };
    },

    /** A record the staff member may see, unmasked, with its components; null when not visible. */
    async findVisible(def: ResourceDefinition, staff: StaffContext, id: string, options: { trx?: Knex; forUpdate?: boolean } = {}): Promise<Found | null> {
      if (!ID_PATTERN.test(id)) return null;
      const knex = knexOf(options.trx);
      const model = modelInfo(strapi, def.uid);
      const qb = (await scopedQuery(strapi, knex, def, staff)).qb.where('t.document_id', id).select(selection(strapi, knex, def, model)).limit(1);
      if (options.forUpdate && strapi.db.dialect.client === 'postgres') qb.forUpdate('t');
      const [row] = await prepared(strapi, qb);
      if (!row) return null;
      const [record] = toRecords(def, [row]);
      if (def.components?.length) {
        const populate = Object.fromEntries(def.components.map((c) => [c, componentPopulate(strapi, model.attributes.get(c)!.target!)]));
        const full: any = await strapi.db.query(def.uid as any).findOne({ where: { id: row.__id }, select: ['id'], populate });
        for (const c of def.components) record[c] = withoutIds(full?.[c] ?? null);
      }
      return { record, rowId: Number(row.__id) };
    },

    async getOne(def: ResourceDefinition, staff: StaffContext, id: string): Promise<PanelRecord> {
      const found = await this.findVisible(def, staff, id);
      if (!found) throw notFound();
      return maskRecord(def, found.record, staff);
    },
  };
};

export type RecordsService = ReturnType<typeof import('./records').default>;

export function recordsService(strapi: Core.Strapi): RecordsService {
  return strapi.service('api::panel.records') as unknown as RecordsService;
}
