import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StaffContext } from '../../../core/staff';
import type { ResourceDefinition, SqlTools } from '../resources/types';
import { checkMaskedUse, type ListQuery, type ParsedFilter } from './params';
import { attributeOf, columnOf, modelInfo, type ModelInfo } from './schema';

/**
 * SQL of the staff API, straight through knex on the plain code columns (officeCode,
 * districtCode, villageCode, queueRoles…), which the schema indexes: no link-table joins for
 * scoping, so lists stay fast on big tables. The resource table is always aliased "t".
 */

/** Searches matching up to this many rows are resolved to ids before the list query. */
export const SEARCH_IDS_LIMIT = 5_000;
/** Up to this many matches the total is exact; above, PostgreSQL's planner estimate is used. */
export const EXACT_COUNT_LIMIT = Number(process.env.PANEL_EXACT_COUNT_LIMIT) || 5_000;

/**
 * Runs a query and returns its rows; on PostgreSQL as a named prepared statement, so that each
 * connection plans a query shape once instead of on every request (planning a page with its
 * relation subqueries costs more than running it). Compiled once: the name is a hash of it.
 */
export async function prepared(strapi: Core.Strapi, qb: Knex.QueryBuilder): Promise<any[]> {
  if (strapi.db.dialect.client !== 'postgres') return qb;
  const { sql, bindings } = qb.toSQL();
  // The builder's own client: the transaction's when it runs in one.
  return preparedRaw((qb as any).client, sql, bindings as unknown[]);
}

const statementNames = new Map<string, string>();

