import { birthDateProblem, checkDate, checkDateTime, latestToday, pastInstantProblem } from '../../cms/src/core/dates';
import { checkIdentity, makeNik } from '../../cms/src/core/nik';
import { formatDateId, formatMonthId } from '../../cms/src/modules/documents/format';
import { startServer, type TestServer } from '../helpers/strapi';
import { loadPlaces, type Place } from '../staff-api/fixtures';
import { call, login } from '../staff-api/support';

/**
 * Dates (issue 12): a complaint received in year 99999 was stored and printed "undefined Januari
 * 99999"; an applicant born in 2090 was accepted. Dates are real calendar days between 1900 and
 * 2100, birth dates not in the future (and the NIK's), receipts not in the future: refused with a
 * 400 naming the field by the staff API, the CMS and every other writer. The formatter never
 * prints "undefined".
 */
const PASSWORD = 'Demo-PBI-2026!';
let server: TestServer;
let home: Place;
let cmsToken: string;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await login(server, username));

beforeAll(async () => {
  server = await startServer();
  home = (await loadPlaces(server.strapi)).home;
  const res = await server.http('/admin/login', { method: 'POST', json: { email: 'admin@demo.layanan-pbi.id', password: PASSWORD } });
  const body: any = await res.json();
  cmsToken = body.data.token ?? body.data.accessToken;
});
afterAll(async () => {
  await server?.stop();
});

const COMPLAINT = 'api::complaint.complaint';
const APPLICANT = 'api::applicant.applicant';
const complaintBody = (receivedAt: string) => ({ channel: 'phone', reporterName: 'Pelapor Telepon', text: 'Pengaduan lewat telepon tentang kartu JKN.', receivedAt });
const newApplicant = (birthDate: string, serial: number) => ({
  nik: makeNik(home.district, birthDate, 'male', serial),
  name: `Pemohon Tanggal ${serial}`,
  sex: 'male',
  birthDate,
  villageCode: home.village,
});
async function cms(method: string, path: string, json?: unknown) {
  const res = await server.http(`/content-manager/collection-types/${path}`, { method, token: cmsToken, json });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}
const paths = (body: any) => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

describe('staff API', () => {
  test.each([
    ['2150-01-01T00:00:00Z', /antara tahun 1900 dan 2100/],
    ['+099999-01-01T00:00:00.000Z', /ISO 8601/],
    ['99999-01-01', /ISO 8601/],
    ['2026-02-31T10:00:00+07:00', /bukan tanggal yang ada di kalender/],
    ['2026-03-01T25:00:00Z', /ISO 8601/],
    ['1999-12-31T23:00:00Z', /tidak boleh sebelum 2000-01-01/],
  ])('a complaint received %s is a 400 naming receivedAt, and nothing is stored', async (receivedAt, message) => {
    const before = await server.strapi.db.query(COMPLAINT).count();
    const r = await call(server, 'POST', '/complaints', await token('magetan.petugas'), complaintBody(receivedAt));
    expect([r.status, r.body.error.details.field]).toEqual([400, 'receivedAt']);
    expect(r.body.message).toMatch(message);
    expect(await server.strapi.db.query(COMPLAINT).count()).toBe(before);
  });

  test('a complaint received tomorrow is refused; one received yesterday is stored as given', async () => {
    const future = await call(server, 'POST', '/complaints', await token('magetan.petugas'), complaintBody(new Date(Date.now() + 86_400_000).toISOString()));
    expect([future.status, future.body.error.details.field]).toEqual([400, 'receivedAt']);
    expect(future.body.message).toMatch(/tidak boleh di masa depan/);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const ok = await call(server, 'POST', '/complaints', await token('magetan.petugas'), complaintBody(yesterday));
    expect(ok.status).toBe(201);
    expect(ok.body.receivedAt).toBe(yesterday);
  });

  test.each([
    ['2090-01-01', /Tanggal lahir tidak boleh di masa depan/],
    ['1899-12-31', /birthDate: harus antara tahun 1900 dan 2100/],
  ])('an applicant born %s (the NIK says so too) is a 400 naming birthDate', async (birthDate, message) => {
    const before = await server.strapi.db.query(APPLICANT).count();
    const r = await call(server, 'POST', '/applicants', await token('magetan.petugas'), newApplicant(birthDate, 8100 + Number(birthDate.slice(2, 4))));
    expect([r.status, r.body.error.details.field]).toEqual([400, 'birthDate']);
    expect(r.body.message).toMatch(message);
    expect(await server.strapi.db.query(APPLICANT).count()).toBe(before);
  });

  test('a birth date that is not on the calendar is a 400 naming birthDate', async () => {
    const r = await call(server, 'POST', '/applicants', await token('magetan.petugas'), { ...newApplicant('1980-02-28', 8201), birthDate: '1980-02-31' });
    expect([r.status, r.body.error.details.field]).toEqual([400, 'birthDate']);
    expect(r.body.message).toMatch(/1980-02-31 bukan tanggal yang ada di kalender/);
  });

  test("changing a stored applicant's birth date to a future one is refused and changes nothing", async () => {
    const created = await call(server, 'POST', '/applicants', await token('magetan.petugas'), newApplicant('1985-05-05', 8202));
    expect(created.status).toBe(201);
    // A NIK and birth date of 2085 agree with each other: only the calendar refuses them.
    const r = await call(server, 'PUT', `/applicants/${created.body.id}`, await token('magetan.petugas'), {
      ...created.body,
      nik: makeNik(home.district, '2085-05-05', 'male', 8202),
      birthDate: '2085-05-05',
    });
    expect([r.status, r.body.error.details.field]).toEqual([400, 'birthDate']);
    const stored = await server.strapi.db.query(APPLICANT).findOne({ where: { documentId: created.body.id } });
    expect(String(stored.birthDate).slice(0, 10)).toBe('1985-05-05');
  });
});

