import type { Knex } from 'knex';
import { SENT_TO_BPJS } from '../../../core/case-scope';
import type { StaffContext } from '../../../core/staff';
import type { ScopeRule, SqlTools } from './types';

/**
 * Scope rules: which rows a staff member may see, as SQL on the plain code columns.
 * Nothing of another office, ever; village and district operators only their region;
 * the BPJS liaison only what was handed to BPJS (sent batches, their lines, bpjsCaseIds).
 */

export function nothing(qb: Knex.QueryBuilder): void {
  qb.whereRaw('1 = 0');
}

/** Rows of the staff member's office (documents, letters, complaints, users…). */
export const officeScope =
  (officeAttribute = 'officeCode'): ScopeRule =>
  (qb, staff, sql) => {
    qb.where(sql.col(officeAttribute), staff.officeCode);
  };

/** Office, then the operator's village or district by the row's own code columns. */
export function regionScope(columns: { office: string; village: string; district: string; bpjs?: ScopeRule }): ScopeRule {
  return (qb, staff, sql) => {
    qb.where(sql.col(columns.office), staff.officeCode);
    if (staff.scope === 'village') qb.where(sql.col(columns.village), staff.regionCode ?? '');
    else if (staff.scope === 'district') qb.where(sql.col(columns.district), staff.regionCode ?? '');
    else if (staff.scope === 'bpjs') {
      if (columns.bpjs) columns.bpjs(qb, staff, sql);
      else nothing(qb);
    }
  };
}

/**
 * Ids of the office's batches sent to BPJS, and of the batches recapped into them (a village
 * batch inside a district batch inside the office recap that was sent).
 */
export function sentBatchIds(staff: StaffContext, sql: SqlTools): Knex.QueryBuilder {
  const { knex } = sql;
  const batches = sql.tableOf('api::batch.batch');
  const parent = sql.linkOf('api::batch.batch', 'parent');
  const status = sql.columnOf('api::batch.batch', 'status');
  const office = sql.columnOf('api::batch.batch', 'officeCode');
  return knex({ b: batches })
    .leftJoin({ p1: parent.table }, `p1.${parent.source}`, 'b.id')
    .leftJoin({ b1: batches }, 'b1.id', `p1.${parent.target}`)
    .leftJoin({ p2: parent.table }, `p2.${parent.source}`, 'b1.id')
    .leftJoin({ b2: batches }, 'b2.id', `p2.${parent.target}`)
    .where(`b.${office}`, staff.officeCode)
    .where((w) => {
      w.whereIn(`b.${status}`, SENT_TO_BPJS).orWhereIn(`b1.${status}`, SENT_TO_BPJS).orWhereIn(`b2.${status}`, SENT_TO_BPJS);
    })
    .select('b.id');
}

/** Ids of the cases that are lines of a batch sent to BPJS. */
export function sentCaseIds(staff: StaffContext, sql: SqlTools): Knex.QueryBuilder {
  const link = sql.linkOf('api::case.case', 'batch');
  return sql.knex(link.table).whereIn(link.target, sentBatchIds(staff, sql)).select(link.source);
}

/** The BPJS liaison's role in a case's queueRoles ("|petugas|petugas-bpjs|"), as a LIKE pattern. */
export const BPJS_QUEUE_PATTERN = '%|petugas-bpjs|%';

/**
 * Ids of the cases handed to the BPJS liaison (the rule of core/case-scope.ts caseInScope):
 * lines of sent batches (the engine checks those against the batch), open cases sent alone
 * (a BPJS result pending or recorded; a closed one stays reachable by its id, not listed, so
 * the list doesn't grow with every case ever sent), and cases now at a BPJS activity. Three selects in a union, each on its own index (the result and queue
 * ones are partial, made in lib/bootstrap.ts), instead of one OR that scans the office's cases.
 */
export function bpjsCaseIds(staff: StaffContext, sql: SqlTools): Knex.QueryBuilder {
  const col = (a: string) => sql.columnOf('api::case.case', a);
  const office = () => sql.knex(sql.tableOf('api::case.case')).where(col('officeCode'), staff.officeCode).select('id');
  // The pattern is a constant, written into the SQL so the partial index's predicate matches it.
  const atBpjs = office().whereRaw(`?? like '${BPJS_QUEUE_PATTERN}'`, [col('queueRoles')]);
  const sentAlone = office().whereNotNull(col('bpjsResult')).whereNull(col('closedAt'));
  return office().whereIn('id', sentCaseIds(staff, sql)).union([sentAlone, atBpjs]);
}

/** The ids of a scope on another resource's table, for rules that follow a relation. */
export function caseCodesInScope(staff: StaffContext, sql: SqlTools): Knex.QueryBuilder {
  const col = (a: string) => sql.columnOf('api::case.case', a);
  const qb = sql.knex(sql.tableOf('api::case.case')).where(col('officeCode'), staff.officeCode).select(col('code'));
  if (staff.scope === 'village') qb.where(col('villageCode'), staff.regionCode ?? '');
  else if (staff.scope === 'district') qb.where(col('districtCode'), staff.regionCode ?? '');
  return qb;
}
