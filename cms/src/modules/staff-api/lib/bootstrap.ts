import type { Core } from '@strapi/strapi';
import { checkDefinitions } from '../resources';
import { BPJS_QUEUE_PATTERN } from '../resources/scopes';

/**
 * Indexes Strapi's schema can't declare, for searching applicants on PostgreSQL with pg_trgm:
 * one trigram index on the name per office (partial, WHERE office_code = …: a search looks in
 * one office, and the office's own index is several times faster than one over all offices,
 * whose common name trigrams have long lists). Idempotent; an office added later gets its index
 * at the next start. Without pg_trgm (no right to create the extension) searches still work, by
 * scanning. SQLite searches with LIKE. A NIK is searched by its start, which the btree indexes
 * serve as a range (sqlTools.startsWith): the trigram index on the NIK that earlier versions
 * made served no query and cost every imported applicant 17 index entries, so it is dropped.
 */
async function createSearchIndexes(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  const knex = strapi.db.connection;
  try {
    await knex.raw('create extension if not exists pg_trgm');
  } catch (err: any) {
    strapi.log.warn(`panel: pg_trgm is not available (${err.message}); text search will scan`);
    return;
  }
  const applicants = strapi.db.metadata.get('api::applicant.applicant' as any);
  const col = (a: string) => (applicants.attributes as any)[a].columnName as string;
  await knex.raw('drop index if exists ??', [`${applicants.tableName}_nik_trgm_idx`]);
  const offices: { code: string }[] = await strapi.db.query('api::office.office').findMany({ select: ['code'] });
  for (const { code } of offices) {
    // DDL takes no bind parameters: the office code (a uid) is checked, then written in.
    if (!/^[a-z0-9-]+$/.test(code)) continue;
    const name = `${applicants.tableName}_name_trgm_${code.replace(/-/g, '_')}_idx`;
    await knex.raw(`create index if not exists ?? on ?? using gin (?? gin_trgm_ops) where ?? = '${code}'`, [name, applicants.tableName, col('name'), col('officeCode')]);
  }
}

/**
 * The dashboard's "finished per activity" reads the events that took a case off an activity in a
 * period (fromActivityDueAt set): a partial index holds those alone, so the query doesn't read
 * every event of the period (most are opens, notes, checks). Strapi's schema can't declare it.
 */
async function createStatsIndexes(strapi: Core.Strapi): Promise<void> {
  const events = strapi.db.metadata.get('api::case-event.case-event' as any);
  const col = (a: string) => (events.attributes as any)[a].columnName as string;
  await strapi.db.connection.raw('create index if not exists ?? on ?? (??, ??) where ?? is not null', [
    `${events.tableName}_left_activity_idx`,
    events.tableName,
    col('officeCode'),
    col('at'),
    col('fromActivityDueAt'),
  ]);
}

/**
 * The BPJS liaison's scope (resources/scopes.ts bpjsCaseIds) reads the open cases sent alone (a
 * BPJS result) and those at a BPJS activity: a few among a million, so two partial indexes hold just
 * those (a scan of the office's cases took seconds). Imported and newly opened cases are in
 * neither, so writing them costs nothing here.
 */
async function createBpjsIndexes(strapi: Core.Strapi): Promise<void> {
  const cases = strapi.db.metadata.get('api::case.case' as any);
  const col = (a: string) => (cases.attributes as any)[a].columnName as string;
  const knex = strapi.db.connection;
  // Built without blocking writes on PostgreSQL: an existing database may hold millions of cases.
  const create = strapi.db.dialect.client === 'postgres' ? 'create index concurrently if not exists' : 'create index if not exists';
  await knex.raw(`${create} ?? on ?? (??) where ?? is not null and ?? is null`, [`${cases.tableName}_bpjs_open_result_idx`, cases.tableName, col('officeCode'), col('bpjsResult'), col('closedAt')]);
  await knex.raw(`${create} ?? on ?? (??) where ?? like '${BPJS_QUEUE_PATTERN}'`, [`${cases.tableName}_bpjs_queue_idx`, cases.tableName, col('officeCode'), col('queueRoles')]);
}

export async function bootstrapPanel(strapi: Core.Strapi): Promise<void> {
  checkDefinitions(strapi);
  await createSearchIndexes(strapi);
  await createStatsIndexes(strapi);
  await createBpjsIndexes(strapi);
}
