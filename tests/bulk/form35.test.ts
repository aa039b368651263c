/**
 * Form 35 import over HTTP against the real server: template, dry run, import (cases opened
 * at the first activity with their history), the per-row report, scope, and the export of
 * the imported cases importing again to the same rows.
 */
import { FileProblem } from '../../cms/src/modules/bulk/csv';
import { mapHeader, readForm35Row, looksLikeHeader } from '../../cms/src/modules/bulk/form35';
import { readSheet } from '../../cms/src/modules/bulk/sheet-reader';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, villageOf, type Staff } from '../engine/helpers';
import { counts, csvOf, download, finished, importFile, people, reportOf, rowOf, SERVICE, until, upload, xlsxOf } from './support';

let server: TestServer;
let logins: Logins;
let desa1: Staff;
let desa2: Staff;
let village1: string;
let village2: string;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  [desa1, desa2] = await Promise.all([logins.as('magetan.desa1'), logins.as('magetan.desa2')]);
  village1 = await villageOf(server, 'magetan.desa1');
  village2 = await villageOf(server, 'magetan.desa2');
});
afterAll(async () => {
  await server?.stop();
});

/** Reads a downloaded file back through the importer's own reader (pure parsing). */
async function parsedRows(bytes: Buffer, format: 'xlsx' | 'csv') {
  const file = path.join(os.tmpdir(), `bulk-${process.pid}-${Date.now()}.${format}`);
  fs.writeFileSync(file, bytes);
  const rows: any[] = [];
  let header: any = null;
  try {
    for await (const { row, cells } of readSheet(file, format)) {
      if (!header) {
        if (looksLikeHeader(cells)) header = mapHeader(cells, row).map;
        continue;
      }
      const { value, problems } = readForm35Row(cells, header, row);
      if (problems.length) throw new FileProblem(JSON.stringify(problems));
      rows.push(value);
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
  return rows;
}

test('the template downloads as xlsx and csv with the Form 35 header', async () => {
  const xlsx = await download(desa1, '/api/panel/imports/form35/template?format=xlsx');
  expect(xlsx.status).toBe(200);
  expect(xlsx.type).toContain('spreadsheetml');
  const csv = await download(desa1, '/api/panel/imports/form35/template?format=csv');
  expect(csv.status).toBe(200);
  expect(csv.bytes.toString('utf8')).toContain('NIK,No KK,Nama');
  // An empty template is refused with a report, not an error.
  const job = await importFile(desa1, { name: 'template.xlsx', bytes: xlsx.bytes }, { kind: 'form35', service: SERVICE, dryRun: 'true' });
  expect(job.status).toBe('failed');
  expect((await reportOf(desa1, job.id))[0].problem).toMatch(/tidak berisi baris data/);
  expect((await desa1.get('/api/panel/imports/form35/template?format=pdf')).status).toBe(400);
});

test('dry run validates only; the import opens every case at the first activity, in one go', async () => {
  const list = people(25, village1);
  const bytes = await xlsxOf(list.map(rowOf), { title: true });
  const before = await counts(server.strapi);
  const dry = await importFile(desa1, { name: 'form35.xlsx', bytes }, { kind: 'form35', service: SERVICE, dryRun: 'true' });
  expect(dry).toMatchObject({ kind: 'form35', status: 'succeeded', dryRun: true, rowsRead: 25, rowsValid: 25, rowsWritten: 0, problemCount: 0, hasReport: true });
  expect(await counts(server.strapi)).toEqual(before);

  const job = await importFile(desa1, { name: 'form35.xlsx', bytes }, { kind: 'form35', service: SERVICE, dryRun: 'false' });
  expect(job).toMatchObject({ status: 'succeeded', rowsRead: 25, rowsValid: 25, rowsWritten: 25, problemCount: 0 });
  expect(job.finishedAt).toBeTruthy();
  const after = await counts(server.strapi);
  expect(after.cases - before.cases).toBe(25);
  expect(after.applicants - before.applicants).toBe(25);
  expect(after.case_events - before.case_events).toBe(25);

  // The cases are the engine's: visible to the village operator, at activity 1, with the checklist and the open event.
  const found = await desa1.get(`/api/panel/cases?filter=${encodeURIComponent(JSON.stringify({ q: list[3].nik }))}&range=[0,9]`);
  expect(found.body).toHaveLength(1);
  const view = await desa1.view(found.body[0].id);
  expect(view.case.currentActivity.number).toBe(1);
  expect(view.case.status).toBe('in-progress');
  expect(view.actions.map((a: any) => a.action)).toContain('check');
  const timeline = await desa1.get(`/api/panel/cases/${found.body[0].id}/timeline`);
  expect(timeline.status).toBe(200);
  const applicant = await server.strapi.db.query('api::applicant.applicant').findOne({ where: { nik: list[3].nik } });
  expect(applicant).toMatchObject({
    name: list[3].name,
    kkNumber: list[3].kk,
    villageCode: village1,
    districtCode: village1.slice(0, 8),
    officeCode: 'magetan',
    sex: list[3].sex === 'P' ? 'female' : 'male',
    phone: list[3].phone,
  });
  expect(String(applicant.birthDate).slice(0, 10)).toBe(list[3].birthDate);

  // Imported again: every row is a duplicate of an open case; nothing is written.
  const again = await importFile(desa1, { name: 'form35.xlsx', bytes }, { kind: 'form35', service: SERVICE });
  expect(again.status).toBe('failed');
  expect(again.problemCount).toBe(25);
  const problems = await reportOf(desa1, again.id);
  expect(problems[0]).toMatchObject({ row: 4, field: 'NIK', problem: expect.stringMatching(/masih memiliki kasus MAG-\d{4}-\d{6} yang belum selesai/) });
  expect(await counts(server.strapi)).toEqual(after);

  // Jobs: listed for their owner, not for another village's operator.
  const mine = await desa1.get(`/api/panel/jobs?filter=${encodeURIComponent(JSON.stringify({ kind: 'form35' }))}&range=[0,49]`);
  expect(mine.body.map((j: any) => j.id)).toEqual(expect.arrayContaining([dry.id, job.id, again.id]));
  expect((await desa2.get(`/api/panel/jobs/${job.id}`)).status).toBe(404);
  expect((await desa2.get(`/api/panel/jobs/${job.id}/report`)).status).toBe(404);

  // The report as xlsx.
  const xlsxReport = await download(desa1, `/api/panel/jobs/${again.id}/report?format=xlsx`);
  expect(xlsxReport.status).toBe(200);
  expect(xlsxReport.type).toContain('spreadsheetml');
});

test('a semicolon CSV with village names imports; row problems are reported per row and field', async () => {
  const villageName = (await server.strapi.db.query('api::region.region').findOne({ where: { code: village1 } })).name;
  const districtName = (await server.strapi.db.query('api::region.region').findOne({ where: { code: village1.slice(0, 8) } })).name;
  const list = people(6, village1).map((p) => ({ ...p, village: villageName, district: districtName }));
  const good = await importFile(desa1, { name: 'usulan.csv', bytes: csvOf(list.map(rowOf)) }, { kind: 'form35', service: SERVICE });
  expect(good).toMatchObject({ status: 'succeeded', rowsWritten: 6 });

  const bad = people(8, village1);
  const rows = bad.map(rowOf);
  rows[0][1] = '35200612345'; // short NIK
  rows[1][6] = bad[1].sex === 'L' ? 'P' : 'L'; // sex against the NIK
  rows[2][5] = '01-01-1999'; // birth date against the NIK
  rows[4] = [...rows[5]]; // the same person twice: sheet rows 6 and 7
  rows[6][3] = ''; // missing name
  rows[7][9] = village2; // another village: out of a village operator's scope
  const before = await counts(server.strapi);
  const job = await importFile(desa1, { name: 'salah.csv', bytes: csvOf(rows) }, { kind: 'form35', service: SERVICE });
  expect(job.status).toBe('failed');
  expect(job.message).toMatch(/tidak ada data yang disimpan/);
  const problems = await reportOf(desa1, job.id);
  const at = (row: number) => problems.filter((p) => p.row === row);
  expect(at(2)[0]).toMatchObject({ field: 'NIK', problem: 'NIK harus 16 digit angka' });
  expect(at(3)[0]).toMatchObject({ field: 'Jenis Kelamin', problem: expect.stringMatching(/tidak sesuai dengan NIK/) });
  expect(at(4)[0]).toMatchObject({ field: 'Tanggal Lahir', problem: expect.stringMatching(/tidak sesuai dengan NIK/) });
  expect(at(7)[0]).toMatchObject({ field: 'NIK', problem: expect.stringMatching(/sudah tercantum pada baris 6/) });
  expect(at(8)[0]).toMatchObject({ field: 'Nama', problem: expect.stringMatching(/Wajib diisi/) });
  expect(at(9)[0]).toMatchObject({ field: 'Desa/Kelurahan', problem: expect.stringMatching(/di luar wilayah kerja Anda/) });
  expect(job.problemCount).toBe(6);
  expect(await counts(server.strapi)).toEqual(before);
});

test('a village operator cannot import rows of another village; BPJS cannot import Form 35; bad requests name the field', async () => {
  const rows = people(3, village2).map(rowOf);
  const before = await counts(server.strapi);
  const job = await importFile(desa1, { name: 'lain.xlsx', bytes: await xlsxOf(rows) }, { kind: 'form35', service: SERVICE });
  expect(job.status).toBe('failed');
  expect((await reportOf(desa1, job.id)).every((p) => p.field === 'Desa/Kelurahan' && /di luar wilayah kerja/.test(p.problem))).toBe(true);
  expect(await counts(server.strapi)).toEqual(before);
  // BPJS may not import Form 35 at all.
  const bpjs = await logins.as('magetan.bpjs');
  expect((await upload(bpjs, { name: 'x.xlsx', bytes: await xlsxOf(rows) }, { kind: 'form35', service: SERVICE })).status).toBe(403);
  // Bad requests name the field.
  const noService = await upload(desa1, { name: 'x.xlsx', bytes: await xlsxOf(rows) }, { kind: 'form35' });
  expect([noService.status, noService.body.error.details.field]).toEqual([400, 'service']);
  const noKind = await upload(desa1, { name: 'x.xlsx', bytes: await xlsxOf(rows) }, { service: SERVICE });
  expect([noKind.status, noKind.body.error.details.field]).toEqual([400, 'kind']);
  const pdf = await upload(desa1, { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4') }, { kind: 'form35', service: SERVICE });
  expect([pdf.status, pdf.body.error.details.field]).toEqual([400, 'file']);
});

test('exported cases import again to the same rows (xlsx and csv)', async () => {
  const list = people(12, village1);
  const imported = await importFile(desa1, { name: 'asal.xlsx', bytes: await xlsxOf(list.map(rowOf)) }, { kind: 'form35', service: SERVICE });
  expect(imported.status).toBe('succeeded');
  const niks = new Set(list.map((p) => p.nik));
  for (const format of ['xlsx', 'csv'] as const) {
    const r = await desa1.post('/api/panel/exports', { kind: 'cases', format, filter: { serviceSlug: SERVICE, villageCode: village1, status: 'in-progress' } });
    expect(r.status).toBe(202);
    const job = await finished(desa1, r.body.id);
    expect(job).toMatchObject({ status: 'succeeded', hasFile: true });
    const file = await download(desa1, `/api/panel/jobs/${job.id}/file`);
    expect(file.status).toBe(200);
    const rows = (await parsedRows(file.bytes, format)).filter((x) => niks.has(x.nik));
    expect(rows).toHaveLength(12);
    for (const p of list) {
      const x = rows.find((y) => y.nik === p.nik)!;
      expect({ kk: x.kkNumber, name: x.name, birthPlace: x.birthPlace, birthDate: x.birthDate, sex: x.sex, address: x.address, phone: x.phone }).toEqual({
        kk: p.kk,
        name: p.name,
        birthPlace: p.birthPlace,
        birthDate: p.birthDate,
        sex: p.sex === 'P' ? 'female' : 'male',
        address: p.address,
        phone: p.phone,
      });
    }
    // The exported file, as a Form 35 of the same service: every row valid but already open.
    // The import runs with the time zone of an Indonesian server (east of UTC), where a birth
    // date read as a JS Date would fall on the day before and not match the applicant on file.
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Jakarta';
    let dry: any;
    try {
      dry = await importFile(desa1, { name: `ekspor.${format}`, bytes: file.bytes }, { kind: 'form35', service: SERVICE, dryRun: 'true' });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const problems = await reportOf(desa1, dry.id);
    expect(problems.length).toBe(dry.rowsRead);
    expect(problems.every((p) => p.field === 'NIK' && /masih memiliki kasus/.test(p.problem))).toBe(true);
  }
  // A bad filter is a 400 naming it, as on the cases list.
  const bad = await desa1.post('/api/panel/exports', { kind: 'cases', format: 'xlsx', filter: { nope: 1 } });
  expect([bad.status, bad.body.error.details.field]).toEqual([400, 'filter.nope']);
});

/** Everything an import wrote for one person, without ids, document ids, codes and times. */
async function writtenFor(nik: string) {
  const knex = server.strapi.db.connection;
  const strip = (row: any) => Object.fromEntries(Object.entries(row).filter(([k]) => !/(^id$|_id$|document_id|^code$|open_key|case_code|_at$|^at$)/.test(k)));
  const applicant = await knex('applicants').where({ nik }).first();
  const links = async (table: string, column: string, id: number) => (await knex(table).where(column, id)).map(strip);
  const [c] = await knex('cases').where('applicant_id', applicant.id);
  const cmps = await knex('cases_cmps').where('entity_id', c.id).orderBy('order');
  const items = await knex('components_case_checklist_items')
    .whereIn(
      'id',
      cmps.map((x: any) => x.cmp_id),
    )
    .orderBy('id');
  const [event] = await knex('case_events').where('case_id', c.id);
  const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
  return {
    applicant: strip(applicant),
    // Relations stored on the row (same village and office for both imports), and link rows.
    applicantLinks: { village: applicant.village_id, office: applicant.office_id },
    case: { ...strip(c), published: c.published_at !== null, dueSet: c.due_at !== null },
    caseLinks: { service: (await links('cases_service_lnk', 'case_id', c.id)).length, office: c.office_id },
    checklist: { cmps: cmps.map(strip), items: items.map(strip) },
    event: { ...strip({ ...event, data: null }), data: { ...data, import: typeof data.import, row: typeof data.row }, actor: event.actor_id },
  };
}

test('on PostgreSQL the staging path writes exactly the rows the generic path (bulkInsert, as on SQLite) writes', async () => {
  const list = people(2, village1);
  const viaStage = await importFile(desa1, { name: 'a.xlsx', bytes: await xlsxOf([rowOf(list[0], 0)]) }, { kind: 'form35', service: SERVICE });
  process.env.IMPORT_STAGED = 'false';
  try {
    const viaBulkInsert = await importFile(desa1, { name: 'b.xlsx', bytes: await xlsxOf([rowOf(list[1], 0)]) }, { kind: 'form35', service: SERVICE });
    expect([viaStage.status, viaBulkInsert.status]).toEqual(['succeeded', 'succeeded']);
  } finally {
    delete process.env.IMPORT_STAGED;
  }
  const [a, b] = [await writtenFor(list[0].nik), await writtenFor(list[1].nik)];
  // The people differ; everything else must be the same.
  for (const w of [a, b]) for (const k of ['nik', 'kk_number', 'name', 'sex', 'birth_date', 'address', 'phone']) delete (w.applicant as any)[k];
  expect(a.checklist.items.length).toBeGreaterThan(0);
  const village = await server.strapi.db.connection('regions').where({ code: village1 }).first('id');
  expect(a.applicantLinks).toEqual({ village: village.id, office: expect.any(Number) });
  const operator = await server.strapi.db.connection('up_users').where({ username: 'magetan.desa1' }).first('id');
  expect([a.caseLinks.office, a.event.actor]).toEqual([a.applicantLinks.office, operator.id]);
  expect(a).toEqual(b);
  // The staging path's scratch tables (PostgreSQL) are gone once the import has ended.
  if (server.strapi.db.dialect.client === 'postgres') {
    const { rows } = await server.strapi.db.connection.raw(`select count(*)::int as n from pg_tables where tablename like 'import_stage_%'`);
    expect(rows[0].n).toBe(0);
  }
});

test('imported names are found at once, and on PostgreSQL merged into the name-search index after the import has answered', async () => {
  const knex = server.strapi.db.connection;
  const service = server.strapi.service('api::job.form35-import') as any;
  const list = people(300, village1).map((p, i) => ({ ...p, name: `${p.name} SEARCHABLE${i % 7}` }));
  const job = await importFile(desa1, { name: 'names.xlsx', bytes: await xlsxOf(list.map(rowOf)) }, { kind: 'form35', service: SERVICE });
  expect(job.status).toBe('succeeded');
  // The panel's name search finds them as soon as the import has answered.
  const found = await desa1.get(`/api/panel/cases?filter=${encodeURIComponent(JSON.stringify({ q: list[10].name }))}&range=[0,9]`);
  expect(found.body).toHaveLength(1);
  if (server.strapi.db.dialect.client !== 'postgres') return;
  // The tidy-up after this import (reported to the job's timings) merged its names into the
  // GIN indexes: nothing is left to merge.
  await until(() => service.timings.tidyMergedPages !== undefined);
  expect(service.timings.tidyMergedPages).toBeGreaterThan(0);
  const { rows } = await knex.raw(
    `select c.relname as name, gin_clean_pending_list(i.indexrelid) as pages from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam where am.amname = 'gin' and i.indrelid = 'applicants'::regclass`,
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r: any) => Number(r.pages) > 0)).toEqual([]);
});

test('after a server stops, a running import that had committed is marked imported, one that had not is marked failed', async () => {
  const [person] = people(1, village1);
  const committed = await importFile(desa1, { name: 'selesai.xlsx', bytes: await xlsxOf([rowOf(person, 0)]) }, { kind: 'form35', service: SERVICE });
  const refusedJob = await importFile(desa1, { name: 'gagal.xlsx', bytes: await xlsxOf([rowOf({ ...person, nik: '123' }, 0)]) }, { kind: 'form35', service: SERVICE });
  expect([committed.status, refusedJob.status]).toEqual(['succeeded', 'failed']);
  // As if the server had stopped while both were still running.
  const knex = server.strapi.db.connection;
  await knex('jobs')
    .whereIn('document_id', [committed.id, refusedJob.id])
    .update({ status: 'running', message: null, rows_written: 0, finished_at: null, heartbeat_at: new Date(Date.now() - 120_000) });
  await (server.strapi.service('api::job.jobs') as any).recoverStopped();
  const after = async (id: string) => (await desa1.get(`/api/panel/jobs/${id}`)).body;
  expect(await after(committed.id)).toMatchObject({ status: 'succeeded', rowsWritten: 1, message: expect.stringMatching(/^1 usulan diimpor/) });
  expect(await after(refusedJob.id)).toMatchObject({ status: 'failed', message: expect.stringMatching(/tidak ada data yang disimpan/) });
});
