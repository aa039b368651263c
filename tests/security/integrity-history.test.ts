import { installAppendOnlyGuards } from '../../cms/src/platform/append-only';
import { startServer, type TestServer } from '../helpers/strapi';
import { call, login } from '../staff-api/support';

/**
 * Forged history (issue 19, defect 10): the super admin could create and clone case events in
 * the CMS, and they showed in the case timeline as genuine. Nobody, super admin included, creates,
 * copies, edits, publishes or deletes history or SOP versions in the CMS or through the document
 * service; the database refuses rows the CMS writes; the engine still writes its events.
 */
const PASSWORD = 'Demo-PBI-2026!';
const CM = '/content-manager/collection-types';
const EVENT = 'api::case-event.case-event';
const SOP_VERSION = 'api::sop.sop-version';
let server: TestServer;
let superToken: string;
let kase: any;
let event: any;
let sopVersion: any;

beforeAll(async () => {
  server = await startServer();
  const res = await server.http('/admin/login', { method: 'POST', json: { email: 'admin@demo.layanan-pbi.id', password: PASSWORD } });
  const body: any = await res.json();
  superToken = body.data.token ?? body.data.accessToken;
  kase = await server.strapi.db.query('api::case.case').findOne({ where: { officeCode: 'magetan', status: 'in-progress' } });
  event = await server.strapi.db.query(EVENT).findOne({ where: { case: { id: kase.id } } });
  sopVersion = await server.strapi.db.query(SOP_VERSION).findOne({ where: {} });
});
afterAll(async () => {
  await server?.stop();
});

async function cms(method: string, path: string, json?: unknown) {
  const res = await server.http(`${CM}/${path}`, { method, token: superToken, json });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}
const count = (uid: string) => server.strapi.db.query(uid).count();
const timeline = async () => {
  const r = await call(server, 'GET', `/cases/${kase.documentId}/timeline`, await login(server, 'magetan.petugas'));
  expect(r.status).toBe(200);
  return r.body.data.events as { action: string; note: string | null }[];
};

/** Every way the content manager writes a document, for one document of `uid`. */
const writes = (uid: string, doc: any, data: Record<string, unknown>) =>
  [
    ['create', 'POST', uid, data],
    ['clone', 'POST', `${uid}/clone/${doc.documentId}`, data],
    ['update', 'PUT', `${uid}/${doc.documentId}`, data],
    ['delete', 'DELETE', `${uid}/${doc.documentId}`, undefined],
    ['publish', 'POST', `${uid}/${doc.documentId}/actions/publish`, {}],
    ['unpublish', 'POST', `${uid}/${doc.documentId}/actions/unpublish`, {}],
    ['discard', 'POST', `${uid}/${doc.documentId}/actions/discard`, {}],
    ['bulkDelete', 'POST', `${uid}/actions/bulkDelete`, { documentIds: [doc.documentId] }],
    ['bulkPublish', 'POST', `${uid}/actions/bulkPublish`, { documentIds: [doc.documentId] }],
    ['bulkUnpublish', 'POST', `${uid}/actions/bulkUnpublish`, { documentIds: [doc.documentId] }],
  ] as const;

describe.each([
  [
    EVENT,
    () => event,
    () => ({ action: 'disetujui-kadis', note: 'Palsu', at: new Date().toISOString(), caseCode: kase.code, officeCode: kase.officeCode, case: { connect: [{ documentId: kase.documentId }] } }),
    /Riwayat kasus hanya dapat ditambah oleh sistem/,
  ],
  [SOP_VERSION, () => sopVersion, () => ({ hash: 'palsu', officeCode: 'magetan', definition: { activities: [] } }), /Versi SOP dibuat otomatis/],
])('%s in the CMS, as super admin', (uid, doc, data, message) => {
  test.each(writes(uid, { documentId: '' }, {}).map(([name]) => name))('%s is refused with a 403 in Indonesian and writes nothing', async (name) => {
    const [, method, path, json] = writes(uid, doc(), data()).find(([n]) => n === name)!;
    const before = await count(uid);
    const r = await cms(method, path, json);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(message);
    expect(await count(uid)).toBe(before);
  });
});

test('the stored event is unchanged after every refused write', async () => {
  const again = await server.strapi.db.query(EVENT).findOne({ where: { id: event.id } });
  expect(again).toEqual(event);
});

