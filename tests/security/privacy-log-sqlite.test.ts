/**
 * The privacy log on SQLite (what `npm start` uses): recorded as on PostgreSQL (its multi-row
 * inserts instead of COPY), and append-only by SQLite triggers.
 */
import { csvOf, finished, importFile, manyRows, SERVICE } from '../bulk/support';
import { Logins, villageOf } from '../engine/helpers';
import { startServer, type TestServer } from '../helpers/strapi';

let server: TestServer;
let logins: Logins;

beforeAll(async () => {
  server = await startServer({ database: 'sqlite' });
  logins = new Logins(server);
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const knex = () => server.strapi.db.connection;
const outcome = (q: PromiseLike<unknown>) =>
  Promise.resolve(q).then(
    () => 'done',
    (err: Error) => err.message,
  );

test('runs on SQLite', () => {
  expect(server.strapi.db.dialect.client).toBe('sqlite');
});

test('a full view and an export of the whole office are recorded, one row per applicant', async () => {
  // 600 more proposals, so that the export's applicants take more than one insert.
  const desa = await logins.as('magetan.desa1');
  const imported = await importFile(desa, { name: 'f35.csv', bytes: csvOf(manyRows(600, [await villageOf(server, 'magetan.desa1')], 4000)) }, { kind: 'form35', service: SERVICE });
  expect(imported.status).toBe('succeeded');
  const petugas = await logins.as('magetan.petugas');
  const applicant = await knex()('applicants').where({ office_code: 'magetan' }).orderBy('id').first('id', 'document_id');
  expect((await petugas.get(`/api/panel/applicants/${applicant.document_id}`)).status).toBe(200);
  const view = await knex()('access_logs').where({ reference: applicant.document_id, kind: 'view' }).first();
  expect(view).toMatchObject({ username: 'magetan.petugas', subject_count: 1 });
  const r = await petugas.post('/api/panel/exports', { kind: 'cases', format: 'csv', filter: {} });
  expect((await finished(petugas, r.body.id)).status).toBe('succeeded');
  const expected = Number((await knex()('cases').where({ office_code: 'magetan' }).countDistinct({ n: 'applicant_id' }))[0].n);
  expect(expected).toBeGreaterThan(500); // more than one multi-row insert (SQLite: 500 rows each)
  const entry = await knex()('access_logs').where({ reference: r.body.id, kind: 'export' }).first();
  expect(entry.subject_count).toBe(expected);
  expect(Number((await knex()('access_log_subjects').where({ access_log_id: entry.id }).count({ n: '*' }))[0].n)).toBe(expected);
});

test('SQLite triggers refuse UPDATE and DELETE on both tables', async () => {
  const entry = await knex()('access_logs').orderBy('id').first();
  for (const table of ['access_logs', 'access_log_subjects']) {
    expect(await outcome(knex()(table).update({ updated_at: Date.now() }))).toMatch(/Log akses data pribadi tidak dapat diubah atau dihapus/);
    expect(await outcome(knex()(table).del())).toMatch(/Log akses data pribadi tidak dapat diubah atau dihapus/);
  }
  expect((await knex()('access_logs').where({ id: entry.id }).first()).username).toBe(entry.username);
});
