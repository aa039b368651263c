import type { Core } from '@strapi/strapi';
import { checkDefinitions } from '../resources';

/**
 * Indexes Strapi's schema can't declare: trigram indexes for searching applicants by part of
 * their name or NIK on PostgreSQL. Idempotent; without pg_trgm (no rights to create the
 * extension) searches still work, by scanning. SQLite searches with LIKE.
 */
const TRIGRAM_INDEXES = [
  { name: 'applicants_name_trgm_idx', table: 'applicants', column: 'name' },
  { name: 'applicants_nik_trgm_idx', table: 'applicants', column: 'nik' },
];

async function createSearchIndexes(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  const knex = strapi.db.connection;
  try {
    await knex.raw('create extension if not exists pg_trgm');
  } catch (err: any) {
    strapi.log.warn(`panel: pg_trgm is not available (${err.message}); text search will scan`);
    return;
  }
  for (const ix of TRIGRAM_INDEXES) {
    await knex.raw('create index if not exists ?? on ?? using gin (?? gin_trgm_ops)', [ix.name, ix.table, ix.column]);
  }
}

export async function bootstrapPanel(strapi: Core.Strapi): Promise<void> {
  checkDefinitions(strapi);
  await createSearchIndexes(strapi);
}
