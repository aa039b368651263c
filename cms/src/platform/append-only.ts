import type { Core } from '@strapi/strapi';

/**
 * Append-only tables, guarded below the application too: a database trigger refuses UPDATE and
 * DELETE on them. Installed idempotently at every bootstrap. Two records are guarded:
 *
 * - The case history: case_events, whose case_id column links an event to its case (so a case
 *   with history cannot be deleted either: the foreign key would set that column to null), and
 *   a link table, were the relation ever stored in one. One update gets through: the one that
 *   only clears an event's actor, which the foreign key makes when a staff account is deleted
 *   (the event keeps the actor's name and role). On PostgreSQL only the foreign key may make it
 *   (it runs inside the key's own trigger: depth 2); SQLite can't tell who clears the column.
 * - The privacy log (cms/src/modules/privacy): its entries and their applicants. They hold plain ids,
 *   no foreign keys, so deleting an account or an applicant touches neither.
 */
interface Guarded {
  table: string;
  /** What the refusal says (PostgreSQL adds the statement and the table). */
  message: string;
  /** The one column an update may clear, and nothing else (the case event's actor). */
  clearable?: string | null;
}

const HISTORY = 'Riwayat kasus tidak dapat diubah atau dihapus';
const ACCESS_LOG = 'Log akses data pribadi tidak dapat diubah atau dihapus';

const tableOf = (strapi: Core.Strapi, uid: string): any => strapi.db.metadata.get(uid as any);

function guardedTables(strapi: Core.Strapi): Guarded[] {
  const events = tableOf(strapi, 'api::case-event.case-event');
  const link = events.attributes.case.joinTable?.name;
  return [
    { table: events.tableName, message: HISTORY, clearable: events.attributes.actor.joinColumn?.name ?? null },
    ...(link ? [{ table: link, message: HISTORY }] : []),
    { table: tableOf(strapi, 'api::access-log.access-log').tableName, message: ACCESS_LOG },
    { table: tableOf(strapi, 'api::access-log.access-log-subject').tableName, message: ACCESS_LOG },
  ];
}

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function installAppendOnlyGuards(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const guarded = guardedTables(strapi);
  if (strapi.db.dialect.client === 'postgres') {
    await knex.transaction(async (trx) => {
      // TG_ARGV[0]: the refusal; TG_ARGV[1]: the column an update may clear and nothing else.
      await trx.raw(`
        CREATE OR REPLACE FUNCTION layanan_refuse_history_change() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND TG_NARGS > 1 AND pg_trigger_depth() > 1 AND to_jsonb(NEW) ->> TG_ARGV[1] IS NULL
             AND to_jsonb(NEW) - TG_ARGV[1] = to_jsonb(OLD) - TG_ARGV[1] THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION '% (% pada %)', TG_ARGV[0], TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END
        $$ LANGUAGE plpgsql`);
      for (const { table, message, clearable } of guarded) {
        const args = [quoted(message), ...(clearable ? [quoted(clearable)] : [])].join(', ');
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ??`, [table]);
        await trx.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION layanan_refuse_history_change(${args})`, [table]);
      }
      await refuseCmsWrittenEvents(strapi, trx);
    });
    return;
  }
  if (strapi.db.dialect.client === 'sqlite') {
    // In one transaction, so that a failure can't leave a table unguarded.
    await knex.transaction(async (trx) => {
      for (const { table, message, clearable } of guarded) {
        // Replaced at every start (the update trigger's exception follows the table's columns).
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_no_update`);
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
        let when = '';
        if (clearable) {
          const others = ((await trx.raw(`pragma table_info(??)`, [table])) as { name: string }[]).map((c) => c.name).filter((c) => c !== clearable);
          when = ` WHEN NOT (NEW."${clearable}" IS NULL AND ${others.map((c) => `NEW."${c}" IS OLD."${c}"`).join(' AND ')})`;
        }
        await trx.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}${when} BEGIN SELECT RAISE(ABORT, ${quoted(message)}); END`);
        await trx.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, ${quoted(message)}); END`);
      }
      await refuseCmsWrittenEvents(strapi, trx);
    });
  }
}

const FORGED = 'Riwayat kasus hanya ditulis oleh mesin kasus, tidak dari CMS';

/**
 * Inserts too: the engine writes events straight through knex (history.record) and never sets
 * Strapi's createdBy/updatedBy; the document service sets them to the CMS user who writes. A row
 * carrying either is the CMS's, and refused (platform/document-middlewares/append-only.ts refuses it first).
 */
async function refuseCmsWrittenEvents(strapi: Core.Strapi, trx: any): Promise<void> {
  const meta = tableOf(strapi, 'api::case-event.case-event');
  const table: string = meta.tableName;
  const columns = ['createdBy', 'updatedBy'].map((a) => meta.attributes[a]?.joinColumn?.name).filter(Boolean) as string[];
  if (!columns.length) return;
  const when = columns.map((c) => `NEW."${c}" IS NOT NULL`).join(' OR ');
  const name = `${table}_engine_only`;
  if (strapi.db.dialect.client === 'postgres') {
    await trx.raw(`CREATE OR REPLACE FUNCTION layanan_refuse_forged_history() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '${FORGED} (% pada %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END
      $$ LANGUAGE plpgsql`);
    await trx.raw(`DROP TRIGGER IF EXISTS ${name} ON ??`, [table]);
    await trx.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON ?? FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION layanan_refuse_forged_history()`, [table]);
  } else {
    await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
    await trx.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, '${FORGED}'); END`);
  }
}
