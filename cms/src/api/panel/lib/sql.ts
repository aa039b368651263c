import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StaffContext } from '../../../domain/staff';
import type { ResourceDefinition, SqlTools } from '../resources/types';
import type { ListQuery, ParsedFilter } from './params';
import { attributeOf, columnOf, modelInfo, type ModelInfo } from './schema';

/**
 * SQL of the staff API, straight through knex on the plain code columns (officeCode,
 * districtCode, villageCode, queueRoles…), which the schema indexes: no link-table joins for
 * scoping, so lists stay fast on big tables. The resource table is always aliased "t".
 */

/** Up to this many matching rows the total is counted exactly; above it PostgreSQL's estimate is used. */
export const EXACT_COUNT_LIMIT = Number(process.env.PANEL_EXACT_COUNT_LIMIT) || 10_000;

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export function sqlTools(strapi: Core.Strapi, knex: Knex, model: ModelInfo): SqlTools {
  const client = strapi.db.dialect.client as string;
  const like = (qb: Knex.QueryBuilder, column: string, pattern: string) =>
    client === 'postgres' ? qb.whereRaw('?? ilike ?', [column, pattern]) : qb.whereRaw("?? like ? escape '\\'", [column, pattern]);
  return {
    knex,
    client,
    col: (attribute) => `t.${columnOf(model, attribute)}`,
    tableOf: (uid) => modelInfo(strapi, uid).table,
    columnOf: (uid, attribute) => columnOf(modelInfo(strapi, uid), attribute),
    linkOf: (uid, attribute) => {
      const link = attributeOf(modelInfo(strapi, uid), attribute).link;
      if (!link) throw new Error(`panel: ${uid}.${attribute} has no link table`);
      return link;
    },
    contains: (qb, column, term) => like(qb, column, `%${escapeLike(term)}%`),
    startsWith: (qb, column, term) => like(qb, column, `${escapeLike(term)}%`),
  };
}

function applyFilter(qb: Knex.QueryBuilder, f: ParsedFilter, def: ResourceDefinition, model: ModelInfo, staff: StaffContext, sql: SqlTools, strapi: Core.Strapi): void | Promise<void> {
  switch (f.kind) {
    case 'ids':
      qb.whereIn('t.document_id', f.ids);
      return;
    case 'search':
      qb.where((b) => def.search!(b, f.term, staff, sql));
      return;
    case 'eq': {
      const col = sql.col(f.attribute);
      if (f.values === null) qb.whereNull(col);
      else if (f.values.length === 1) qb.where(col, f.values[0] as any);
      else qb.whereIn(col, f.values as any[]);
      return;
    }
    case 'compare':
      qb.where(sql.col(f.attribute), { gte: '>=', lte: '<=', gt: '>', lt: '<' }[f.op], f.value as any);
      return;
    case 'relation': {
      const attr = attributeOf(model, f.attribute);
      const link = attr.link!;
      if (f.ids === null) {
        qb.whereNotExists(sql.knex(link.table).select(sql.knex.raw('1')).whereRaw('?? = ??', [`${link.table}.${link.source}`, 't.id']));
        return;
      }
      const target = modelInfo(strapi, attr.target!);
      qb.whereIn('t.id', sql.knex({ l: link.table }).join({ x: target.table }, 'x.id', `l.${link.target}`).whereIn('x.document_id', f.ids).select(`l.${link.source}`));
      return;
    }
    case 'custom':
      return def.customFilters![f.name].apply(qb, f.value, staff, sql);
  }
}

/**
 * Rows of a resource the staff member may see, narrowed by the parsed filters. (Wrapped in an
 * object: a query builder is thenable, so returning it from an async function would run it.)
 */
export async function scopedQuery(strapi: Core.Strapi, knex: Knex, def: ResourceDefinition, staff: StaffContext, filters: ParsedFilter[] = []): Promise<{ qb: Knex.QueryBuilder }> {
  const model = modelInfo(strapi, def.uid);
  const sql = sqlTools(strapi, knex, model);
  const qb = knex({ t: model.table });
  // Draft and publish: the draft row is the one edited; the published row is its copy.
  if (model.draftAndPublish) qb.whereNull('t.published_at');
  qb.where((b) => def.scope(b, staff, sql));
  for (const f of filters) await applyFilter(qb, f, def, model, staff, sql, strapi);
  return { qb };
}

export function orderBy(qb: Knex.QueryBuilder, model: ModelInfo, sort: ListQuery['sort']): Knex.QueryBuilder {
  const order = sort.order === 'DESC' ? 'desc' : 'asc';
  if (sort.attribute === 'id') return qb.orderBy('t.id', order);
  // Row id breaks ties, so pages never overlap or skip.
  return qb.orderBy(`t.${columnOf(model, sort.attribute)}`, order).orderBy('t.id', order);
}

export interface CountResult {
  total: number;
  exact: boolean;
}

/**
 * The count behind Content-Range. Counting every match is most of a list request's cost on a
 * big table, so: exact up to EXACT_COUNT_LIMIT rows (a count over a LIMITed subquery, served
 * by the same indexes as the page), and beyond that PostgreSQL's planner estimate, which
 * costs a fraction of a millisecond and is kept above the exact limit. SQLite counts exactly.
 */
export async function countRows(strapi: Core.Strapi, knex: Knex, base: Knex.QueryBuilder): Promise<CountResult> {
  const client = strapi.db.dialect.client;
  const rows = base.clone().clearSelect().clearOrder().select(knex.raw('1'));
  if (client !== 'postgres') {
    const [counted]: any[] = await knex.count({ n: '*' }).from(rows.as('c'));
    return { total: Number(counted.n), exact: true };
  }
  const [capped]: any[] = await knex.count({ n: '*' }).from(rows.clone().limit(EXACT_COUNT_LIMIT + 1).as('c'));
  const counted = Number(capped.n);
  if (counted <= EXACT_COUNT_LIMIT) return { total: counted, exact: true };
  const { sql, bindings } = rows.toSQL();
  const explained = await knex.raw(`explain (format json) ${sql}`, bindings as any[]);
  const plan = explained.rows?.[0]?.['QUERY PLAN']?.[0]?.Plan;
  const estimate = Math.round(Number(plan?.['Plan Rows']) || 0);
  return { total: Math.max(estimate, EXACT_COUNT_LIMIT + 1), exact: false };
}
