import { RESOURCES } from '../../cms/src/modules/staff-api/resources';
import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, makeBatch, makeCase, makeComplaint, makeLetter, type Place } from '../staff-api/fixtures';
import { call, login } from '../staff-api/support';

/**
 * Lost updates (issue 19, defect 9): two staff load one record and both save; the second used
 * to silently revert the first. Every resource staff edit is optimistically locked: the write
 * sends back the version it was made on; a stale one is a 409 in Indonesian that changes nothing.
 */
const PASSWORD = 'Demo-PBI-2026!';
let server: TestServer;
let home: Place;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await login(server, username));

beforeAll(async () => {
  server = await startServer();
  home = (await loadPlaces(server.strapi)).home;
});
afterAll(async () => {
  await server?.stop();
});

const get = async (resource: string, id: string, as: string) => {
  const r = await call(server, 'GET', `/${resource}/${id}`, await token(as));
  expect(r.status).toBe(200);
  return r.body;
};
const put = async (resource: string, id: string, as: string, body: unknown) => call(server, 'PUT', `/${resource}/${id}`, await token(as), body);
const row = (uid: string, documentId: string, draft = false) => server.strapi.db.query(uid).findOne({ where: { documentId, ...(draft ? { publishedAt: null } : {}) } });

test("two staff save the same applicant: the second gets a 409 and the first one's change stays", async () => {
  // A demo applicant, written by the seed's bulk insert: its version is the database's default.
  const applicant = await server.strapi.db.query('api::applicant.applicant').findOne({ where: { villageCode: home.village, address: { $notNull: true } } });
  const petugas = await get('applicants', applicant.documentId, 'magetan.petugas');
  const desa = await get('applicants', applicant.documentId, 'magetan.desa1');

  const first = await put('applicants', applicant.documentId, 'magetan.petugas', { ...petugas, name: 'Nama Dibetulkan Petugas' });
  expect(first.status).toBe(200);

  // The village operator's form still holds the old name: saving it used to put the old name back.
  const second = await put('applicants', applicant.documentId, 'magetan.desa1', { ...desa, address: 'Jl. Baru No. 1' });
  expect(second.status).toBe(409);
  expect([petugas.version, first.body.version]).toEqual([1, 2]);
  expect(second.body.message).toMatch(/sudah diubah orang lain/);
  expect(second.body.error.details).toMatchObject({ field: 'version', currentVersion: 2, sentVersion: 1 });

  const stored = await row('api::applicant.applicant', applicant.documentId);
  expect([stored.name, stored.address, stored.version]).toEqual(['Nama Dibetulkan Petugas', applicant.address, 2]);
  // Reloaded, the village operator's change goes through.
  const again = await put('applicants', applicant.documentId, 'magetan.desa1', { ...(await get('applicants', applicant.documentId, 'magetan.desa1')), address: 'Jl. Baru No. 1' });
  expect([again.status, again.body.address, again.body.name, again.body.version]).toEqual([200, 'Jl. Baru No. 1', 'Nama Dibetulkan Petugas', 3]);
});

test('an update without a version, or with a malformed one, is a 400 naming "version"; nothing changes', async () => {
  const applicant = await makeApplicant(server.strapi, home);
  const { version, ...withoutVersion } = await get('applicants', applicant.documentId, 'magetan.petugas');
  expect(version).toBe(1);
  for (const body of [
    { ...withoutVersion, name: 'Tanpa Versi' },
    { ...withoutVersion, name: 'Versi Teks', version: 'satu' },
    { ...withoutVersion, name: 'Versi Nol', version: 0 },
  ]) {
    const r = await put('applicants', applicant.documentId, 'magetan.petugas', body);
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('version');
    expect(r.body.message).toMatch(/^version: /);
  }
  expect((await row('api::applicant.applicant', applicant.documentId)).name).toBe(applicant.name);
});

test('every resource the staff API lets update is version-locked', () => {
  const updatable = RESOURCES.filter((r) => r.access.update);
  expect(updatable.map((r) => r.name).sort()).toEqual(['applicants', 'batches', 'cases', 'complaints', 'letters', 'offices', 'service-standards', 'sops', 'users']);
  for (const r of updatable) expect([r.name, r.versionField, r.fields.includes('version')]).toEqual([r.name, 'version', true]);
});

/**
 * Per resource: two editors (or one admin in two tabs) load the record; the first saves, the
 * second's save of another field is refused and changes nothing.
 */
