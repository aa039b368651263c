/**
 * The case history is append-only: no API, no document-service call and no SQL statement can
 * change or delete an event. And a case's status changes only through engine actions.
 */
import { installAppendOnlyGuards } from '../../cms/src/platform/append-only';
import { startServer, type TestServer } from '../helpers/strapi';
import { eventsOf, Logins, newApplicant, openCase, villageOf } from './helpers';

let server: TestServer;
let logins: Logins;
let caseId: string;
let event: any;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  const petugas = await logins.as('tarakan.petugas');
  const opened = await openCase(petugas, 'tarakan-peralihan-pbi-pemda', newApplicant(await villageOf(server, 'tarakan.desa1')));
  caseId = opened.case.documentId;
  await petugas.ok(caseId, 'note', { note: 'Catatan yang tidak boleh diubah' });
  event = (await eventsOf(server, caseId)).at(-1);
});
afterAll(async () => {
  await server?.stop();
});

test('every action wrote who, role, when, from, to and note', () => {
  expect(event).toMatchObject({
    action: 'note',
    role: 'petugas',
    actorName: 'Petugas Linjamsos (demo)',
    fromActivity: 1,
    toActivity: 1,
    fromStatus: 'in-progress',
    toStatus: 'in-progress',
    note: 'Catatan yang tidak boleh diubah',
  });
  expect(new Date(event.at).getTime()).toBeGreaterThan(Date.now() - 120_000);
});

/** What a statement came to: 'done' or the database's error (a knex query as a real promise: jest's rejects misses a failing SQLite query builder). */
const outcome = (q: PromiseLike<unknown>) =>
  Promise.resolve(q).then(
    () => 'done',
    (err: Error) => err.message,
  );

test('the database refuses UPDATE and DELETE on case_events (trigger)', async () => {
  const knex = server.strapi.db.connection;
  const pg = server.strapi.db.dialect.client === 'postgres';
  expect(await outcome(knex('case_events').where({ id: event.id }).update({ note: 'diubah' }))).toMatch(
    pg ? /Riwayat kasus tidak dapat diubah atau dihapus \(UPDATE pada case_events\)/ : /Riwayat kasus tidak dapat diubah/,
  );
  expect(await outcome(knex.raw('UPDATE case_events SET note = ? WHERE id = ?', ['diubah', event.id]))).toMatch(/tidak dapat diubah/);
  expect(await outcome(knex('case_events').where({ id: event.id }).del())).toMatch(pg ? /DELETE pada case_events/ : /tidak dapat diubah atau dihapus/);
  expect(await outcome(knex.raw('DELETE FROM case_events'))).toMatch(/tidak dapat diubah/);
  // Nor can an event be detached from its case, or the case deleted under its history.
  expect(await outcome(knex('case_events').where({ id: event.id }).update({ case_id: null }))).toMatch(/tidak dapat diubah/);
  expect(await outcome(server.strapi.db.query('api::case.case').delete({ where: { documentId: caseId } }))).toMatch(/tidak dapat diubah/);
  const again = await server.strapi.db.query('api::case-event.case-event').findOne({ where: { id: event.id } });
  expect(again.note).toBe('Catatan yang tidak boleh diubah');
  expect(await server.strapi.db.query('api::case.case').count({ where: { documentId: caseId } })).toBe(1);
});

test('the guard is installed idempotently (once per table, however often the app boots)', async () => {
  await installAppendOnlyGuards(server.strapi);
  await installAppendOnlyGuards(server.strapi);
  const knex = server.strapi.db.connection;
  if (server.strapi.db.dialect.client === 'postgres') {
    const { rows } = await knex.raw(
      "SELECT c.relname AS table, count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%append_only' AND NOT t.tgisinternal GROUP BY c.relname ORDER BY 1",
    );
    // The privacy log's two tables are guarded by the same mechanism.
    expect(rows).toEqual([
      { table: 'access_log_subjects', n: 1 },
      { table: 'access_logs', n: 1 },
      { table: 'case_events', n: 1 },
    ]);
  } else {
    const rows = await knex('sqlite_master').where({ type: 'trigger' }).orderBy('name').select('tbl_name as table', 'name');
    expect(rows).toEqual([
      { table: 'access_log_subjects', name: 'access_log_subjects_no_delete' },
      { table: 'access_log_subjects', name: 'access_log_subjects_no_update' },
      { table: 'access_logs', name: 'access_logs_no_delete' },
      { table: 'access_logs', name: 'access_logs_no_update' },
      { table: 'case_events', name: 'case_events_engine_only' },
      { table: 'case_events', name: 'case_events_no_delete' },
      { table: 'case_events', name: 'case_events_no_update' },
    ]);
  }
});

