import type { Knex } from 'knex';
import type { StaffContext } from '../../../domain/staff';
import type { SqlTools } from './types';

const A = 'api::applicant.applicant';

/**
 * Ids of the office's applicants matching a search term: digits are the start of a NIK (or a
 * whole NIK or KK number), anything else part of the name. The name goes through the trigram
 * index alone (the office is checked on its few matches): combined with the office's btree
 * index, PostgreSQL would first collect every applicant of the office.
 */
export function applicantsMatching(term: string, staff: StaffContext, sql: SqlTools): Knex.QueryBuilder {
  const col = (attribute: string) => `a.${sql.columnOf(A, attribute)}`;
  const qb = sql.knex({ a: sql.tableOf(A) }).select('a.id');
  if (/^\d+$/.test(term)) {
    qb.where(col('officeCode'), staff.officeCode);
    if (term.length === 16) qb.where((b) => b.where(col('nik'), term).orWhere(col('kkNumber'), term));
    else sql.startsWith(qb, col('nik'), term);
  } else {
    sql.contains(qb, col('name'), term);
    sql.unindexedEquals(qb, col('officeCode'), staff.officeCode);
  }
  return qb;
}
