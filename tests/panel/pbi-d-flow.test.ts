/**
 * Magetan PBI-D end to end, all through the panel in headless Chromium on the real server: the
 * village operator registers an applicant and proposes a PBI-D case, checks the documents and
 * completes activity 1; recaps the village (activity 2); the district operator recaps the
 * district (3); the office recaps and sends the batch to BPJS (4); the BPJS liaison records the
 * result; the office drafts the request letter to Dinkes (5); the head of office prints it as
 * a PDF, which holds the applicant's name (pdftotext). Screenshots in tests/panel/artifacts.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { Page } from 'puppeteer';
import { makeNik } from '../../cms/src/core/nik';
import { ARTIFACTS, clickByText, openPanel, waitForText, type PanelHarness } from './harness';

const SERVICE = 'magetan-pengusulan-pbi-d';
const NAME = 'Sumarni Uji Alur PBI-D';
let ui: PanelHarness;

beforeAll(async () => {
  ui = await openPanel();
}, 300_000);
afterAll(async () => {
  await ui?.close();
});

async function api(username: string, p: string): Promise<any> {
  const res = await ui.server.http(`/api/panel${p}`, { token: await ui.token(username) });
  return res.json();
}

/** Runs a case action from the case page through its confirmation dialog. */
async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  await page.waitForSelector(`[data-testid="action-${action}"]:not([disabled])`);
  await page.locator(`[data-testid="action-${action}"]`).click();
  await page.waitForSelector('[data-testid="action-dialog"]');
  if (fill) await fill(page);
  await page.locator('[data-testid="action-confirm"]').click();
  await page.waitForSelector('[data-testid="action-dialog"]', { hidden: true });
}