test('the document service refuses to update or delete events (the CMS and every API go through it)', async () => {
  const docs = server.strapi.documents('api::case-event.case-event');
  await expect(docs.update({ documentId: event.documentId, data: { note: 'x' } })).rejects.toThrow(/hanya dapat ditambah/);
  await expect(docs.delete({ documentId: event.documentId })).rejects.toThrow(/hanya dapat ditambah/);
});

test('the stock REST API has no route to write events', async () => {
  const petugas = await logins.as('tarakan.petugas');
  for (const method of ['PUT', 'DELETE']) {
    const res = await server.http(`/api/case-events/${event.documentId}`, { method, token: petugas.token, json: method === 'PUT' ? { data: { note: 'x' } } : undefined });
    expect([404, 405]).toContain(res.status);
  }
  const post = await server.http('/api/case-events', { method: 'POST', token: petugas.token, json: { data: { action: 'x', at: new Date() } } });
  expect([404, 405]).toContain(post.status);
});

test('status and position of a case are not editable as fields (only through actions)', async () => {
  const docs = server.strapi.documents('api::case.case');
  const before = await server.strapi.db.query('api::case.case').findOne({ where: { documentId: caseId } });
  await expect(docs.update({ documentId: caseId, data: { status: 'completed' } })).rejects.toThrow(/hanya dapat diubah melalui tindakan kasus/);
  await expect(docs.update({ documentId: caseId, data: { currentActivity: 8, version: before.version } })).rejects.toThrow(/tindakan kasus/);
  // A version that is not the stored one is a stale edit, refused before anything else (optimistic locking).
  await expect(docs.update({ documentId: caseId, data: { currentActivity: 8, version: 99 } })).rejects.toThrow(/sudah diubah orang lain/);
  // Resending the same values (a whole record from a form) is fine, and other fields may change;
  // the edit moves the version on by one (optimistic locking of every document-service update).
  await docs.update({ documentId: caseId, data: { status: before.status, version: before.version, priority: 'emergency' } });
  const after = await server.strapi.db.query('api::case.case').findOne({ where: { documentId: caseId } });
  expect([after.status, after.version, after.priority]).toEqual([before.status, before.version + 1, 'emergency']);
  // A document update notifies listeners (webhooks) in the background; let that finish before shutdown.
  await new Promise((r) => setTimeout(r, 500));
});

test('a staff account with history can be deleted: its events stay, with the name and role they were written with', async () => {
  const users = server.strapi.db.query('plugin::users-permissions.user');
  const events = server.strapi.db.query('api::case-event.case-event');
  const c = await server.strapi.db.query('api::case.case').findOne({ where: { documentId: caseId } });
  const leaver = await users.create({ data: { username: `keluar${Date.now()}`, email: `keluar${Date.now()}@contoh.go.id`, provider: 'local', confirmed: true, fullName: 'Petugas Keluar' } });
  const written = await events.create({
    data: { case: c.id, caseCode: c.code, officeCode: c.officeCode, actor: leaver.id, actorName: 'Petugas Keluar', role: 'petugas', action: 'note', at: new Date(), note: 'Sebelum pindah tugas' },
  });
  expect((await events.findOne({ where: { id: written.id }, populate: ['actor'] })).actor.id).toBe(leaver.id);
  await users.delete({ where: { id: leaver.id } });
  const kept = await events.findOne({ where: { id: written.id }, populate: ['actor', 'case'] });
  expect([kept.actor, kept.actorName, kept.role, kept.note, kept.case.id]).toEqual([null, 'Petugas Keluar', 'petugas', 'Sebelum pindah tugas', c.id]);
});
