import type { Core } from '@strapi/strapi';

/**
 * The case history is append-only below the application too: a database trigger refuses
 * UPDATE and DELETE on case_events, whose case_id column links an event to its case (so a case
 * with history cannot be deleted either: the foreign key would set that column to null), and on
 * a link table, were the relation ever stored in one. One update gets through: the one that
 * only clears an event's actor, which the foreign key makes when a staff account is deleted
 * (the event keeps the actor's name and role). On PostgreSQL only the foreign key may make it
 * (it runs inside the key's own trigger: depth 2); SQLite can't tell who clears the column.
 * Installed idempotently at every bootstrap.
 */
const EVENT = 'api::case-event.case-event';

const guarded = (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(EVENT as any) as any;
  const link = meta.attributes.case.joinTable?.name;
  /** The actor's column, when the actor is stored on the row. */
  const actorColumn: string | null = meta.attributes.actor.joinColumn?.name ?? null;
  return { table: meta.tableName as string, tables: link ? [meta.tableName, link] : [meta.tableName], actorColumn };
};

export async function installAppendOnlyGuards(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const { table: events, tables, actorColumn } = guarded(strapi);
  if (strapi.db.dialect.client === 'postgres') {
    await knex.transaction(async (trx) => {
      // TG_ARGV[0]: the column an update may clear and nothing else (the actor's).
      await trx.raw(`
        CREATE OR REPLACE FUNCTION layanan_refuse_history_change() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND TG_NARGS > 0 AND pg_trigger_depth() > 1 AND to_jsonb(NEW) ->> TG_ARGV[0] IS NULL
             AND to_jsonb(NEW) - TG_ARGV[0] = to_jsonb(OLD) - TG_ARGV[0] THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'Riwayat kasus tidak dapat diubah atau dihapus (% pada %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END
        $$ LANGUAGE plpgsql`);
      for (const table of tables) {
        const clearable = table === events && actorColumn ? `'${actorColumn.replace(/'/g, "''")}'` : '';
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ??`, [table]);
        await trx.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION layanan_refuse_history_change(${clearable})`, [table]);
      }
      await refuseCmsWrittenEvents(strapi, trx);
    });
    return;
  }
  if (strapi.db.dialect.client === 'sqlite') {
    // In one transaction, so that a failure can't leave the history unguarded.
    await knex.transaction(async (trx) => {
      for (const table of tables) {
        // Replaced at every start (the update trigger's exception follows the table's columns).
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_no_update`);
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
        let when = '';
        if (table === events && actorColumn) {
          const others = ((await trx.raw(`pragma table_info(??)`, [table])) as { name: string }[]).map((c) => c.name).filter((c) => c !== actorColumn);
          when = ` WHEN NOT (NEW."${actorColumn}" IS NULL AND ${others.map((c) => `NEW."${c}" IS OLD."${c}"`).join(' AND ')})`;
        }
        await trx.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}${when} BEGIN SELECT RAISE(ABORT, 'Riwayat kasus tidak dapat diubah atau dihapus'); END`);
        await trx.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'Riwayat kasus tidak dapat diubah atau dihapus'); END`);
      }
      await refuseCmsWrittenEvents(strapi, trx);
    });
  }
}

const FORGED = 'Riwayat kasus hanya ditulis oleh mesin kasus, tidak dari CMS';

/**
 * Inserts too: the engine writes events straight through knex (history.record) and never sets
 * Strapi's createdBy/updatedBy; the document service sets them to the CMS user who writes. A row
 * carrying either is the CMS's, and refused (document-middlewares/append-only.ts refuses it first).
 */
async function refuseCmsWrittenEvents(strapi: Core.Strapi, trx: any): Promise<void> {
  const meta = strapi.db.metadata.get(EVENT as any) as any;
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