test('the super admin holds no create, edit, delete or publish permission on them: the CMS offers no "create" button', async () => {
  const res = await server.http('/admin/users/me/permissions', { token: superToken });
  const permissions: { action: string; subject: string | null }[] = ((await res.json()) as any).data;
  for (const uid of [EVENT, SOP_VERSION]) {
    expect(permissions.filter((p) => p.subject === uid).map((p) => p.action)).toEqual(['plugin::content-manager.explorer.read']);
  }
  // Other types keep their write actions.
  expect(
    permissions
      .filter((p) => p.subject === 'api::sop.sop')
      .map((p) => p.action)
      .sort(),
  ).toEqual(['create', 'delete', 'publish', 'read', 'update'].map((a) => `plugin::content-manager.explorer.${a}`));
  // History can still be read in the CMS.
  expect((await cms('GET', `${EVENT}?page=1&pageSize=1`)).status).toBe(200);
});

test('the document service refuses every write of history, from any caller', async () => {
  const events = server.strapi.documents(EVENT);
  await expect(events.create({ data: { action: 'palsu', at: new Date(), case: kase.documentId } })).rejects.toThrow(/hanya dapat ditambah oleh sistem/);
  await expect(events.clone({ documentId: event.documentId, data: {} })).rejects.toThrow(/hanya dapat ditambah oleh sistem/);
  await expect(server.strapi.documents(SOP_VERSION).create({ data: { hash: 'x', definition: {} } })).rejects.toThrow(/Versi SOP dibuat otomatis/);
});

/** What a statement came to: 'done' or the database's error. */
const outcome = (q: PromiseLike<unknown>) =>
  Promise.resolve(q).then(
    () => 'done',
    (err: Error) => err.message,
  );

test("the database refuses an event carrying a CMS author; the engine's rows, which carry none, go in", async () => {
  const knex = server.strapi.db.connection;
  const admin = await server.strapi.db.query('admin::user').findOne({ where: { email: 'admin@demo.layanan-pbi.id' } });
  const row = { document_id: 'palsu0000000000000000001', case_id: kase.id, case_code: kase.code, office_code: kase.officeCode, action: 'palsu', at: new Date() };
  expect(await outcome(knex('case_events').insert({ ...row, created_by_id: admin.id }))).toMatch(/Riwayat kasus hanya ditulis oleh mesin kasus/);
  expect(await outcome(knex('case_events').insert({ ...row, updated_by_id: admin.id }))).toMatch(/Riwayat kasus hanya ditulis oleh mesin kasus/);
  expect(await server.strapi.db.query(EVENT).count({ where: { action: 'palsu' } })).toBe(0);
  // Installed once however often the app boots.
  await installAppendOnlyGuards(server.strapi);
  const guards =
    server.strapi.db.dialect.client === 'postgres'
      ? (await knex.raw("SELECT tgname AS name FROM pg_trigger WHERE tgname = 'case_events_engine_only' AND NOT tgisinternal")).rows
      : await knex('sqlite_master').where({ type: 'trigger', name: 'case_events_engine_only' }).select('name');
  expect(guards).toEqual([{ name: 'case_events_engine_only' }]);

  // The engine writes as before: a note is an event in the timeline.
  const petugas = await login(server, 'magetan.petugas');
  const view = await call(server, 'GET', `/cases/${kase.documentId}/actions`, petugas);
  const noted = await call(server, 'POST', `/cases/${kase.documentId}/actions/note`, petugas, { version: view.body.data.case.version, note: 'Catatan asli dari mesin' });
  expect(noted.status).toBe(200);
  expect((await timeline()).map((e) => e.note)).toContain('Catatan asli dari mesin');
});

test('an event the CMS wrote before these guards (a database from an older version) never reaches the timeline', async () => {
  const knex = server.strapi.db.connection;
  const admin = await server.strapi.db.query('admin::user').findOne({ where: { email: 'admin@demo.layanan-pbi.id' } });
  const pg = server.strapi.db.dialect.client === 'postgres';
  // The old database: no insert guard yet.
  await knex.raw(pg ? 'DROP TRIGGER case_events_engine_only ON case_events' : 'DROP TRIGGER case_events_engine_only');
  try {
    await knex('case_events').insert({
      document_id: 'palsu0000000000000000002',
      case_id: kase.id,
      case_code: kase.code,
      office_code: kase.officeCode,
      action: 'disetujui-kadis',
      note: 'Dipalsukan di CMS',
      at: new Date(),
      created_by_id: admin.id,
    });
  } finally {
    await installAppendOnlyGuards(server.strapi);
  }
  const notes = (await timeline()).map((e) => e.note);
  expect(notes).not.toContain('Dipalsukan di CMS');
  expect(notes.length).toBeGreaterThan(0);
  // Nor the staff API's list of history.
  const filter = encodeURIComponent(JSON.stringify({ case: kase.documentId }));
  const listed = await call(server, 'GET', `/case-events?filter=${filter}&range=%5B0%2C999%5D`, await login(server, 'magetan.petugas'));
  expect(listed.status).toBe(200);
  expect(listed.body.length).toBe(notes.length);
  expect(listed.body.map((e: any) => e.note)).not.toContain('Dipalsukan di CMS');
});