describe('CMS (content manager), as super admin', () => {
  test('an applicant born in 2090: 400 under birthDate', async () => {
    const applicant = await server.strapi.db.query(APPLICANT).findOne({ where: { villageCode: home.village } });
    const r = await cms('PUT', `${APPLICANT}/${applicant.documentId}`, { nik: makeNik(home.district, '2090-03-04', applicant.sex, 8301), birthDate: '2090-03-04' });
    expect(r.status).toBe(400);
    expect(paths(r.body)).toEqual(['birthDate']);
    expect(r.body.error.message).toMatch(/Tanggal lahir tidak boleh di masa depan/);
  });

  test('a complaint received in 99999 or in the future: 400 under receivedAt', async () => {
    const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } });
    // (No "status": the content manager reads a body's status as draft/published; the default "new" applies.)
    const base = { trackingCode: 'ADU-UJI2-TGL1', channel: 'phone', text: 'Pengaduan dari CMS.', officeCode: 'magetan', office: { connect: [{ documentId: office.documentId }] } };
    for (const receivedAt of ['+099999-01-01T00:00:00.000Z', new Date(Date.now() + 3 * 86_400_000).toISOString()]) {
      const r = await cms('POST', COMPLAINT, { ...base, receivedAt });
      expect([r.status, paths(r.body)]).toEqual([400, ['receivedAt']]);
    }
    expect(await server.strapi.db.query(COMPLAINT).count({ where: { trackingCode: 'ADU-UJI2-TGL1' } })).toBe(0);
  });

  test('dates of standards and of components (an office holiday) are checked too', async () => {
    const std = await server.strapi.db.query('api::service-standard.service-standard').findOne({ where: { officeCode: 'magetan', publishedAt: null } });
    const r = await cms('PUT', `api::service-standard.service-standard/${std.documentId}`, { issueDate: '99999-01-01' });
    expect([r.status, paths(r.body)]).toEqual([400, ['issueDate']]);
    const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } });
    const h = await cms('PUT', `api::office.office/${office.documentId}`, {
      calendar: {
        holidays: [
          { date: '2026-08-17', name: 'HUT RI' },
          { date: '2026-02-31', name: 'Tidak ada' },
        ],
      },
    });
    expect([h.status, paths(h.body)]).toEqual([400, ['calendar.holidays.1.date']]);
    expect(h.body.error.message).toMatch(/2026-02-31 bukan tanggal yang ada di kalender/);
  });
});