const EDITS: { resource: string; uid: string; draft?: boolean; editors: [string, string]; make: () => Promise<string>; first: Record<string, unknown>; second: Record<string, unknown> }[] = [
  {
    resource: 'complaints',
    uid: 'api::complaint.complaint',
    editors: ['magetan.petugas', 'magetan.kabid'],
    make: async () => (await makeComplaint(server.strapi, home)).documentId,
    first: { status: 'in-progress' },
    second: { reply: 'Sudah kami tindak lanjuti' },
  },
  {
    resource: 'users',
    uid: 'plugin::users-permissions.user',
    editors: ['magetan.admin', 'magetan.admin'],
    make: async () => (await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'magetan.peksos' } })).documentId,
    first: { fullName: 'Pekerja Sosial Baru' },
    second: { phone: '081299990000' },
  },
  {
    resource: 'batches',
    uid: 'api::batch.batch',
    editors: ['magetan.desa1', 'magetan.petugas'],
    make: async () => (await makeBatch(server.strapi, home, 'open')).documentId,
    first: { code: 'UJI/REKAP/PERTAMA' },
    second: { month: '2026-11' },
  },
  {
    resource: 'letters',
    uid: 'api::letter.letter',
    editors: ['magetan.petugas', 'magetan.kabid'],
    make: async () => (await makeLetter(server.strapi, home)).documentId,
    first: { subject: 'Perihal pertama' },
    second: { addressee: 'Kepala Desa' },
  },
  {
    resource: 'offices',
    uid: 'api::office.office',
    editors: ['magetan.admin', 'magetan.admin'],
    make: async () => (await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } })).documentId,
    first: { phone: '0351-111111' },
    second: { website: 'https://dinsos.example.go.id' },
  },
  {
    resource: 'service-standards',
    uid: 'api::service-standard.service-standard',
    draft: true,
    editors: ['magetan.admin', 'magetan.kabid'],
    make: async () => (await server.strapi.db.query('api::service-standard.service-standard').findOne({ where: { officeCode: 'magetan', publishedAt: null } })).documentId,
    first: { fee: 'Gratis' },
    second: { revision: 'Revisi 9' },
  },
  {
    resource: 'sops',
    uid: 'api::sop.sop',
    draft: true,
    editors: ['magetan.admin', 'magetan.kabid'],
    make: async () => (await server.strapi.db.query('api::sop.sop').findOne({ where: { officeCode: 'magetan', publishedAt: null } })).documentId,
    first: { revision: 'Revisi 3' },
    second: { number: '999/SOP/2026' },
  },
  {
    resource: 'cases',
    uid: 'api::case.case',
    editors: ['magetan.petugas', 'magetan.kabid'],
    make: async () => (await makeCase(server.strapi, home, await makeApplicant(server.strapi, home))).documentId,
    first: { priority: 'emergency' },
    second: { assignee: 'magetan.petugas' },
  },
];

describe.each(EDITS)('$resource', ({ resource, uid, draft, editors, make, first, second }) => {
  test('a stale save is a 409 and changes nothing', async () => {
    const id = await make();
    const a = await get(resource, id, editors[0]);
    const b = await get(resource, id, editors[1]);
    expect(b.version).toBe(a.version);
    const saved = await put(resource, id, editors[0], { ...a, ...first });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(a.version + 1);
    // A relation is named by a user's username here: the id is looked up.
    const secondBody = Object.fromEntries(
      await Promise.all(
        Object.entries(second).map(async ([k, v]) => [k, k === 'assignee' ? (await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: v } })).documentId : v]),
      ),
    );
    const stale = await put(resource, id, editors[1], { ...b, ...secondBody });
    expect([stale.status, stale.body.error?.details?.field]).toEqual([409, 'version']);
    expect(stale.body.message).toMatch(/sudah diubah orang lain/);
    const stored = await row(uid, id, draft);
    expect(stored.version).toBe(a.version + 1);
    for (const [k, v] of Object.entries(first)) expect(stored[k]).toBe(v);
    const reread = await get(resource, id, editors[0]);
    for (const k of Object.keys(second)) if (!(k in first)) expect(reread[k] ?? null).toBe(b[k] ?? null);
  });
});

test('many saves of the same version at once: exactly one wins, the others get 409', async () => {
  const applicant = await makeApplicant(server.strapi, home);
  const loaded = await get('applicants', applicant.documentId, 'magetan.petugas');
  const t = await token('magetan.petugas');
  const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => call(server, 'PUT', `/applicants/${applicant.documentId}`, t, { ...loaded, name: `Nama Serentak ${i}` })));
  const statuses = replies.map((r) => r.status).sort();
  expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
  const winner = replies.find((r) => r.status === 200)!;
  const stored = await row('api::applicant.applicant', applicant.documentId);
  expect([stored.name, stored.version]).toEqual([winner.body.name, 2]);
});

describe('the CMS and the staff API share the version', () => {
  let cmsToken: string;
  beforeAll(async () => {
    const res = await server.http('/admin/login', { method: 'POST', json: { email: 'admin@demo.layanan-pbi.id', password: PASSWORD } });
    const body: any = await res.json();
    cmsToken = body.data.token ?? body.data.accessToken;
  });
  const cms = async (method: string, path: string, json?: unknown) => {
    const res = await server.http(`/content-manager/collection-types/api::applicant.applicant${path}`, { method, token: cmsToken, json });
    return { status: res.status, body: (await res.json()) as any };
  };

  test('an edit in the CMS makes a panel form loaded before it stale', async () => {
    const applicant = await makeApplicant(server.strapi, home);
    const panel = await get('applicants', applicant.documentId, 'magetan.petugas');
    const inCms = await cms('GET', `/${applicant.documentId}`);
    const edited = await cms('PUT', `/${applicant.documentId}`, { ...inCms.body.data, address: 'Diubah di CMS' });
    expect([edited.status, edited.body.data.version]).toEqual([200, 2]);
    const stale = await put('applicants', applicant.documentId, 'magetan.petugas', { ...panel, phone: '081211112222' });
    expect(stale.status).toBe(409);
    expect((await row('api::applicant.applicant', applicant.documentId)).phone).toBe(applicant.phone);
  });

  test('a CMS form loaded before a panel save is refused with the Indonesian message', async () => {
    const applicant = await makeApplicant(server.strapi, home);
    const inCms = await cms('GET', `/${applicant.documentId}`);
    const panel = await get('applicants', applicant.documentId, 'magetan.petugas');
    expect((await put('applicants', applicant.documentId, 'magetan.petugas', { ...panel, name: 'Disimpan di Panel' })).status).toBe(200);
    const stale = await cms('PUT', `/${applicant.documentId}`, { ...inCms.body.data, address: 'Dari CMS yang usang' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ name: 'ConflictError', message: expect.stringMatching(/sudah diubah orang lain/), details: { field: 'version' } });
    const stored = await row('api::applicant.applicant', applicant.documentId);
    expect([stored.name, stored.address, stored.version]).toEqual(['Disimpan di Panel', null, 2]);
  });
});
