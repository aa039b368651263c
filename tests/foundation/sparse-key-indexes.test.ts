/**
 * On PostgreSQL the indexes of relation columns that are null on nearly every row (createdBy,
 * updatedBy, a case's assignee and batch) hold no null entries: partial, under Strapi's own
 * names, and left so by Strapi's schema sync. Lookups by value still use them.
 */
import { startServer, type TestServer } from '../helpers/strapi';
import { narrowSparseKeyIndexes, SPARSE_RELATIONS } from '../../cms/src/platform/sparse-key-indexes';
import { joinColumnOf } from '../../cms/src/platform/bulk-insert';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const pg = () => server.strapi.db.dialect.client === 'postgres';

async function predicates(): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [uid, attribute] of SPARSE_RELATIONS) {
    const table = server.strapi.db.metadata.get(uid).tableName;
    const name = `${table}_${joinColumnOf(server.strapi, uid, attribute)}_fk`;
    const { rows } = await server.strapi.db.connection.raw('select pg_get_expr(i.indpred, i.indrelid) as predicate from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ?', [
      name,
    ]);
    out[name] = rows.length ? rows[0].predicate : 'missing';
  }
  return out;
}

test("on PostgreSQL the sparse relation columns are indexed without their nulls, and Strapi's schema sync keeps it so", async () => {
  if (!pg()) return;
  const before = await predicates();
  expect(Object.keys(before)).toHaveLength(SPARSE_RELATIONS.length);
  for (const [name, predicate] of Object.entries(before)) expect([name, predicate]).toEqual([name, expect.stringMatching(/IS NOT NULL/)]);
  // Strapi's schema sync (run when a model changes) compares the database with its models: it
  // leaves these alone. (It does rebuild four list indexes of the cases every time, which it
  // reads with their columns in the table's order; they come back the same.)
  await server.strapi.db.schema.syncSchema();
  expect(await predicates()).toEqual(before);
  // Idempotent: a second pass rebuilds nothing.
  expect(await narrowSparseKeyIndexes(server.strapi)).toEqual([]);
});

test('on PostgreSQL a full index Strapi made anew is narrowed at the next start, and a lookup by value uses it', async () => {
  if (!pg()) return;
  const knex = server.strapi.db.connection;
  await knex.raw('drop index cases_assignee_id_fk');
  await knex.raw('create index cases_assignee_id_fk on cases (assignee_id)');
  expect(await narrowSparseKeyIndexes(server.strapi)).toEqual(['cases_assignee_id_fk']);
  expect((await predicates()).cases_assignee_id_fk).toMatch(/assignee_id IS NOT NULL/);
  await knex.raw('set enable_seqscan = off');
  try {
    const { rows } = await knex.raw('explain select id from cases where assignee_id = 1');
    expect(rows.map((r: any) => r['QUERY PLAN']).join('\n')).toMatch(/cases_assignee_id_fk/);
  } finally {
    await knex.raw('reset enable_seqscan');
  }
});
