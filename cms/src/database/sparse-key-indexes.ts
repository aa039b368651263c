import type { Core } from '@strapi/strapi';
import { joinColumnOf } from './bulk-insert';

/**
 * Strapi indexes every relation column it keeps on a row (<table>_<column>_fk), NULLs included.
 * Some of these columns are null on nearly every row: who created or last updated a record in
 * Strapi's admin (never a staff action or an import), a case's assignee before anyone reassigns
 * it, its batch before a recap. Each such index still takes an entry for every new row: eight
 * per imported proposal, 0.43 s per 100,000 rows measured in psql (0.02 s as partial indexes).
 * Every query that uses one asks for a value (`column = ?`, and the foreign key's own lookups
 * when a user or batch is deleted), which an index WHERE column IS NOT NULL answers.
 *
 * On PostgreSQL they are rebuilt as partial indexes, under the same name and on the same column:
 * Strapi's schema sync reads an index's name and columns, not its predicate, so it leaves them.
 * Idempotent (an index already partial is left); run at every start, so that one Strapi has
 * made anew is narrowed again.
 */
export const SPARSE_RELATIONS: readonly (readonly [uid: string, attribute: string])[] = [
  ['api::applicant.applicant', 'createdBy'],
  ['api::applicant.applicant', 'updatedBy'],
  ['api::case.case', 'createdBy'],
  ['api::case.case', 'updatedBy'],
  ['api::case.case', 'assignee'],
  ['api::case.case', 'batch'],
  ['api::case-event.case-event', 'createdBy'],
  ['api::case-event.case-event', 'updatedBy'],
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
    await knex.transaction(async (trx) => {
      await trx.raw('drop index ??', [name]);
      await trx.raw('create index ?? on ?? (??) where ?? is not null', [name, table, column, column]);
    });
    rebuilt.push(name);
  }
  return rebuilt;
}
