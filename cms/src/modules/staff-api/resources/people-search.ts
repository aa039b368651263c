import type { Knex } from 'knex';
import { seesIdentityInFull, WHOLE_VALUE } from '../../../core/identity-visibility';
import type { StaffContext } from '../../../core/staff';
import { fieldError } from '../../../platform/errors';
import type { SqlTools } from './types';

const A = 'api::applicant.applicant';

/**
 * Ids of the office's applicants matching a search term: digits are the start of a NIK (or a
 * whole NIK or KK number), anything else part of the name (the office's trigram index on
 * PostgreSQL, see lib/bootstrap.ts). A role that sees NIKs masked matches them only whole
 * (core/identity-visibility.ts): a prefix would give away the hidden digits one by one, so
 * its digit term must be a complete NIK or KK number (`field` names the filter in the 400).
 */
export function applicantsMatching(term: string, staff: StaffContext, sql: SqlTools, field = 'filter.q'): Knex.QueryBuilder {
  const col = (attribute: string) => `a.${sql.columnOf(A, attribute)}`;
  const qb = sql
    .knex({ a: sql.tableOf(A) })
    .select('a.id')
    .where(col('officeCode'), staff.officeCode);
  if (/^\d+$/.test(term)) {
    const whole = WHOLE_VALUE.nik.test(term);
    if (whole)
      qb.where((b) => {
        b.where(col('nik'), term).orWhere(col('kkNumber'), term);
      });
    else if (seesIdentityInFull(staff)) sql.startsWith(qb, col('nik'), term);
    else throw fieldError(field, 'peran Anda melihat NIK tersamar, jadi pencarian dengan angka harus NIK atau nomor KK yang lengkap (16 digit)');
  } else sql.contains(qb, col('name'), term);
  return qb;
}
