/**
 * Issue 19, the record of who saw personal data, over HTTP against the real server: every full
 * NIK/KK given to a user is logged (who, when, which applicants, which fields, through what)
 * before it is sent, masked views are not; the log is append-only down to the database; the
 * office admin reads their office's entries through the staff API, by staff member, applicant,
 * period and kind.
 */
import { recordCaseFileView } from '../../cms/src/modules/privacy';
import { finished } from '../bulk/support';
import { Staff } from '../engine/helpers';
import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, makeApplicant, makeCase, type Place, type PlaceKey } from '../staff-api/fixtures';
import { call, listQuery, logins, type Reply } from '../staff-api/support';

let server: TestServer;
let tokens: Record<string, string>;
let places: Record<PlaceKey, Place>;
let person: any;

const USERS = ['magetan.petugas', 'magetan.peksos', 'magetan.desa1', 'magetan.kecamatan', 'magetan.kabid', 'magetan.admin', 'magetan.kadis', 'tarakan.admin'];

beforeAll(async () => {
  server = await startServer();
  tokens = await logins(server, USERS);
  places = await loadPlaces(server.strapi);
  person = await makeApplicant(server.strapi, places.home);
  await server.strapi.db.query('api::applicant.applicant').update({ where: { documentId: person.documentId }, data: { kkNumber: '3520010101017777' } });
  person = await server.strapi.db.query('api::applicant.applicant').findOne({ where: { documentId: person.documentId } });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const knex = () => server.strapi.db.connection;
const staff = (user: string) => new Staff(server, user, tokens[user], null);
const get = (user: string, path: string) => call(server, 'GET', path, tokens[user]);
const entries = () => knex()('access_logs').orderBy('id');
const subjectsOf = async (id: number) =>
  (await knex()('access_log_subjects').where({ access_log_id: id }).select('applicant_id')).map((r: any) => Number(r.applicant_id)).sort((a: number, b: number) => a - b);
/** The entries written while `work` ran. */
async function written(work: () => Promise<unknown>): Promise<any[]> {
  const [{ max }] = await knex()('access_logs').max({ max: 'id' });
  await work();
  return knex()('access_logs')
    .where('id', '>', Number(max ?? 0))
    .orderBy('id');
}

describe('what is recorded', () => {
  test("an applicant's record given in full: one entry naming who, role, office, fields, route and the applicant", async () => {
    const before = Date.now();
    const [entry, ...more] = await written(() => get('magetan.petugas', `/applicants/${person.documentId}`));
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      kind: 'view',
      username: 'magetan.petugas',
      role: 'petugas',
      office_code: 'magetan',
      route: `GET /api/panel/applicants/${person.documentId}`,
      purpose: 'detail pemohon',
      reference: person.documentId,
      subject_count: 1,
      subject_name: person.name,
      subject_nik: `${person.nik.slice(0, 4)}${'*'.repeat(12)}`,
    });
    expect(entry.fields.split(',').sort()).toEqual(['kk', 'nik', 'phone']);
    expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await subjectsOf(entry.id)).toEqual([person.id]);
  });

  test('a list given in full: one entry with every applicant of the page', async () => {
    const other = await makeApplicant(server.strapi, places.home);
    const ids = [person.documentId, other.documentId];
    const [entry] = await written(() => get('magetan.desa1', `/applicants${listQuery({ filter: { id: ids } })}`));
    expect(entry).toMatchObject({ kind: 'list', username: 'magetan.desa1', route: 'GET /api/panel/applicants', subject_count: 2 });
    expect(await subjectsOf(entry.id)).toEqual([person.id, other.id].sort((a, b) => a - b));
  });

  test('masked views are not recorded; a whole NIK a masked role matched is (the match confirms it)', async () => {
    expect(await written(() => get('magetan.kabid', `/applicants/${person.documentId}`))).toEqual([]);
    expect(await written(() => get('magetan.kecamatan', `/applicants${listQuery({ filter: { id: [person.documentId] } })}`))).toEqual([]);
    const [entry, ...more] = await written(() => get('magetan.kecamatan', `/applicants${listQuery({ filter: { q: person.nik } })}`));
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ kind: 'list', username: 'magetan.kecamatan', fields: 'nik', subject_count: 1, purpose: 'pemohon dicari dengan nomor identitas lengkap' });
    expect(await subjectsOf(entry.id)).toEqual([person.id]);
    // The query string (which may hold the NIK) is never stored.
    expect(JSON.stringify(entry)).not.toContain(person.nik);
  });

  test("a batch's lines given in full are recorded with the batch's applicants", async () => {
    const batch = await server.strapi.documents('api::batch.batch').create({
      data: {
        code: `LOG/${Date.now()}`,
        level: 'village',
        month: '2026-10',
        status: 'open',
        office: places.home.officeId,
        officeCode: 'magetan',
        region: places.home.villageId,
        regionCode: places.home.village,
        villageCode: places.home.village,
        districtCode: places.home.district,
      },
    });
    await makeCase(server.strapi, places.home, person, batch);
    const [entry] = await written(() => get('magetan.desa1', `/batches/${batch.documentId}/lines`));
    expect(entry).toMatchObject({ kind: 'list', route: `GET /api/panel/batches/${batch.documentId}/lines`, fields: 'nik', reference: batch.documentId });
    expect(await subjectsOf(entry.id)).toEqual([person.id]);
    expect(await written(() => get('magetan.kecamatan', `/batches/${batch.documentId}/lines`))).toEqual([]);
  });

  test('an export: one entry per export with one row per applicant it holds; another who downloads it is recorded too', async () => {
    const filter = { villageCode: places.home.village };
    const expected = (await knex()('cases').where({ office_code: 'magetan', village_code: places.home.village }).distinct('applicant_id'))
      .map((r: any) => Number(r.applicant_id))
      .sort((a: number, b: number) => a - b);
    let jobId = '';
    const [entry] = await written(async () => {
      const r = await call(server, 'POST', '/exports', tokens['magetan.petugas'], { kind: 'cases', format: 'csv', filter });
      jobId = r.body.id;
      expect((await finished(staff('magetan.petugas'), jobId)).status).toBe('succeeded');
    });
    expect(entry).toMatchObject({ kind: 'export', username: 'magetan.petugas', reference: jobId, route: 'POST /api/panel/exports', subject_count: expected.length });
    expect(await subjectsOf(entry.id)).toEqual(expected);
    // The maker's own download adds nothing; the social worker's is recorded with the same applicants.
    const file = (user: string) => server.http(`/api/panel/jobs/${jobId}/file`, { token: tokens[user] });
    expect(await written(async () => expect((await file('magetan.petugas')).status).toBe(200))).toEqual([]);
    const [copy] = await written(async () => expect((await file('magetan.peksos')).status).toBe(200));
    expect(copy).toMatchObject({ kind: 'export', username: 'magetan.peksos', reference: jobId, route: `GET /api/panel/jobs/${jobId}/file`, subject_count: expected.length, fields: entry.fields });
    expect(await subjectsOf(copy.id)).toEqual(expected);
  });

  test('a masked export records nothing', async () => {
    const entriesOf = await written(async () => {
      const r = await call(server, 'POST', '/exports', tokens['magetan.kabid'], { kind: 'cases', format: 'csv', filter: { villageCode: places.home.village } });
      expect((await finished(staff('magetan.kabid'), r.body.id)).status).toBe('succeeded');
    });
    expect(entriesOf).toEqual([]);
  });

  test('a case file (the one line the case-file download calls): always recorded, whatever the role', async () => {
    const kase = await makeCase(server.strapi, places.home, person);
    const kabid = { userId: 1, username: 'magetan.kabid', fullName: 'Kabid', role: 'kabid', officeId: 1, officeCode: 'magetan', scope: 'office', seesFullIdentity: false } as const;
    const [entry] = await written(() =>
      recordCaseFileView(server.strapi, kabid, { documentId: kase.documentId, code: kase.code, applicant: { id: person.id } }, { id: 42, name: 'surat-keterangan-sakit.pdf' }),
    );
    expect(entry).toMatchObject({
      kind: 'case-file',
      fields: 'file',
      username: 'magetan.kabid',
      route: `GET /api/panel/cases/${kase.documentId}/files/42`,
      purpose: `berkas kasus ${kase.code}: surat-keterangan-sakit.pdf`,
    });
    expect(await subjectsOf(entry.id)).toEqual([person.id]);
  });
});

