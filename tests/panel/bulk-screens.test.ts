/**
 * The bulk-data screens in a real browser against the real job runner: the office exports a
 * batch for BPJS (progress bar, then the file downloads), the BPJS liaison imports BPJS's result
 * file (progress, per-row report naming the bad row, cases moved), a village operator checks a
 * Form 35 file with a dry run (report per row, nothing written) and the jobs list shows them.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'puppeteer';
import { makeNik } from '../../cms/src/core/nik';
import { Logins, newApplicant, openCase, villageOf } from '../engine/helpers';
import { ARTIFACTS, openPanel, waitForText, type PanelHarness } from './harness';

const SERVICE = 'magetan-pengusulan-pbi-d';
let ui: PanelHarness;
let officeBatch: { documentId: string; code: string };
const proposals: { id: string; code: string; nik: string }[] = [];

beforeAll(async () => {
  ui = await openPanel();
  // Set-up through the API (the flow itself is tested in pbi-d-flow): two proposals recapped and sent.
  const logins = new Logins(ui.server);
  const [desa, kec, petugas] = await Promise.all(['desa1', 'kecamatan', 'petugas'].map((u) => logins.as(`magetan.${u}`)));
  const village = await villageOf(ui.server, 'magetan.desa1');
  for (let i = 0; i < 2; i++) {
    const applicant = newApplicant(village);
    const opened = await openCase(desa, SERVICE, applicant, { checklist: { 'ktp-kk': true } });
    await desa.ok(opened.case.documentId, 'complete');
    proposals.push({ id: opened.case.documentId, code: opened.case.code, nik: applicant.nik });
  }
  for (const [who, url] of [
    [desa, 'village-recap'],
    [kec, 'district-recap'],
    [petugas, 'office-recap'],
  ] as const) {
    const r = await who.post(`/api/panel/batches/${url}`, { service: SERVICE });
    if (r.status !== 201) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
    if (url === 'office-recap') officeBatch = r.body.data.batch;
  }
  const sent = await petugas.post(`/api/panel/batches/${officeBatch.documentId}/actions/send`);
  if (sent.status !== 200) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
}, 300_000);
afterAll(async () => {
  await ui?.close();
});

/** Lets the page's downloads land in a fresh folder; returns a function waiting for the next file. */
async function downloadsOf(page: Page): Promise<(ext: string) => Promise<string>> {
  const dir = fs.mkdtempSync(path.join(ARTIFACTS, 'downloads-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, browserContextId: (page.browserContext() as any).id });
  return async (ext) => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const f = fs.readdirSync(dir).find((n) => n.endsWith(ext));
      if (f) return path.join(dir, f);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no ${ext} downloaded into ${dir}`);
  };
}

const jobStatus = (page: Page) => page.$eval('[data-testid="job-progress"]', (e) => (e as HTMLElement).dataset.status);

test('office: export the batch for BPJS, follow the job, download the xlsx', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.petugas');
  const nextFile = await downloadsOf(page);
  await ui.go(page, `/batches/${officeBatch.documentId}/show`);
  await page.locator('[data-testid="export-xlsx"]').click();
  await page.waitForSelector('[data-testid="job-progress"]');
  await page.waitForSelector('[data-testid="job-result"]', { timeout: 60_000 });
  expect(await jobStatus(page)).toBe('succeeded');
  await ui.screenshot(page, 'export-done');
  await page.locator('[data-testid="job-download"]').click();
  const file = await nextFile('.xlsx');
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(path.basename(file)).toContain('rekap-office');
  // The export carries the batch's lines: their NIK are in the sheet's strings.
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const cells: string[] = [];
  // A sheet of counts first, then the lines (Form 35 columns).
  for (const ws of wb.worksheets) ws.eachRow((row: any) => row.eachCell((c: any) => cells.push(String(c.value))));
  expect(wb.worksheets.map((w: any) => w.name)).toEqual(['Rekap', 'Daftar']);
  for (const p of proposals) expect(cells).toContain(p.nik);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await page.close();
});

test('BPJS: import the cleansing result file, see the per-row report, cases follow', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.bpjs');
  await ui.go(page, `/batches/${officeBatch.documentId}/show`);
  await page.waitForSelector('[data-testid="bpjs-file"]');
  const file = path.join(ARTIFACTS, 'bpjs-hasil.csv');
  const upload = async (lines: string[]) => {
    fs.writeFileSync(file, ['NIK;Hasil;Alasan', ...lines].join('\n'));
    const before = await page.$eval('[data-testid="job-result"]', (e) => (e as HTMLElement).dataset.job).catch(() => 'none');
    const input = await page.$('[data-testid="bpjs-file"]');
    await (input as any).uploadFile(file);
    await page.waitForSelector(`[data-testid="job-result"]:not([data-job="${before}"])`, { timeout: 60_000 });
    return jobStatus(page);
  };
  const petugas = await ui.token('magetan.petugas');
  const results = async () => Promise.all(proposals.map(async (p) => (await (await ui.server.http(`/api/panel/cases/${p.id}/actions`, { token: petugas })).json()).data.case.bpjsResult));

  // A file with a bad row (a short NIK on row 4) is refused whole, with the row named.
  expect(await upload([`${proposals[0].nik};diterima;`, `${proposals[1].nik};ditolak;Sudah peserta mandiri`, '1234;diterima;'])).toBe('failed');
  await page.waitForSelector('[data-testid="job-report"]');
  const rows = await page.$$eval('[data-testid="job-report"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
  expect(rows).toEqual([['4', 'NIK', 'NIK harus 16 digit angka']]);
  await ui.screenshot(page, 'bpjs-import-refused');
  expect(await results()).toEqual(['pending', 'pending']);

  // The corrected file is recorded: the lines and their cases follow.
  expect(await upload([`${proposals[0].nik};diterima;`, `${proposals[1].nik};ditolak;Sudah peserta mandiri`])).toBe('succeeded');
  expect(await results()).toEqual(['accepted', 'rejected']);
  await page.waitForFunction(
    (c) => [...document.querySelectorAll('[data-testid="batch-lines"] tbody tr')].some((tr) => tr.textContent!.includes(c) && tr.textContent!.includes('Sudah peserta mandiri')),
    {},
    proposals[1].code,
  );
  await ui.screenshot(page, 'bpjs-import-recorded');
  fs.rmSync(file, { force: true });
  await page.close();
});

test('village operator: Form 35 dry run reports the bad rows and writes nothing; the jobs list shows it', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.desa1');
  const nextFile = await downloadsOf(page);
  await ui.go(page, '/form35');
  await page.locator('[data-testid="template-csv"]').click();
  const template = fs.readFileSync(await nextFile('.csv'), 'utf8');
  expect(template.split(/\r?\n/)[0]).toMatch(/NIK/);
  const village = await villageOf(ui.server, 'magetan.desa1');
  const good = newApplicant(village);
  const header = 'No;NIK;No KK;Nama;Tempat Lahir;Tanggal Lahir;Jenis Kelamin;Alamat;RT/RW;Desa/Kelurahan;Kecamatan;No HP;Keterangan';
  const birth = good.birthDate.split('-').reverse().join('-');
  const csv = [
    header,
    `1;${good.nik};${good.nik.slice(0, 6)}0101200001;${good.name};MAGETAN;${birth};${good.sex === 'male' ? 'L' : 'P'};Dusun Krajan;001/002;${village};;;`,
    `2;12345;3520010101200001;TANPA NIK;MAGETAN;01-01-1980;P;Dusun Krajan;001/002;${village};;;`,
  ].join('\n');
  const file = path.join(ARTIFACTS, 'form35-uji.csv');
  fs.writeFileSync(file, csv);
  await page.waitForFunction((slug) => !!document.querySelector(`[data-testid="service-picker"] option[value="${slug}"]`), {}, SERVICE);
  await page.select('[data-testid="service-picker"]', SERVICE);
  const input = await page.$('[data-testid="form35-file"]');
  await (input as any).uploadFile(file);
  await page.locator('[data-testid="form35-start"]').click();
  await page.waitForSelector('[data-testid="job-result"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="job-report"]');
  const report = await page.$eval('[data-testid="job-report"]', (e) => (e as HTMLElement).innerText);
  await ui.screenshot(page, 'form35-dry-run');
  expect(report).toMatch(/\b3\b/);
  expect(report).toContain('NIK');
  const applicants = await ui.server.strapi.db.query('api::applicant.applicant').count({ where: { nik: good.nik } });
  expect(applicants).toBe(0);
  fs.rmSync(file, { force: true });

  await ui.go(page, '/jobs');
  await page.waitForSelector('#main-content [data-testid="job-progress"]').catch(async (e) => {
    await ui.screenshot(page, 'failed-jobs-list');
    throw new Error(
      `${e.message}: ${await page.evaluate(() => document.body.innerText.slice(0, 2000))} ${ui.errors
        .filter((x) => !x.includes('Warning'))
        .join('\n')
        .slice(0, 2000)}`,
    );
  });
  const kinds = await page.$$eval('#main-content table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
  expect(kinds.some((k) => k.includes('Impor Form 35') && k.includes('form35-uji.csv'))).toBe(true);
  await ui.screenshot(page, 'jobs-list');
  await page.close();
});

test('a running import is cancelled from its progress view and leaves nothing', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.desa1');
  const village = await villageOf(ui.server, 'magetan.desa1');
  const header = 'No;NIK;No KK;Nama;Tempat Lahir;Tanggal Lahir;Jenis Kelamin;Alamat;RT/RW;Desa/Kelurahan;Kecamatan;No HP;Keterangan';
  // Valid rows with distinct NIKs (a NIK's serial has four digits: 9,000 per birth date), so
  // that the import is still writing when the cancel comes, and does not end on its own problems.
  const rows = Array.from({ length: 50_000 }, (_, i) => {
    const birth = new Date(Date.UTC(1975, 3, 12) + Math.floor(i / 9000) * 86_400_000).toISOString().slice(0, 10);
    const nik = makeNik(village.slice(0, 8), birth, 'male', 20_000 + (i % 9000));
    return `${i + 1};${nik};${nik.slice(0, 6)}0101${String(200000 + i).slice(-6)};WARGA UJI ${i};MAGETAN;${birth.split('-').reverse().join('-')};L;Dusun Krajan;001/002;${village};;;`;
  });
  const file = path.join(ARTIFACTS, 'form35-besar.csv');
  fs.writeFileSync(file, [header, ...rows].join('\n'));
  const before = await ui.server.strapi.db.query('api::applicant.applicant').count();
  await ui.go(page, '/form35');
  await page.waitForFunction((slug) => !!document.querySelector(`[data-testid="service-picker"] option[value="${slug}"]`), {}, SERVICE);
  await page.select('[data-testid="service-picker"]', SERVICE);
  await ((await page.$('[data-testid="form35-file"]')) as any).uploadFile(file);
  await page.locator('input[type="checkbox"]').click(); // not a dry run
  await page.locator('[data-testid="form35-start"]').click();
  await page.locator('[data-testid="job-cancel"]').click();
  await page.waitForSelector('[data-testid="job-result"]', { timeout: 120_000 });
  await ui.screenshot(page, 'form35-cancelled');
  expect(await jobStatus(page)).toBe('cancelled');
  expect(await ui.server.strapi.db.query('api::applicant.applicant').count()).toBe(before);
  fs.rmSync(file, { force: true });
  await page.close();
});
