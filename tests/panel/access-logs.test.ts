/**
 * The privacy log screen in a real browser: the office admin opens "Log Akses Data Pribadi",
 * sees who opened which applicant's data, and filters by applicant (name, or a whole NIK: a part
 * of one is held back with the reason, not sent); the head of office has it too, a case worker
 * doesn't.
 */
import type { Page } from 'puppeteer';
import { loadPlaces, makeApplicant } from '../staff-api/fixtures';
import { mainText, openPanel, waitForText, type PanelHarness } from './harness';

let ui: PanelHarness;
let seen: any;
let other: any;

beforeAll(async () => {
  ui = await openPanel();
  const places = await loadPlaces(ui.server.strapi);
  seen = await makeApplicant(ui.server.strapi, places.home);
  other = await makeApplicant(ui.server.strapi, places.home);
  // The case worker opens both records in full: two entries.
  const token = await ui.token('magetan.petugas');
  for (const a of [seen, other]) expect((await ui.server.http(`/api/panel/applicants/${a.documentId}`, { token })).status).toBe(200);
}, 300_000);
afterAll(async () => {
  await ui?.close();
});

/** The text of the list's body rows. */
const tableRows = (page: Page) => page.$$eval('#main-content tbody tr', (rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ')));

async function typeFilter(page: Page, source: string, text: string): Promise<void> {
  const input = await page.waitForSelector(`input[name="${source}"]`);
  await input!.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input!.type(text);
  // Leaving the field shows its validation message, as a user moving on would see it.
  await page.keyboard.press('Tab');
}

test('the office admin finds who opened an applicant, by name and by whole NIK', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.admin');
  await page.waitForSelector('[data-testid="menu-access-logs"]');
  await page.click('[data-testid="menu-access-logs"]');
  await waitForText(page, 'Log Akses Data Pribadi');
  await waitForText(page, seen.name);
  await waitForText(page, other.name);
  const first = (await tableRows(page)).find((r) => r.includes(seen.name))!;
  expect(first).toContain('Petugas Linjamsos');
  expect(first).toContain('detail pemohon');
  expect(first).toContain(`${seen.nik.slice(0, 4)}************`);
  expect(first).not.toContain(seen.nik);

  // By name: only this applicant's entries.
  await typeFilter(page, 'applicant', seen.name);
  await page.waitForFunction(
    (name) => {
      const rows = [...document.querySelectorAll('#main-content tbody tr')].map((r) => (r as HTMLElement).innerText);
      return rows.length > 0 && rows.every((r) => r.includes(name));
    },
    {},
    seen.name,
  );
  expect((await tableRows(page)).some((r) => r.includes(other.name))).toBe(false);
  await ui.screenshot(page, 'by-name');

  // A part of a NIK: held back with the reason (the admin sees NIKs masked), no request refused.
  const refused: string[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/api/panel/access-logs') && res.status() >= 400) refused.push(`${res.status()} ${res.url()}`);
  });
  await typeFilter(page, 'applicant', other.nik.slice(0, 10));
  await waitForText(page, 'NIK atau nomor KK harus lengkap 16 digit');
  await ui.screenshot(page, 'part-of-nik');
  // By the whole NIK: the other applicant's entries.
  await typeFilter(page, 'applicant', other.nik);
  await page.waitForFunction(
    (name) => {
      const rows = [...document.querySelectorAll('#main-content tbody tr')].map((r) => (r as HTMLElement).innerText);
      return rows.length > 0 && rows.every((r) => r.includes(name));
    },
    {},
    other.name,
  );
  expect(refused).toEqual([]);
  await ui.screenshot(page, 'by-nik');
  expect(ui.errors).toEqual([]);
  await page.close();
});

test('the head of office has the screen; a case worker has no menu entry and no access', async () => {
  const kadis = await ui.newPage();
  await ui.login(kadis, 'magetan.kadis');
  await kadis.waitForSelector('[data-testid="menu-access-logs"]');
  await kadis.close();
  const petugas = await ui.newPage();
  await ui.login(petugas, 'magetan.petugas');
  await petugas.waitForSelector('[data-testid="menu-cases"]');
  expect(await petugas.$('[data-testid="menu-access-logs"]')).toBeNull();
  await ui.go(petugas, '/access-logs');
  await petugas.waitForFunction(() => !document.querySelector('#main-content tbody tr'));
  expect(await mainText(petugas)).not.toContain(seen.name);
  await petugas.close();
});