describe('the log is append-only', () => {
  const outcome = (q: PromiseLike<unknown>) =>
    Promise.resolve(q).then(
      () => 'done',
      (err: Error) => err.message,
    );

  test('the database refuses UPDATE and DELETE on both tables (trigger), whatever the client', async () => {
    const [entry] = await entries();
    for (const [table, where] of [
      ['access_logs', { id: entry.id }],
      ['access_log_subjects', { access_log_id: entry.id }],
    ] as const) {
      expect(await outcome(knex()(table).where(where).update({ updated_at: new Date() }))).toMatch(/Log akses data pribadi tidak dapat diubah atau dihapus/);
      expect(await outcome(knex()(table).where(where).del())).toMatch(/Log akses data pribadi tidak dapat diubah atau dihapus/);
      expect(await outcome(knex().raw(`DELETE FROM ${table}`))).toMatch(/tidak dapat diubah atau dihapus/);
    }
    expect((await knex()('access_logs').where({ id: entry.id }).first()).username).toBe(entry.username);
  });

  test("the document service (the CMS, any API) neither writes, changes nor deletes entries; there's no content-API route", async () => {
    const [entry] = await entries();
    const docs = server.strapi.documents('api::access-log.access-log');
    await expect(docs.create({ data: { at: new Date(), officeCode: 'magetan', kind: 'view' } })).rejects.toThrow(/hanya ditulis oleh sistem/);
    await expect(docs.update({ documentId: entry.document_id, data: { username: 'x' } })).rejects.toThrow(/hanya ditulis oleh sistem/);
    await expect(docs.delete({ documentId: entry.document_id })).rejects.toThrow(/hanya ditulis oleh sistem/);
    for (const path of ['/api/access-logs', `/api/access-logs/${entry.document_id}`, '/api/access-log-subjects']) {
      expect((await server.http(path, { token: tokens['magetan.admin'] })).status).toBe(404);
    }
  });

  test('deleting an applicant leaves its entries (plain ids, no foreign key to clear)', async () => {
    const gone = await makeApplicant(server.strapi, places.home);
    const [entry] = await written(() => get('magetan.petugas', `/applicants/${gone.documentId}`));
    expect((await call(server, 'DELETE', `/applicants/${gone.documentId}`, tokens['magetan.petugas'])).status).toBe(200);
    expect(await subjectsOf(entry.id)).toEqual([Number(gone.id)]);
    expect((await knex()('access_logs').where({ id: entry.id }).first()).subject_name).toBe(gone.name);
  });
});

