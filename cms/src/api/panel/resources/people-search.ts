import type { Knex } from 'knex';
import type { StaffContext } from '../../../domain/staff';
import type { SqlTools } from './types';

const A = 'api::applicant.applicant';

/**
 * Ids of the office's applicants matching a search term: digits are the start of a NIK (or a
 * whole NIK or KK number), anything else part of the name (the office's trigram index on
 * PostgreSQL, see lib/bootstrap.ts).
 */
export function applicantsMatching(term: string, staff: StaffContext, sql: SqlTools): Knex.QueryBuilder {
  const col = (attribute: string) => `a.${sql.columnOf(A, attribute)}`;
  const qb = sql.knex({ a: sql.tableOf(A) }).select('a.id').where(col('officeCode'), staff.officeCode);
  if (/^\d+$/.test(term)) {
    if (term.length === 16) qb.where((b) => b.where(col('nik'), term).orWhere(col('kkNumber'), term));
    else sql.startsWith(qb, col('nik'), term);
  } else sql.contains(qb, col('name'), term);
  return qb;
}
