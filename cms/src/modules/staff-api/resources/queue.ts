import type { Knex } from 'knex';
import type { StaffContext } from '../../../core/staff';
import type { SqlTools } from './types';
import { announce, onClusterEvent } from '../../cluster';

/**
 * "My queue": cases whose current activity is executed by my role. queueRoles holds the
 * executor roles as "|petugas|kabid|"; a LIKE on it can't use an index, so the distinct values
 * of the office are listed with a loose index scan (one index probe per value, on PostgreSQL)
 * and the queue becomes an IN list on the indexed (officeCode, queueRoles) prefix.
 * The values of an office are kept for QUEUE_VALUES_MS: new values appear only when an SOP's
 * executors change; a case started here forgets them at once (forgetQueueValues), on every
 * instance of a cluster.
 */
const QUEUE_VALUES_MS = 10_000;
const kept = new Map<string, { values: string[]; at: number }>();

onClusterEvent('queue-values', (officeCode) => (officeCode === undefined ? kept.clear() : kept.delete(String(officeCode))));

export function forgetQueueValues(officeCode: string): void {
  kept.delete(officeCode);
  void announce('queue-values', officeCode);
}

async function officeQueueValues(officeCode: string, sql: SqlTools): Promise<string[]> {
  const hit = kept.get(officeCode);
  if (hit && Date.now() - hit.at < QUEUE_VALUES_MS) return hit.values;
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
      [queue, table, office, officeCode, queue, queue, queue, table, office, officeCode, queue, queue],
    );
    values = res.rows.map((r: any) => r.v);
  } else {
    values = (await sql.knex(table).distinct(queue).where(office, officeCode).whereNotNull(queue)).map((r: any) => r[queue]);
  }
  kept.set(officeCode, { values, at: Date.now() });
  return values;
}

export async function queueValuesFor(staff: StaffContext, sql: SqlTools): Promise<string[]> {
  return (await officeQueueValues(staff.officeCode, sql)).filter((v) => v.includes(`|${staff.role}|`));
}

export async function whereInMyQueue(qb: Knex.QueryBuilder, staff: StaffContext, sql: SqlTools): Promise<void> {
  const values = await queueValuesFor(staff, sql);
  if (values.length) qb.whereIn(sql.col('queueRoles'), values);
  else qb.whereRaw('1 = 0');
}