describe('the office admin reads it (GET /api/panel/access-logs)', () => {
  const list = (user: string, filter: Record<string, unknown> = {}, range = [0, 99]) => get(user, `/access-logs${listQuery({ filter, range })}`);
  const rows = (r: Reply) => (r.status === 200 ? (r.body as any[]) : []);

  test("its own office's entries only, newest first; other roles can't read it, nobody writes it", async () => {
    const all = await list('magetan.admin');
    expect(all.status).toBe(200);
    expect(rows(all).length).toBeGreaterThan(0);
    expect(rows(all).every((e) => e.officeCode === 'magetan')).toBe(true);
    const times = rows(all).map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect((await list('magetan.kadis')).status).toBe(200);
    expect(rows(await list('tarakan.admin')).some((e) => e.officeCode === 'magetan')).toBe(false);
    expect((await get('tarakan.admin', `/access-logs/${rows(all)[0].id}`)).status).toBe(404);
    for (const user of ['magetan.petugas', 'magetan.kabid', 'magetan.desa1']) expect((await list(user)).status).toBe(403);
    expect((await call(server, 'POST', '/access-logs', tokens['magetan.admin'], { kind: 'view' })).status).toBe(405);
    expect((await call(server, 'DELETE', `/access-logs/${rows(all)[0].id}`, tokens['magetan.admin'])).status).toBe(405);
  });

  test('by applicant: name, whole NIK (the admin sees NIKs masked: no part of one), or the applicant id', async () => {
    const mine = (r: Reply) => rows(r).length > 0 && rows(r).every((e) => e.subjectCount > 1 || e.subjectName === person.name);
    const byName = await list('magetan.admin', { applicant: person.name });
    expect(mine(byName)).toBe(true);
    const byNik = await list('magetan.admin', { applicant: person.nik });
    expect(rows(byNik).map((e) => e.id)).toEqual(rows(byName).map((e) => e.id));
    expect(rows(await list('magetan.admin', { applicantId: person.documentId })).map((e) => e.id)).toEqual(rows(byName).map((e) => e.id));
    const part = await list('magetan.admin', { applicant: person.nik.slice(0, 8) });
    expect({ status: part.status, field: part.body?.error?.details?.field }).toEqual({ status: 400, field: 'filter.applicant' });
    // Every entry that names the applicant, from the subjects table (exports included).
    const ids = (await knex()('access_log_subjects').where({ applicant_id: person.id }).select('access_log_id')).map((r: any) => Number(r.access_log_id));
    const docs = (await knex()('access_logs').whereIn('id', ids).select('document_id')).map((r: any) => r.document_id).sort();
    expect(
      rows(byNik)
        .map((e) => e.id)
        .sort(),
    ).toEqual(docs);
  });

  test('by staff member, kind and period (office days)', async () => {
    const byStaff = rows(await list('magetan.admin', { staff: 'kecamatan' }));
    expect(byStaff.length).toBeGreaterThan(0);
    expect(byStaff.every((e) => e.username === 'magetan.kecamatan')).toBe(true);
    const exports = rows(await list('magetan.admin', { kind: 'export' }));
    expect(exports.length).toBe(2);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(rows(await list('magetan.admin', { from: today, to: today })).length).toBe(rows(await list('magetan.admin')).length);
    expect(rows(await list('magetan.admin', { to: '2020-01-01' }))).toEqual([]);
    const bad = await list('magetan.admin', { kind: 'lihat' });
    expect({ status: bad.status, field: bad.body?.error?.details?.field }).toEqual({ status: 400, field: 'filter.kind' });
  });
});
