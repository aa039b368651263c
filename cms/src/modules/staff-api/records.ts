import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StaffContext } from '../../core/staff';
import { recordApplicantRecords } from '../privacy';
import { notFound } from '../../platform/errors';
import { checkMaskedUse, ID_PATTERN, MAX_IDS, type ListQuery } from './lib/params';
import { columnOf, modelInfo, type ModelInfo } from './lib/schema';
import { maskRecord, scalarRecord, withoutIds } from './lib/serialize';
import { orderBy, pageWithTotal, prepared, preparedRaw, scopedQuery, whereAny } from './lib/sql';
import { resourceNamed } from './resources';
import type { PanelRecord, ResourceDefinition } from './resources/types';

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
 * A row's columns: the declared fields and, per relation, "<documentId>SEP<label>" of the
 * related record, through left joins on the relation's column or link table and the target (a
 * manyToOne has one link; were there two, the row comes twice and the callers keep the first).
 */
function labelled(strapi: Core.Strapi, knex: Knex, qb: Knex.QueryBuilder, def: ResourceDefinition, model: ModelInfo): Knex.QueryBuilder {
  const cols: Record<string, unknown> = { __id: 't.id', __doc: 't.document_id' };
  for (const field of def.fields) cols[field] = `t.${columnOf(model, field)}`;
  if (model.draftAndPublish) {
    cols.__published = knex.raw('exists (select 1 from ?? p where p.document_id = t.document_id and p.published_at is not null)', [model.table]);
  }
  for (const [rel, targetName] of Object.entries(def.relations ?? {})) {
    const link = model.attributes.get(rel)!.link!;
    const target = resourceNamed(targetName);
    const targetModel = modelInfo(strapi, target.uid);
    const [l, x] = [`rl_${rel}`, `rx_${rel}`];
    if (link.onRow) qb.leftJoin({ [x]: targetModel.table }, `${x}.id`, `t.${link.target}`);
    else qb.leftJoin({ [l]: link.table }, `${l}.${link.source}`, 't.id').leftJoin({ [x]: targetModel.table }, `${x}.id`, `${l}.${link.target}`);
    const label = target.label.map(() => `nullif(cast(??.?? as text), '')`).join(', ');
    const bindings = target.label.flatMap((a) => [x, columnOf(targetModel, a)]);
    cols[`__rel_${rel}`] = knex.raw(`??.document_id || ? || coalesce(${label}, '')`, [x, SEP, ...bindings]);
  }
  return qb.select(cols);
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

  /** Applicant records about to be sent: recorded in the privacy log first when they disclose a personal number (cms/src/modules/privacy). */
  async function recordFullView(
    def: ResourceDefinition,
    staff: StaffContext,
    records: PanelRecord[],
    rowIds: number[],
    route: string,
    kind: 'view' | 'list',
    sought: readonly string[] = [],
  ): Promise<void> {
    if (!def.logsFullViews || !def.masked || !records.length) return;
    await recordApplicantRecords(strapi, { staff, kind, route, noun: def.logsFullViews, masked: def.masked, records, rowIds, sought });
  }

  /** The whole values a list request matched masked fields against (its search term, its equality filters). */
  function soughtValues(def: ResourceDefinition, query: ListQuery): string[] {
    return query.filters.flatMap((f) => (f.kind === 'search' ? [f.term] : f.kind === 'eq' && def.masked?.[f.attribute] && f.values ? f.values.map(String) : []));
  }

  function toRecords(def: ResourceDefinition, rows: Record<string, unknown>[], staff: StaffContext): PanelRecord[] {
    const model = modelInfo(strapi, def.uid);
    const now = new Date();
    return rows.map((row) => {
      const record = scalarRecord(def, model, row, now, staff);
      for (const rel of Object.keys(def.relations ?? {})) {
        const v = row[`__rel_${rel}`];
        const at = typeof v === 'string' ? v.indexOf(SEP) : -1;
        record[rel] = at >= 0 ? (v as string).slice(0, at) : null;
        record[`${rel}Label`] = at >= 0 ? (v as string).slice(at + 1) || null : null;
      }
      return record;
    });
  }

  /**
   * The statement reading rows by id with their labels depends on the resource alone: on
   * PostgreSQL it is compiled once per resource and run with the page's ids as its one
   * parameter (building and compiling it cost about as much as running it).
   */
  const rowsStatements = new Map<string, { sql: string; bindings: unknown[]; idsAt: number }>();
  function rowsStatement(def: ResourceDefinition, model: ModelInfo) {
    let statement = rowsStatements.get(def.name);
    if (!statement) {
      const knex = knexOf();
      // Compiled with a stand-in for the ids (non-empty: an empty list compiles to `false`).
      const sentinel: number[] = [0];
      const { sql, bindings } = whereAny(strapi, labelled(strapi, knex, knex({ t: model.table }), def, model), 't.id', sentinel).toSQL();
      const idsAt = bindings.indexOf(sentinel as any);
      if (idsAt < 0) throw new Error(`panel: the rows statement of ${def.name} has no ids parameter`);
      statement = { sql, bindings: [...bindings], idsAt };
      rowsStatements.set(def.name, statement);
    }
    return statement;
  }

  /** Rows by id with their relations' labels, in the order of the ids. */
  async function rowsInOrder(def: ResourceDefinition, model: ModelInfo, ids: number[]): Promise<Record<string, unknown>[]> {
    if (!ids.length) return [];
    const knex = knexOf();
    let found: Record<string, unknown>[];
    if (strapi.db.dialect.client === 'postgres') {
      const { sql, bindings, idsAt } = rowsStatement(def, model);
      const values = [...bindings];
      values[idsAt] = ids;
      found = await preparedRaw(knex, sql, values);
    } else found = await whereAny(strapi, labelled(strapi, knex, knex({ t: model.table }), def, model), 't.id', ids);
    const byId = new Map<number, Record<string, unknown>>();
    for (const r of found) if (!byId.has(Number(r.__id))) byId.set(Number(r.__id), r);
    return ids.map((id) => byId.get(id)).filter((row): row is Record<string, unknown> => !!row);
  }

  return {
    async list(def: ResourceDefinition, staff: StaffContext, query: ListQuery): Promise<ListResult> {
      checkMaskedUse(def, staff, { sort: query.sort });
      const knex = knexOf();
      const model = modelInfo(strapi, def.uid);
      const { qb: base, maxRows } = await scopedQuery(strapi, knex, def, staff, query.filters);
      const start = query.range?.start ?? 0;
      const size = query.range ? query.range.end - query.range.start + 1 : MAX_IDS;
      // The page in two statements: its row ids first (and, when few, their count), picked on
      // the indexes alone where they cover the filters and the sort; then those rows in full
      // with their relations' labels. The second statement's plan doesn't depend on the
      // filters, so PostgreSQL plans it once per connection; in one statement with the labels,
      // planning their subqueries at every request took as long as running the query.
      const then = def.sortThen?.[query.sort.attribute];
      const pageIds = (withTotal: boolean) =>
        orderBy(base.clone().select(withTotal ? ['t.id', knex.raw('count(*) over () as __total')] : 't.id'), model, query.sort, then)
          .offset(start)
          .limit(size);
      const {
        rows: idRows,
        total,
        exact,
      } = query.range
        ? await pageWithTotal(strapi, knex, base, pageIds, start, size, { maxRows, key: `${def.name}|${staff.officeCode}|${staff.role}|${staff.regionCode ?? ''}|${JSON.stringify(query.filters)}` })
        : { rows: await prepared(strapi, pageIds(false)), total: 0, exact: true };
      const rows = await rowsInOrder(
        def,
        model,
        idRows.map((r) => Number(r.id)),
      );
      const records = toRecords(def, rows, staff);
      await recordFullView(
        def,
        staff,
        records,
        rows.map((r) => Number(r.__id)),
        `GET /api/panel/${def.name}`,
        'list',
        soughtValues(def, query),
      );
      return { records: records.map((r) => maskRecord(def, r, staff)), start, total: query.range ? total : records.length, exact };
    },

    /** A record the staff member may see, unmasked, with its components; null when not visible. */
    async findVisible(def: ResourceDefinition, staff: StaffContext, id: string, options: { trx?: Knex; forUpdate?: boolean } = {}): Promise<Found | null> {
      if (!ID_PATTERN.test(id)) return null;
      const knex = knexOf(options.trx);
      const model = modelInfo(strapi, def.uid);
      const qb = labelled(strapi, knex, (await scopedQuery(strapi, knex, def, staff)).qb, def, model)
        .where('t.document_id', id)
        .limit(1);
      if (options.forUpdate && strapi.db.dialect.client === 'postgres') qb.forUpdate('t');
      const [row] = await prepared(strapi, qb);
      if (!row) return null;
      const [record] = toRecords(def, [row], staff);
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
      await recordFullView(def, staff, [found.record], [found.rowId], `GET /api/panel/${def.name}/${id}`, 'view');
      return maskRecord(def, found.record, staff);
    },
  };
};

export type RecordsService = ReturnType<typeof import('./records').default>;

export function recordsService(strapi: Core.Strapi): RecordsService {
  return strapi.service('api::panel.records') as unknown as RecordsService;
}
