/**
 * A month's batch through the recaps to BPJS, BPJS's cleansing result imported from a file
 * (each case following its line as the batch action moves it), and the batch's exports:
 * the recap for BPJS and the BNBA list for the SK.
 */
import { readSheet } from '../../cms/src/modules/bulk/sheet-reader';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, newApplicant, openCase, villageOf, type Staff } from '../engine/helpers';
import { csvOf, download, finished, importFile, reportOf, SERVICE, upload, xlsxOf } from './support';

let server: TestServer;
let logins: Logins;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
});
afterAll(async () => {
  await server?.stop();
});

async function propose(desa: Staff) {
  const applicant = newApplicant(await villageOf(server, desa.username));
  const opened = await openCase(desa, SERVICE, applicant, { checklist: { 'ktp-kk': true } });
  await desa.ok(opened.case.documentId, 'complete');
  return { id: opened.case.documentId as string, nik: applicant.nik };
}

const resultHeaders = ['No', 'NIK', 'Nama', 'Hasil', 'Alasan'];

test('BPJS result file moves each case; recap and BNBA exports', async () => {
  const [desa1, kecamatan, petugas, bpjs] = await Promise.all(['desa1', 'kecamatan', 'petugas', 'bpjs'].map((u) => logins.as(`magetan.${u}`)));
  const a = await propose(desa1);
  const b = await propose(desa1);
  const c = await propose(desa1);
  expect((await desa1.post('/api/panel/batches/village-recap', { service: SERVICE })).status).toBe(201);
  expect((await kecamatan.post('/api/panel/batches/district-recap', { service: SERVICE })).status).toBe(201);
  const office = await petugas.post('/api/panel/batches/office-recap', { service: SERVICE });
  expect(office.status).toBe(201);
  const batch = office.body.data.batch.documentId;
  expect((await petugas.post(`/api/panel/batches/${batch}/actions/send`)).status).toBe(200);
  const lines = (await bpjs.get(`/api/panel/batches/${batch}/lines`)).body.data.lines;
  expect(lines.length).toBeGreaterThanOrEqual(3);
  // Sent, no answer yet: the BNBA lists nobody BPJS has not accepted (as the batch's letters).
  const early = await finished(petugas, (await petugas.post('/api/panel/exports', { kind: 'bnba', batch, format: 'csv' })).body.id);
  expect(early).toMatchObject({ status: 'succeeded', rowsWritten: 0 });

  // Exports of the batch: the recap per district (xlsx with counts, csv lines) and the BNBA.
  for (const format of ['xlsx', 'csv']) {
    const r = await petugas.post('/api/panel/exports', { kind: 'batch-recap', batch, level: 'district', format });
    expect(r.status).toBe(202);
    const job = await finished(petugas, r.body.id);
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: lines.length, hasFile: true });
    const file = await download(petugas, `/api/panel/jobs/${job.id}/file`);
    expect(file.status).toBe(200);
    if (format === 'csv') {
      const text = file.bytes.toString('utf8');
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(lines.length + 1);
      expect(text).toContain(a.nik);
    }
  }
  expect((await petugas.post('/api/panel/exports', { kind: 'batch-recap', batch, level: 'kota', format: 'xlsx' })).status).toBe(400);
  expect((await petugas.post('/api/panel/exports', { kind: 'bnba', batch: 'nope', format: 'xlsx' })).status).toBe(404);

  // Only BPJS records results; bad rows are reported and nothing moves.
  const rows = lines.map((l: any, i: number) => [i + 1, l.nik, l.name, 'Diterima', '']);
  const ia = rows.findIndex((r: any[]) => r[1] === a.nik);
  const ib = rows.findIndex((r: any[]) => r[1] === b.nik);
  const ic = rows.findIndex((r: any[]) => r[1] === c.nik);
  rows[ib][3] = 'Ditolak';
  rows[ib][4] = 'Terdaftar sebagai peserta mandiri aktif';
  rows[ic][3] = 'Sudah terdaftar';
  expect((await upload(petugas, { name: 'hasil.xlsx', bytes: await xlsxOf(rows, { headers: resultHeaders }) }, { kind: 'bpjs-result', batch })).status).toBe(403);
  const wrong = rows.map((r: any[]) => [...r]);
  wrong[ia][3] = 'mungkin';
  wrong[ib][4] = '';
  wrong.push([99, '3520061201900001', 'ORANG LAIN', 'Diterima', '']);
  const failed = await importFile(bpjs, { name: 'hasil.csv', bytes: csvOf(wrong, resultHeaders) }, { kind: 'bpjs-result', batch });
  expect(failed.status).toBe('failed');
  const problems = await reportOf(bpjs, failed.id);
  expect(problems).toEqual(
    expect.arrayContaining([
      { row: ia + 2, field: 'Hasil', problem: expect.stringMatching(/bukan hasil/) },
      { row: ib + 2, field: 'Alasan', problem: 'Alasan penolakan wajib diisi' },
      { row: wrong.length + 1, field: 'NIK', problem: expect.stringMatching(/tidak ada dalam rekap/) },
    ]),
  );
  expect((await petugas.view(a.id)).case.bpjsResult).toBe('pending');

  const dry = await importFile(bpjs, { name: 'hasil.xlsx', bytes: await xlsxOf(rows, { headers: resultHeaders }) }, { kind: 'bpjs-result', batch, dryRun: 'true' });
  expect(dry).toMatchObject({ status: 'succeeded', rowsValid: lines.length, rowsWritten: 0 });
  expect((await petugas.view(a.id)).case.bpjsResult).toBe('pending');

  const done = await importFile(bpjs, { name: 'hasil.xlsx', bytes: await xlsxOf(rows, { headers: resultHeaders }) }, { kind: 'bpjs-result', batch });
  // On failure the job's message and report show in the diff (it failed once in CI, unexplained).
  const doneProblems = done.hasReport && done.status !== 'succeeded' ? await reportOf(bpjs, done.id) : [];
  expect({ status: done.status, rowsWritten: done.rowsWritten, message: done.status === 'succeeded' ? 'ok' : done.message, problems: doneProblems }).toEqual({
    status: 'succeeded',
    rowsWritten: lines.length,
    message: 'ok',
    problems: [],
  });
  expect(done.message).toMatch(/selesai dicleansing/);
  const accepted = (await petugas.view(a.id)).case;
  expect([accepted.bpjsResult, accepted.currentActivity.number]).toEqual(['accepted', 5]);
  const rejected = (await petugas.view(b.id)).case;
  expect([rejected.status, rejected.bpjsReason]).toEqual(['rejected', 'Terdaftar sebagai peserta mandiri aktif']);
  expect((await petugas.view(c.id)).case.status).toBe('returned');
  // A closed line of a batch sent to BPJS stays visible to the liaison, as in its case list.
  expect((await bpjs.get(`/api/panel/cases/${b.id}/actions`)).status).toBe(200);
  const timeline = (await petugas.get(`/api/panel/cases/${a.id}/timeline`)).body;
  expect(JSON.stringify(timeline)).toContain('bpjs-result');

  // Again: every line is already recorded.
  const again = await importFile(bpjs, { name: 'hasil.xlsx', bytes: await xlsxOf(rows, { headers: resultHeaders }) }, { kind: 'bpjs-result', batch });
  expect(again.status).toBe('failed');
  expect((await reportOf(bpjs, again.id))[0].problem).toMatch(/sudah dicatat/);

  // The BNBA for the SK: the batch's members, without the rejected and returned.
  const bnba = await petugas.post('/api/panel/exports', { kind: 'bnba', batch, format: 'csv' });
  const bnbaJob = await finished(petugas, bnba.body.id);
  expect(bnbaJob).toMatchObject({ status: 'succeeded', rowsWritten: lines.length - 2 });
  const text = (await download(petugas, `/api/panel/jobs/${bnbaJob.id}/file`)).bytes.toString('utf8');
  expect(text).toContain(a.nik);
  expect(text).not.toContain(b.nik);
  // Another office's staff can't reach the job or its file.
  const other = await logins.as('tarakan.petugas');
  expect((await other.get(`/api/panel/jobs/${bnbaJob.id}/file`)).status).toBe(404);
});

