import type { Core } from '@strapi/strapi';
import { joinColumnOf } from './bulk-insert';

/**
 * Strapi indexes every relation column it keeps on a row (<table>_<column>_fk), NULLs included.
 * Some of these columns are null on nearly every row: who created or last updated a record in
 * Strapi's admin (never a staff action or an import), and a case's assignee before anyone
 * reassigns it. Each such index still takes an entry for every new row: seven per imported
 * proposal (eight such indexes: 0.43 s per 100,000 rows in psql, 0.02 s as partial ones).
 * Every query that uses one asks for a value (`column = ?`, and the foreign key's own lookups
 * when a user is deleted), which an index WHERE column IS NOT NULL answers; a lookup of the
 * nulls (cases nobody was assigned) reads most of the table and never used the index.
 *
 * On PostgreSQL they are rebuilt as partial indexes, under the same name and on the same column:
 * Strapi's schema sync reads an index's name and columns, not its predicate, so it leaves them.
 * Idempotent (an index already partial is left); run at every start, so that one Strapi has
 * made anew is narrowed again. A case's batch is not here: once recapped, most cases have one.
 * A table another session holds (an import running on another server) is left for the next
 * start rather than waited for.
 */
export const SPARSE_RELATIONS: readonly (readonly [uid: string, attribute: string])[] = [
  ['api::applicant.applicant', 'createdBy'],
  ['api::applicant.applicant', 'updatedBy'],
  ['api::case.case', 'createdBy'],
  ['api::case.case', 'updatedBy'],
  ['api::case.case', 'assignee'],
  ['api::case-event.case-event', 'createdBy'],
  ['api::case-event.case-event', 'updatedBy'],
  ['api::access-log.access-log', 'createdBy'],
  ['api::access-log.access-log', 'updatedBy'],
  ['api::access-log.access-log-subject', 'createdBy'],
  ['api::access-log.access-log-subject', 'updatedBy'],
];

/** Returns the names of the indexes it rebuilt. */
export async function narrowSparseKeyIndexes(strapi: Core.Strapi): Promise<string[]> {
  if (strapi.db.dialect.client !== 'postgres') return [];
  const knex = strapi.db.connection;
  const rebuilt: string[] = [];
  for (const [uid, attribute] of SPARSE_RELATIONS) {
    const table = (strapi.db.metadata.get(uid as any) as any).tableName as string;
    const column = joinColumnOf(strapi, uid, attribute);
    if (!column) continue;
    const name = `${table}_${column}_fk`;
    // The index on exactly this column, without a predicate yet.
    const { rows } = await knex.raw(
      `select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
       where c.relname = ? and c.relnamespace = current_schema()::regnamespace and i.indrelid = ?::regclass
         and i.indpred is null and i.indnatts = 1 and i.indkey[0] = (select attnum from pg_attribute where attrelid = ?::regclass and attname = ?)`,
      [name, table, table, column],
    );
    if (!rows.length) continue;
    try {
      await knex.transaction(async (trx) => {
        await trx.raw(`set local lock_timeout = '5s'`);
        await trx.raw('drop index ??', [name]);
        await trx.raw('create index ?? on ?? (??) where ?? is not null', [name, table, column, column]);
      });
      rebuilt.push(name);
    } catch (err: any) {
      strapi.log.warn(`Index ${name} not rebuilt without nulls (next start tries again): ${err?.message ?? err}`);
    }
  }
  return rebuilt;
}
