/**
 * Issue 19, defect 6 over HTTP against the real server: who sees identity numbers in a printed
 * letter is the one rule of core/identity-visibility.ts, the same for the screen (the staff
 * API), the export file and the letter PDF. A role that sees NIKs masked can't print them in
 * full by writing {{applicant.nik}} into a draft; a role that sees them in full prints them,
 * and that is recorded.
 */
import { flat, pdfText } from '../documents/pdf-tools';
import { finished } from '../bulk/support';
import { Logins, type Staff } from '../engine/helpers';
import { startServer, type TestServer } from '../helpers/strapi';

let server: TestServer;
let logins: Logins;
let kase: any;
let applicant: any;
const KK = '3520010101019999';
const JKN = '0009876543210';

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  kase = await server.strapi.db
    .query('api::case.case')
    .findOne({ where: { officeCode: 'magetan', serviceSlug: 'magetan-reaktivasi-kartu-jkn-kis' }, populate: { applicant: true }, orderBy: { id: 'asc' } });
  applicant = await server.strapi.db.query('api::applicant.applicant').update({ where: { id: kase.applicant.id }, data: { kkNumber: KK, jknNumber: JKN } });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const masked = (v: string) => `${v.slice(0, 4)}${'*'.repeat(v.length - 4)}`;
const BODY = 'Data pemohon: NIK {{applicant.nik}} / KK {{applicant.kk}} / JKN {{applicant.jknNumber}}.';

async function draftLetter(writer: Staff): Promise<string> {
  const r = await writer.post('/api/panel/letters', { kind: 'reaktivasi', case: kase.documentId, subject: 'Uji data pribadi', body: BODY });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function pdfOf(staff: Staff, letterId: string): Promise<string> {
  const res = await server.http(`/api/documents/letters/${letterId}/pdf`, { token: staff.token });
  expect(res.status).toBe(200);
  return flat(pdfText(Buffer.from(await res.arrayBuffer())));
}

/** The applicant's NIK as the cases export gives it to `staff` (csv). */
async function exportedNik(staff: Staff): Promise<string> {
  const r = await staff.post('/api/panel/exports', { kind: 'cases', format: 'csv', filter: { applicant: applicant.documentId } });
  expect(r.status).toBe(202);
  const job = await finished(staff, r.body.id);
  expect(job.status).toBe('succeeded');
  const res = await server.http(`/api/panel/jobs/${r.body.id}/file`, { token: staff.token });
  const [, line] = (await res.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
  return line.split(/[;,]/)[1].replace(/"/g, '');
}

const logEntries = (where: Record<string, unknown>) => server.strapi.db.connection('access_logs').where(where).orderBy('id');

test('a masked role (Kepala Bidang) drafts a letter with the identity placeholders and prints them masked', async () => {
  const kabid = await logins.as('magetan.kabid');
  const letter = await draftLetter(kabid);
  const text = await pdfOf(kabid, letter);
  expect(text).toContain(`NIK ${masked(applicant.nik)} / KK ${masked(KK)} / JKN ${masked(JKN)}`);
  for (const full of [applicant.nik, KK, JKN]) expect(text).not.toContain(full);
  // Nothing was disclosed: nothing recorded.
  expect(await logEntries({ reference: letter })).toEqual([]);
});

test('the same draft printed by a role that sees identities in full gives them in full, and is recorded', async () => {
  const jf = await logins.as('magetan.jf');
  const letter = await draftLetter(jf);
  const petugas = await logins.as('magetan.petugas');
  expect(await pdfOf(petugas, letter)).toContain(`NIK ${applicant.nik} / KK ${KK} / JKN ${JKN}`);
  const [entry] = await logEntries({ reference: letter });
  expect(entry).toMatchObject({ kind: 'letter-pdf', username: 'magetan.petugas', role: 'petugas', office_code: 'magetan', subject_count: 1, route: `GET /api/documents/letters/${letter}/pdf` });
  expect(entry.fields.split(',').sort()).toEqual(['jkn', 'kk', 'nik']);
  const subjects = await server.strapi.db.connection('access_log_subjects').where({ access_log_id: entry.id }).select('applicant_id');
  expect(subjects.map((s: any) => Number(s.applicant_id))).toEqual([applicant.id]);
});

test('one rule, three ways out: screen, export file and letter PDF show the same NIK to the same role', async () => {
  const letterId = await draftLetter(await logins.as('magetan.kabid'));
  for (const [username, expected] of [
    ['magetan.kabid', masked(applicant.nik)],
    ['magetan.kadis', masked(applicant.nik)],
    ['magetan.petugas', applicant.nik],
    ['magetan.peksos', applicant.nik],
  ] as const) {
    const staff = await logins.as(username);
    const screen = (await staff.get(`/api/panel/applicants/${applicant.documentId}`)).body.nik;
    const exported = await exportedNik(staff);
    const printed = (await pdfOf(staff, letterId)).includes(`NIK ${expected} /`);
    expect({ username, screen, exported, printed }).toEqual({ username, screen: expected, exported: expected, printed: true });
  }
});

test("a masked role can't download another staff member's export made in full (it prints its own, masked)", async () => {
  const petugas = await logins.as('magetan.petugas');
  const r = await petugas.post('/api/panel/exports', { kind: 'cases', format: 'csv', filter: { applicant: applicant.documentId } });
  await finished(petugas, r.body.id);
  const kabid = await logins.as('magetan.kabid');
  const res = await server.http(`/api/panel/jobs/${r.body.id}/file`, { token: kabid.token });
  expect(res.status).toBe(403);
  const body: any = await res.json();
  expect(body.message).toMatch(/tersamar/);
});