test('a finished job’s files are deleted after JOB_FILES_DAYS (personal data), and the job says so', async () => {
  const jobs = server.strapi.service('api::job.jobs') as any;
  const petugas = await logins.as('magetan.petugas');
  const r = await petugas.post('/api/panel/exports', { kind: 'cases', format: 'csv', filter: { serviceSlug: SERVICE } });
  expect(r.status).toBe(202);
  const job = await finished(petugas, r.body.id);
  expect(job).toMatchObject({ status: 'succeeded', hasFile: true });
  const file = await download(petugas, `/api/panel/jobs/${job.id}/file`);
  expect(file.status).toBe(200);
  const fs = await import('fs');
  const path = await import('path');

  // Dates received are the office's calendar dates (Magetan: WIB), on SQLite as on PostgreSQL.
  const csvPath = path.join((await import('os')).tmpdir(), `export-${job.id}.csv`);
  fs.writeFileSync(csvPath, file.bytes);
  const rows: unknown[][] = [];
  for await (const { cells } of readSheet(csvPath, 'csv')) rows.push(cells);
  fs.rmSync(csvPath);
  const [header, ...data] = rows;
  const codeAt = header.indexOf('Kode Kasus');
  const receivedAt = header.indexOf('Tanggal Diterima');
  expect(data.length).toBeGreaterThan(0);
  const stored = await server.strapi.db.query('api::case.case').findMany({ where: { code: { $in: data.map((d) => d[codeAt]) } }, select: ['code', 'receivedAt'] });
  const wib = (at: string) => new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('-');
  for (const d of data) expect(d[receivedAt]).toBe(wib(stored.find((c: any) => c.code === d[codeAt]).receivedAt));
  expect(job.fileName).toBe(`kasus-${wib(new Date().toISOString()).split('-').reverse().join('-')}.csv`);
  const folder = jobs.dirOf(job.id);
  expect(fs.existsSync(folder)).toBe(true);
  // A folder no job owns, two days old. (The clock is not moved forward: other suites' servers
  // share the jobs folder, and their fresh folders must stay.)
  const orphan = path.join(path.dirname(folder), `orphan-${job.id}`);
  fs.mkdirSync(orphan, { recursive: true });
  fs.utimesSync(orphan, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
  const finishedDaysAgo = (days: number) =>
    server.strapi.db
      .connection('jobs')
      .where({ document_id: job.id })
      .update({ finished_at: new Date(Date.now() - days * 86_400_000) });

  // Not yet: finished six days ago.
  await finishedDaysAgo(6);
  await jobs.removeOldFiles();
  expect(fs.existsSync(folder)).toBe(true);
  expect(fs.existsSync(orphan)).toBe(false);

  await finishedDaysAgo(8);
  const removed = await jobs.removeOldFiles();
  expect(removed).toBeGreaterThanOrEqual(1);
  expect(fs.existsSync(folder)).toBe(false);
  const after = await petugas.get(`/api/panel/jobs/${job.id}`);
  expect(after.body).toMatchObject({ status: 'succeeded', hasFile: false, hasReport: false, rowsWritten: job.rowsWritten });
  expect(after.body.filesRemovedAt).toBeTruthy();
  const gone = await petugas.get(`/api/panel/jobs/${job.id}/file`);
  expect(gone.status).toBe(410);
  expect(gone.body.message).toMatch(/sudah dihapus pada \d{2} \S+ \d{4} \(disimpan 7 hari/);
  expect((await petugas.get(`/api/panel/jobs/${job.id}/report`)).status).toBe(410);
});
