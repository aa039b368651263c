/**
 * The public site in headless Chromium: every page passes axe-core, on a desktop and a phone
 * screen; the complaint and survey forms work end to end; drafts never show.
 */
import type { Browser } from 'puppeteer';
import { startServer, type TestServer } from '../helpers/strapi';
import { axeViolations, launchBrowser, openPage } from './browser';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => server.strapi.service('api::public-site.limits').reset());

const PAGES = [
  '/',
  '/layanan',
  '/layanan?q=reaktivasi',
  '/layanan/magetan-reaktivasi-kartu-jkn-kis',
  '/layanan/tarakan-peralihan-pbi-pemda',
  '/pengaduan',
  '/pengaduan/status',
  '/pengaduan/status?kode=ADU-AAAA-BBBB',
  '/survei/magetan-pengusulan-pbi-d',
  '/ikm',
];

test.each(PAGES)('axe-core finds no violation on %s (desktop and phone)', async (path) => {
  for (const width of [1280, 375]) {
    const page = await openPage(browser, width);
    const res = await page.goto(`${server.url}${path}`);
    expect(res!.headers()['content-type']).toContain('text/html');
    expect(await page.$eval('html', (h) => h.getAttribute('lang'))).toBe('id');
    expect(await axeViolations(page)).toEqual([]);
    // Mobile-friendly: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }
});

test('complaint end to end in the browser: errors named per field, tracking code, status without personal data', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/pengaduan`);
  await page.click('button[type=submit]');
  await page.waitForSelector('.errors');
  const errorText = await page.$eval('.errors', (e) => e.textContent ?? '');
  expect(errorText).toContain('Kantor');
  expect(errorText).toContain('Isi pengaduan');
  expect(await axeViolations(page)).toEqual([]);

  await page.select('#kantor', 'tarakan');
  await page.type('#isi', 'Petugas belum menghubungi saya setelah asesmen minggu lalu.');
  await page.type('#nama', 'Siti Rahmawati');
  await page.type('#kontak', '081234567890');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const code = await page.$eval('.code', (e) => (e.textContent ?? '').trim());
  expect(code).toMatch(/^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(await axeViolations(page)).toEqual([]);

  const stored = await server.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: code } });
  expect(stored).toMatchObject({ officeCode: 'tarakan', channel: 'web', status: 'new', reporterName: 'Siti Rahmawati', contact: '081234567890' });
  expect(new Date(stored.dueAt).getTime() - new Date(stored.receivedAt).getTime()).toBe(72 * 3600_000);

  await server.strapi.db.query('api::complaint.complaint').update({ where: { id: stored.id }, data: { status: 'answered', reply: 'Jadwal kunjungan sudah kami kirimkan.', repliedAt: new Date() } });
  await Promise.all([page.waitForNavigation(), page.click('main a[href^="/pengaduan/status?kode="]')]);
  const body = await page.$eval('main', (m) => m.textContent ?? '');
  expect(body).toContain(code);
  expect(body).toContain('Sudah dijawab');
  expect(body).toContain('Jadwal kunjungan sudah kami kirimkan.');
  expect(body).toContain('Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan');
  for (const personal of ['Siti Rahmawati', '081234567890', 'Petugas belum menghubungi']) expect(body).not.toContain(personal);
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
});

test('survey end to end in the browser, then the service shows its IKM', async () => {
  const page = await openPage(browser, 375);
  await page.goto(`${server.url}/survei/karangasem-akses-layanan-kesehatan`);
  for (let i = 1; i <= 9; i += 1) await page.click(`input[name=u${i}][value="${i === 4 ? 4 : 3}"]`);
  await page.type('#umur', '41');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  expect(await page.$eval('h1', (h) => h.textContent)).toContain('Terima kasih');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(`${server.url}/layanan/karangasem-akses-layanan-kesehatan`);
  // (8 x 3 + 4) / 9 x 25 = 77.78: grade B.
  const text = await page.$eval('main', (m) => m.textContent ?? '');
  expect(text).toContain('IKM layanan ini 77,78');
  expect(text).toContain('mutu B (Baik), dari 1 responden');
  await page.close();
});