describe('public site', () => {
  const post = (fields: Record<string, string>) =>
    server.http('/pengaduan', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  test("the complaint form takes no date: one sent along is ignored and the receipt is the server's clock", async () => {
    server.strapi.service('api::public-site.limits').reset();
    const before = Date.now();
    const res = await post({ kantor: 'magetan', isi: 'Pengaduan dengan tanggal sisipan.', receivedAt: '+099999-01-01T00:00:00.000Z', tanggal: '99999-01-01' });
    expect(res.status).toBe(201);
    const code = /ADU-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await res.text())![0];
    const stored = await server.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: code } });
    expect(new Date(stored.receivedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(stored.receivedAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('the status page of a complaint stored with year 99999 (before these checks) prints no "undefined"', async () => {
    const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } });
    await server.strapi.db.query(COMPLAINT).create({
      data: {
        trackingCode: 'ADU-ZZZZ-2222',
        channel: 'phone',
        text: 'Data lama',
        status: 'new',
        officeCode: 'magetan',
        office: office.id,
        receivedAt: new Date('+099999-01-01T00:00:00Z'),
        dueAt: new Date('+099999-01-04T00:00:00Z'),
      },
    });
    const page = await (await server.http('/pengaduan/status?kode=ADU-ZZZZ-2222')).text();
    expect(page).toContain('ADU-ZZZZ-2222');
    expect(page).not.toMatch(/undefined|NaN/);
    expect(page).toContain('01 Januari 99999');
  });
});

describe('the rules themselves (pure functions)', () => {
  const now = new Date('2026-03-01T20:00:00Z'); // 2 March in Jayapura, 1 March in Jakarta

  test('formatDateId and formatMonthId never print "undefined"', () => {
    expect(formatDateId(new Date('+099999-01-01T00:00:00Z'), 'Asia/Jakarta')).toBe('01 Januari 99999');
    expect(formatDateId('2023-06-05')).toBe('05 Juni 2023');
    expect(formatDateId('2026-03-01T17:30:00Z', 'Asia/Jayapura')).toBe('02 Maret 2026');
    for (const bad of ['bukan tanggal', '2026-13-01', new Date(NaN)]) expect(formatDateId(bad as any)).toBe('');
    expect(formatMonthId('2026-13')).toBe('2026-13');
    expect(formatMonthId('2026-03')).toBe('Maret 2026');
  });

  test('calendar days, instants, spans', () => {
    expect(checkDate('2024-02-29')).toEqual({ date: '2024-02-29' });
    expect(checkDate('2026-02-29')).toEqual({ problem: '2026-02-29 bukan tanggal yang ada di kalender' });
    expect(checkDate('2101-01-01')).toEqual({ problem: 'harus antara tahun 1900 dan 2100' });
    expect(checkDateTime('2026-03-01T08:30:00+07:00')).toEqual({ at: new Date('2026-03-01T01:30:00Z') });
    expect('problem' in checkDateTime('2026-03-01T08:61:00Z')).toBe(true);
    expect('problem' in checkDateTime('1 Maret 2026')).toBe(true);
  });

  test('birth dates: up to today where it is latest in Indonesia, from 1900; the panel checks the same (checkIdentity)', () => {
    expect(latestToday(now)).toBe('2026-03-02');
    expect(birthDateProblem('2026-03-02', now)).toBeNull();
    expect(birthDateProblem('2026-03-03', now)).toBe('Tanggal lahir tidak boleh di masa depan');
    expect(birthDateProblem('1900-01-01', now)).toBeNull();
    expect(birthDateProblem('1899-12-31', now)).toBe('Tanggal lahir harus antara tahun 1900 dan 2100');
    const nik = makeNik('35.20.01', '2090-01-01', 'female', 1);
    expect(checkIdentity({ nik, sex: 'female', birthDate: '2090-01-01' }, now)).toEqual([{ field: 'birthDate', message: 'Tanggal lahir tidak boleh di masa depan' }]);
    expect(checkIdentity({ nik, sex: 'female', birthDate: '1990-01-01' }, now)).toEqual([]);
  });

  test('events in the past: ten minutes of clock skew allowed', () => {
    expect(pastInstantProblem(new Date(now.getTime() + 5 * 60_000), '2000-01-01', now)).toBeNull();
    expect(pastInstantProblem(new Date(now.getTime() + 15 * 60_000), '2000-01-01', now)).toBe('tidak boleh di masa depan');
  });
});