/** Opens the recap dialog of the user's level on the batch list, recaps the service, returns the batch ids made. */
async function recap(page: Page, shot: string): Promise<string[]> {
  await ui.go(page, '/batches');
  await page.waitForSelector('[data-testid="recap-open"]');
  await page.locator('[data-testid="recap-open"]').click();
  await page.waitForSelector('[data-testid="service-picker"]');
  await page.waitForFunction((slug) => !!document.querySelector(`[data-testid="service-picker"] option[value="${slug}"]`), {}, SERVICE);
  await page.select('[data-testid="service-picker"]', SERVICE);
  await page.locator('[data-testid="recap-run"]').click();
  await page.waitForSelector('[data-testid="recap-batch-link"]');
  await ui.screenshot(page, shot);
  return page.$$eval('[data-testid="recap-batch-link"]', (as) =>
    as.map((a) =>
      (a as HTMLAnchorElement)
        .getAttribute('href')!
        .replace(/^#?\/batches\//, '')
        .replace(/\/show$/, ''),
    ),
  );
}

test('village proposes, district and office recap, office sends, BPJS accepts, office drafts the letter, head of office prints it', async () => {
  // 1. Village operator: register the applicant and propose the PBI-D case.
  const desa = await ui.newPage();
  await ui.login(desa, 'magetan.desa1');
  const me = await api('magetan.desa1', '/me');
  const nik = makeNik(me.region.code.slice(0, 8), '1971-03-09', 'female', 7731);
  await ui.go(desa, '/applicants/create');
  await desa.waitForSelector('input[name="nik"]');
  await desa.type('input[name="nik"]', nik);
  await desa.waitForSelector('[data-testid="nik-reading"]');
  await desa.type('input[name="name"]', NAME);
  await clickByText(desa, 'SIMPAN');
  await desa.waitForSelector('[data-testid="open-case"]');
  await desa.locator('[data-testid="open-case"]').click();
  await desa.waitForSelector('[data-testid="open-case-dialog"] [role="combobox"]');
  await desa.locator('[data-testid="open-case-dialog"] [role="combobox"]').click();
  await desa.locator(`[data-testid="service-${SERVICE}"]`).click();
  await desa.waitForSelector('[role="listbox"]', { hidden: true });
  await desa.waitForSelector('[data-testid="open-case-confirm"]:not([disabled])');
  await desa.locator('[data-testid="open-case-confirm"]').click();
  await desa.waitForSelector('[data-testid="case-show"]', { timeout: 30_000 }).catch(async (e) => {
    await ui.screenshot(desa, 'failed-open-case');
    throw new Error(`${e.message}: ${await desa.evaluate(() => document.body.innerText.slice(0, 1500))}`);
  });
  const code = await desa.$eval('[data-testid="case-code"]', (e) => (e as HTMLElement).innerText.trim());
  const caseId = desa.url().match(/#\/cases\/([^/]+)\/show/)![1];
  await desa.waitForSelector('[data-testid="flow-activity-1"][data-state="current"]');
  // The documents (KTP and KK) are checked, then activity 1 is done.
  await act(desa, 'check', async (p) => {
    const boxes = await p.$$('[data-testid="action-dialog"] input[type="checkbox"]');
    for (const b of boxes) if (!(await b.evaluate((e) => (e as HTMLInputElement).checked))) await b.click();
  });
  await act(desa, 'complete');
  await desa.waitForSelector('[data-testid="flow-activity-2"][data-state="current"]');
  await ui.screenshot(desa, '01-desa-proposed');

  // 2. Village recap (activity 2).
  const [villageBatch] = await recap(desa, '02-desa-recap');
  expect((await api('magetan.desa1', `/batches/${villageBatch}`)).level).toBe('village');
  await ui.go(desa, `/batches/${villageBatch}/show`);
  await desa.waitForSelector('[data-testid="batch-lines"]');
  await waitForText(desa, code);
  expect(await desa.$eval('[data-testid="batch-lines"]', (t) => (t as HTMLElement).innerText)).toContain(nik);
  await ui.screenshot(desa, '03-desa-batch');
  await desa.close();

  // 3. District recap (activity 3): the district operator sees the NIK masked.
  const kec = await ui.newPage();
  await ui.login(kec, 'magetan.kecamatan');
  const districtBatches = await recap(kec, '04-kecamatan-recap');
  expect(districtBatches.length).toBeGreaterThan(0);
  await ui.go(kec, `/batches/${districtBatches[0]}/show`);
  await kec.waitForSelector('[data-testid="batch-lines"]');
  await waitForText(kec, code);
  expect(await kec.$eval('[data-testid="batch-lines"]', (t) => (t as HTMLElement).innerText)).not.toContain(nik);
  await kec.close();

  // 4. Office recap and sending to BPJS.
  const office = await ui.newPage();
  await ui.login(office, 'magetan.petugas');
  const [officeBatch] = await recap(office, '05-dinsos-recap');
  await office.locator('[data-testid="recap-batch-link"]').click();
  await office.waitForSelector('[data-testid="batch-send"]');
  await waitForText(office, code);
  await office.locator('[data-testid="batch-send"]').click();
  await clickByText(office, 'KONFIRMASI');
  await office.waitForFunction(() => !document.querySelector('[data-testid="batch-send"]'));
  await waitForText(office, 'Dikirim ke BPJS');
  await ui.screenshot(office, '06-dinsos-sent');
  expect((await api('magetan.petugas', `/batches/${officeBatch}`)).status).toBe('sent-to-bpjs');

  // 5. BPJS liaison: the batch is in their list; the line of our case is accepted.
  const bpjs = await ui.newPage();
  await ui.login(bpjs, 'magetan.bpjs');
  await ui.go(bpjs, '/batches');
  const batchCode = (await api('magetan.petugas', `/batches/${officeBatch}`)).code;
  await clickByText(bpjs, batchCode, 'td, span');
  await bpjs.waitForSelector(`[data-testid="result-${code}"]`);
  await bpjs.select(`[data-testid="result-${code}"]`, 'accepted');
  await ui.screenshot(bpjs, '07-bpjs-result');
  await bpjs.locator('[data-testid="save-results"]').click();
  // Saved: the line is no longer pending (no result picker) and reads "Diterima".
  await bpjs.waitForSelector(`[data-testid="result-${code}"]`, { hidden: true, timeout: 30_000 });
  const line = await bpjs.$$eval('[data-testid="batch-lines"] tbody tr', (trs, c) => trs.find((tr) => tr.textContent!.includes(c as string))?.textContent, code);
  expect(line).toContain('Diterima');
  // "Aktif mulai" written the Indonesian way ("01 Desember 2026"), not as an ISO date.
  const lines = await api('magetan.bpjs', `/batches/${officeBatch}/lines`);
  const activeFrom: string = (lines.data ?? lines).lines.find((l: any) => l.code === code).activeFrom;
  expect(activeFrom).toMatch(/^\d{4}-\d{2}-\d{2}/);
  const shown = new Intl.DateTimeFormat('id-ID', { day: '2-digit', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(activeFrom.slice(0, 10)));
  expect(await bpjs.$eval(`[data-testid="active-from-${code}"]`, (e) => (e as HTMLElement).innerText)).toBe(shown);
  expect(line).not.toContain(activeFrom.slice(0, 10));
  await ui.screenshot(bpjs, '08-bpjs-recorded');
  await bpjs.close();

  // 6. Office: activity 5, the request letter to Dinkes, from the case page.
  await ui.go(office, `/cases/${caseId}/show`);
  await office.waitForSelector('[data-testid="flow-activity-5"][data-state="current"]', { timeout: 40_000 }).catch(async (e) => {
    await ui.screenshot(office, 'failed-activity-5');
    throw new Error(`${e.message}: ${await office.evaluate(() => document.body.innerText.slice(0, 3000))}`);
  });
  await act(office, 'complete');
  await office.waitForSelector('[data-testid="case-status"]');
  await waitForText(office, 'Selesai');
  await ui.screenshot(office, '09-dinsos-letter-drafted');
  await office.close();

  // 7. Head of office: the batch's letter, printed as a PDF with the applicant's name.
  const kadis = await ui.newPage();
  await ui.login(kadis, 'magetan.kadis');
  await ui.go(kadis, `/batches/${officeBatch}/show`);
  await kadis.waitForSelector('[data-testid="batch-letter-pdf"]');
  await ui.screenshot(kadis, '10-kadis-batch-letter');
  // The browser saves the download into a folder of ours: the file the user gets.
  const downloads = fs.mkdtempSync(path.join(ARTIFACTS, 'downloads-'));
  const cdp = await kadis.createCDPSession();
  // Each harness page has its own browser context: the download rule must name it.
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, browserContextId: (kadis.browserContext() as any).id });
  const pdfResponse = kadis.waitForResponse((r) => /\/api\/documents\/letters\/[^/]+\/pdf$/.test(r.url()), { timeout: 60_000 });
  await kadis.locator('[data-testid="batch-letter-pdf"]').click();
  const res = await pdfResponse;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  const deadline = Date.now() + 30_000;
  let saved: string[] = [];
  while (Date.now() < deadline && !(saved = fs.readdirSync(downloads).filter((f) => f.endsWith('.pdf'))).length) await new Promise((r) => setTimeout(r, 200));
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatch(/^surat-.+\.pdf$/);
  const pdf = fs.readFileSync(path.join(downloads, saved[0]));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(ARTIFACTS, 'pbi-d-flow-letter.pdf');
  fs.writeFileSync(file, pdf);
  fs.rmSync(downloads, { recursive: true, force: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain(NAME);
  expect(text).toMatch(/PBI-D/);
  await kadis.close();

  // The case walked the SOP as the engine records it.
  const timeline = await api('magetan.petugas', `/cases/${caseId}/timeline`);
  expect(timeline.data.events.map((e: any) => e.action)).toEqual(['open', 'check', 'complete', 'village-recap', 'district-recap', 'office-recap', 'bpjs-send', 'bpjs-result', 'complete']);

  // The case's history names every step in words, in both languages, never by its key.
  const words = {
    id: ['Kasus dibuka', 'Masuk rekap usulan desa/kelurahan', 'Masuk rekap usulan kecamatan', 'Masuk rekap usulan dinas', 'Dikirim ke BPJS', 'Hasil BPJS dicatat'],
    en: ['Case opened', 'Added to the village recap', 'Added to the district recap', 'Added to the office recap', 'Sent to BPJS', 'BPJS result recorded'],
  };
  for (const locale of ['id', 'en'] as const) {
    const page = await ui.newPage({ locale });
    await ui.login(page, 'magetan.petugas');
    await ui.go(page, `/cases/${caseId}/show`);
    await page.waitForSelector('[data-testid="case-timeline"] li');
    const history = await page.$eval('[data-testid="case-timeline"]', (e) => (e as HTMLElement).innerText);
    for (const w of words[locale]) expect(history).toContain(w);
    expect(history).not.toMatch(/· (open|village-recap|district-recap|office-recap|bpjs-send|bpjs-result)\b/);
    expect(history).not.toContain('—');
    await ui.screenshot(page, `11-history-${locale}`);
    await page.close();
  }
});
