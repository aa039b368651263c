import type { Core } from '@strapi/strapi';

/**
 * The case history is append-only below the application too: a database trigger refuses
 * UPDATE and DELETE on case_events, whose case_id column links an event to its case (so a case
 * with history cannot be deleted either: the foreign key would set that column to null), and on
 * a link table, were the relation ever stored in one. Installed idempotently at every bootstrap.
 */
const GUARDED = (strapi: Core.Strapi): string[] => {
  const meta = strapi.db.metadata.get('api::case-event.case-event' as any) as any;
  const link = meta.attributes.case.joinTable?.name;
  return link ? [meta.tableName, link] : [meta.tableName];
};

export async function installAppendOnlyGuards(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const tables = GUARDED(strapi);
  if (strapi.db.dialect.client === 'postgres') {
    await knex.transaction(async (trx) => {
      await trx.raw(`
        CREATE OR REPLACE FUNCTION layanan_refuse_history_change() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'Riwayat kasus tidak dapat diubah atau dihapus (% pada %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END
        $$ LANGUAGE plpgsql`);
      for (const table of tables) {
        await trx.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ??`, [table]);
        await trx.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION layanan_refuse_history_change()`, [table]);
      }
    });
    return;
  }
  if (strapi.db.dialect.client === 'sqlite') {
    for (const table of tables) {
      for (const op of ['UPDATE', 'DELETE']) {
        await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, 'Riwayat kasus tidak dapat diubah atau dihapus'); END`);
      }
    }
  }
}