/** A compiled statement (knex placeholders) run as a named prepared statement (PostgreSQL). */
export async function preparedRaw(client: Knex | Knex.Transaction, sql: string, bindings: unknown[]): Promise<any[]> {
  let name = statementNames.get(sql);
  if (!name) {
    name = `panel_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (statementNames.size > 10_000) statementNames.clear();
    statementNames.set(sql, name);
  }
  const result = await client.raw(sql, bindings as any[]).options({ name });
  return result.rows;
}

/**
 * `column IN (values)`; on PostgreSQL as `= any(array)`, one parameter whatever the number of
 * values, so that the statement stays the same and can be prepared.
 */
export function whereAny(strapi: Core.Strapi, qb: Knex.QueryBuilder, column: string, values: (string | number)[]): Knex.QueryBuilder {
  if (strapi.db.dialect.client !== 'postgres' || !values.length) return qb.whereIn(column, values);
  return qb.whereRaw('?? = any(?)', [column, values]);
}

/** The smallest digit string after every string starting with `digits` ("3519" -> "352"); "" for all nines. */
export function nextDigitPrefix(digits: string): string {
  const trimmed = digits.replace(/9+$/, '');
  return trimmed ? trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1) : '';
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export function sqlTools(strapi: Core.Strapi, knex: Knex, model: ModelInfo): SqlTools {
  const client = strapi.db.dialect.client as string;
  // PostgreSQL's default LIKE escape is the backslash; SQLite needs it said.
  const like = (qb: Knex.QueryBuilder, column: string, pattern: string, caseless: boolean) =>
    client === 'postgres' ? qb.whereRaw(`?? ${caseless ? 'ilike' : 'like'} ?`, [column, pattern]) : qb.whereRaw("?? like ? escape '\\'", [column, pattern]);
  let maxRows = Infinity;
  return {
    knex,
    client,
    get maxRows() {
      return maxRows;
    },
    col: (attribute) => `t.${columnOf(model, attribute)}`,
    tableOf: (uid) => modelInfo(strapi, uid).table,
    columnOf: (uid, attribute) => columnOf(modelInfo(strapi, uid), attribute),
    linkOf: (uid, attribute) => {
      const link = attributeOf(modelInfo(strapi, uid), attribute).link;
      if (!link) throw new Error(`panel: ${uid}.${attribute} has no link table`);
      return link;
    },
    contains: (qb, column, term) => like(qb, column, `%${escapeLike(term)}%`, true),
    // Digits (a NIK's start) as a range, which any btree index serves whatever the collation
    // (PostgreSQL turns LIKE 'x%' into a range only under the C collation); LIKE stays as the
    // exact test. Other terms: case-sensitive LIKE.
    startsWith: (qb, column, term) => {
      const upper = /^\d+$/.test(term) ? nextDigitPrefix(term) : undefined;
      if (upper !== undefined) {
        qb.where(column, '>=', term);
        if (upper) qb.where(column, '<', upper);
      }
      return like(qb, column, `${escapeLike(term)}%`, false);
    },
    whereIdIn: async (qb, column, ids) => {
      // Not a prepared statement: a text search's plan depends on its pattern (a trigram index
      // for most, not for all), and a generic plan, chosen blind to the pattern, can be 20x slower.
      const found: any[] = await ids.clone().limit(SEARCH_IDS_LIMIT + 1);
      if (found.length > SEARCH_IDS_LIMIT) qb.whereIn(column, ids);
      else {
        whereAny(
          strapi,
          qb,
          column,
          found.map((r: any) => Object.values(r)[0] as number),
        );
        if (column === 't.id') maxRows = Math.min(maxRows, found.length);
      }
    },
  };
}

function applyFilter(qb: Knex.QueryBuilder, f: ParsedFilter, def: ResourceDefinition, model: ModelInfo, staff: StaffContext, sql: SqlTools, strapi: Core.Strapi): void | Promise<void> {
  switch (f.kind) {
    case 'ids':
      whereAny(strapi, qb, 't.document_id', f.ids);
      return;
    case 'search':
      return def.search!(qb, f.term, staff, sql);
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
      const target = modelInfo(strapi, attr.target!);
      if (link.onRow) {
        if (f.ids === null) qb.whereNull(`t.${link.target}`);
        else qb.whereIn(`t.${link.target}`, sql.knex(target.table).whereIn('document_id', f.ids).select('id'));
        return;
      }
      if (f.ids === null) {
        qb.whereNotExists(
          sql
            .knex(link.table)
            .select(sql.knex.raw('1'))
            .whereRaw('?? = ??', [`${link.table}.${link.source}`, 't.id']),
        );
        return;
      }
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
export async function scopedQuery(strapi: Core.Strapi, knex: Knex, def: ResourceDefinition, staff: StaffContext, filters: ParsedFilter[] = []): Promise<{ qb: Knex.QueryBuilder; maxRows: number }> {
  checkMaskedUse(def, staff, { filters });
  const model = modelInfo(strapi, def.uid);
  const sql = sqlTools(strapi, knex, model);
  const qb = knex({ t: model.table });
  // Draft and publish: the draft row is the one edited; the published row is its copy.
  if (model.draftAndPublish) qb.whereNull('t.published_at');
  qb.where((b) => def.scope(b, staff, sql));
  for (const f of filters) await applyFilter(qb, f, def, model, staff, sql, strapi);
  const ids = filters.flatMap((f) => (f.kind === 'ids' ? [f.ids.length] : []));
  return { qb, maxRows: Math.min(sql.maxRows, ...ids) };
}

export function orderBy(qb: Knex.QueryBuilder, model: ModelInfo, sort: ListQuery['sort'], then?: string): Knex.QueryBuilder {
  const order = sort.order === 'DESC' ? 'desc' : 'asc';
  if (sort.attribute === 'id') return qb.orderBy('t.id', order);
  qb.orderBy(`t.${columnOf(model, sort.attribute)}`, order);
  // The resource's second key for this sort (cases: priority, then due time), same direction.
  if (then) qb.orderBy(`t.${columnOf(model, then)}`, order);
  // Row id breaks ties, so pages never overlap or skip.
  return qb.orderBy('t.id', order);
}

export interface Page {
  rows: Record<string, unknown>[];
  total: number;
  exact: boolean;
}

/** Rows matching a query, counted with a LIMIT so that the cost stays bounded. */
async function cappedCount(strapi: Core.Strapi, knex: Knex, base: Knex.QueryBuilder, cap: number): Promise<number> {
  const rows = base.clone().clearSelect().clearOrder().select(knex.raw('1'));
  const [counted]: any[] = await prepared(strapi, knex.count({ n: '*' }).from(rows.limit(cap + 1).as('c')));
  return Number(counted.n);
}

/** Planner estimates by query, kept ESTIMATE_MS: they only change with the table's statistics. */
const ESTIMATE_MS = 60_000;
const estimates = new Map<string, { rows: number; at: number }>();

/**
 * PostgreSQL's estimate of the rows a query matches (EXPLAIN: planning only, no execution).
 * `key` names the query (resource, who asks, filters), so that a kept estimate costs nothing.
 */
async function estimate(knex: Knex, base: Knex.QueryBuilder, key: string): Promise<number> {
  const hit = estimates.get(key);
  if (hit && Date.now() - hit.at < ESTIMATE_MS) return hit.rows;
  const { sql, bindings } = base.clone().clearSelect().clearOrder().select(knex.raw('1')).toSQL();
  const explained = await knex.raw(`explain (format json) ${sql}`, bindings as any[]);
  const rows = Math.round(Number(explained.rows?.[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows']) || 0);
  if (estimates.size > 5_000) estimates.clear();
  estimates.set(key, { rows, at: Date.now() });
  return rows;
}

/** Up to this many matches (by the estimate) the page query counts them itself: one statement. */
export const WINDOW_COUNT_LIMIT = Number(process.env.PANEL_WINDOW_COUNT_LIMIT ?? 1_000);

/**
 * A page of rows and the total behind Content-Range. Counting every match is most of a list
 * request's cost on a big table, so the count is planned from PostgreSQL's estimate (EXPLAIN,
 * planning only, kept a minute per query) or from a known bound (an id list):
 *  - a few matches: the page query counts them as well (count(*) over ()), one statement —
 *    each round trip to the database costs more than counting a thousand rows;
 *  - up to a few times EXACT_COUNT_LIMIT: a count capped at EXACT_COUNT_LIMIT rows runs
 *    beside the page query on the same indexes: exact up to the cap, the estimate above it;
 *  - clearly more: no count, the estimate is the total.
 * An estimated total is flagged by `exact: false` (sent as X-Total-Estimated). A page that
 * isn't full gives the exact total by itself. SQLite (small offices) counts exactly.
 */
export async function pageWithTotal(
  strapi: Core.Strapi,
  knex: Knex,
  base: Knex.QueryBuilder,
  pageQuery: (withTotal: boolean) => Knex.QueryBuilder,
  start: number,
  size: number,
  bounds: { maxRows: number; key: string },
): Promise<Page> {
  const page = pageQuery(false);
  const { maxRows, key } = bounds;
  const fromPage = (rows: Record<string, unknown>[]) => (rows.length < size && (rows.length > 0 || start === 0) ? start + rows.length : undefined);
  if (strapi.db.dialect.client !== 'postgres') {
    const rows = await page;
    return { rows, total: fromPage(rows) ?? (await cappedCount(strapi, knex, base, Number.MAX_SAFE_INTEGER - 1)), exact: true };
  }
  if (maxRows <= size && start === 0) {
    const rows = await prepared(strapi, page);
    return { rows, total: rows.length, exact: true };
  }
  const estimated = maxRows <= WINDOW_COUNT_LIMIT ? maxRows : await estimate(knex, base, key);
  if (estimated <= WINDOW_COUNT_LIMIT) {
    const rows = await prepared(strapi, pageQuery(true));
    if (rows.length) return { rows, total: Number(rows[0].__total), exact: true };
    return { rows, total: start === 0 ? 0 : await cappedCount(strapi, knex, base, EXACT_COUNT_LIMIT), exact: true };
  }
  const big = estimated > 4 * EXACT_COUNT_LIMIT;
  const [rows, counted] = await Promise.all([prepared(strapi, page), big ? Infinity : cappedCount(strapi, knex, base, EXACT_COUNT_LIMIT)]);
  const exact = fromPage(rows) ?? (counted <= EXACT_COUNT_LIMIT ? counted : undefined);
  if (exact !== undefined) return { rows, total: exact, exact: true };
  return { rows, total: Math.max(estimated, EXACT_COUNT_LIMIT + 1), exact: false };
}
