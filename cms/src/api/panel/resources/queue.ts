import type { Knex } from 'knex';
import type { StaffContext } from '../../../domain/staff';
import type { SqlTools } from './types';

/**
 * "My queue": cases whose current activity is executed by my role. queueRoles holds the
 * executor roles as "|petugas|kabid|"; a LIKE on it can't use an index, so the distinct values
 * of the office are listed first with a loose index scan (one index probe per value, on
 * PostgreSQL) and the queue becomes an IN list on the indexed (officeCode, queueRoles) prefix.
 */
export async function queueValuesFor(staff: StaffContext, sql: SqlTools): Promise<string[]> {
  const table = sql.tableOf('api::case.case');
  const queue = sql.columnOf('api::case.case', 'queueRoles');
  const office = sql.columnOf('api::case.case', 'officeCode');
  let values: string[];
  if (sql.client === 'postgres') {
    const res = await sql.knex.raw(
      `with recursive q(v) as (
         (select ?? from ?? where ?? = ? and ?? is not null order by ?? limit 1)
         union all
         select (select c.?? from ?? c where c.?? = ? and c.?? > q.v order by c.?? limit 1) from q where q.v is not null
       ) select v from q where v is not null`,
      [queue, table, office, staff.officeCode, queue, queue, queue, table, office, staff.officeCode, queue, queue],
    );
    values = res.rows.map((r: any) => r.v);
  } else {
    values = (await sql.knex(table).distinct(queue).where(office, staff.officeCode).whereNotNull(queue)).map((r: any) => r[queue]);
  }
  return values.filter((v) => v.includes(`|${staff.role}|`));
}

export async function whereInMyQueue(qb: Knex.QueryBuilder, staff: StaffContext, sql: SqlTools): Promise<void> {
  const values = await queueValuesFor(staff, sql);
  if (values.length) qb.whereIn(sql.col('queueRoles'), values);
  else qb.whereRaw('1 = 0');
}
