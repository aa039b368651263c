/**
 * Lost updates in the staff panel (issue 19, defect 9): two staff open the same applicant's edit
 * form in two browsers and both save. The first save goes through; the second is refused with
 * the server's Indonesian message, the form keeps what was typed, and the first change stays.
 */
import type { Page } from 'puppeteer';
import { clickByText, openPanel, waitForText, type PanelHarness } from './harness';

let ui: PanelHarness;
beforeAll(async () => {
  ui = await openPanel();
});
afterAll(async () => {
  await ui?.close();
});

const value = (page: Page, name: string) => page.$eval(`input[name="${name}"], textarea[name="${name}"]`, (e) => (e as HTMLInputElement).value);
async function retype(page: Page, name: string, text: string) {
  const selector = `input[name="${name}"], textarea[name="${name}"]`;
  await page.waitForSelector(selector);
  await page.click(selector, { count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

test("the second of two editors is told the applicant changed, keeps what was typed, and loses nobody's change", async () => {
  const { strapi } = ui.server;
  const desa = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'magetan.desa1' } });
  const applicant = await strapi.db.query('api::applicant.applicant').findOne({ where: { villageCode: desa.regionCode } });

  const petugas = await ui.newPage();
  const operator = await ui.newPage();
  await ui.login(petugas, 'magetan.petugas');
  await ui.login(operator, 'magetan.desa1');
  for (const page of [petugas, operator]) {
    await ui.go(page, `/applicants/${applicant.documentId}`);
    await page.waitForFunction((name) => (document.querySelector('input[name="name"]') as HTMLInputElement | null)?.value === name, {}, applicant.name);
  }

  await retype(petugas, 'name', 'Nama Dibetulkan Petugas');
  await clickByText(petugas, 'SIMPAN');
  await petugas.waitForFunction(() => location.hash.endsWith('/show'));

  await retype(operator, 'phone', '081298765432');
  await clickByText(operator, 'SIMPAN');
  await waitForText(operator, 'sudah diubah orang lain');
  await ui.screenshot(operator, 'stale-save');
  // Still on the form, with what the operator typed and the name they saw.
  expect(operator.url()).toMatch(new RegExp(`/applicants/${applicant.documentId}$`));
  expect(await value(operator, 'phone')).toBe('081298765432');
  expect(await value(operator, 'name')).toBe(applicant.name);

  const stored = await strapi.db.query('api::applicant.applicant').findOne({ where: { id: applicant.id } });
  expect([stored.name, stored.phone, stored.version]).toEqual(['Nama Dibetulkan Petugas', applicant.phone, applicant.version + 1]);

  // Reloaded, the operator sees the new name and saves the phone on top of it.
  await operator.reload({ waitUntil: 'domcontentloaded' });
  await operator.waitForFunction(() => (document.querySelector('input[name="name"]') as HTMLInputElement | null)?.value === 'Nama Dibetulkan Petugas');
  // (The form reads the applicant's NIK as valid, and not as a duplicate of itself.)
  await operator.waitForSelector('[data-testid="nik-reading"]');
  await operator.waitForNetworkIdle({ idleTime: 500 });
  expect(await operator.$('[data-testid="nik-duplicate"]')).toBeNull();
  await retype(operator, 'phone', '081298765432');
  await clickByText(operator, 'SIMPAN');
  await operator.waitForFunction(() => location.hash.endsWith('/show'));
  const saved = await strapi.db.query('api::applicant.applicant').findOne({ where: { id: applicant.id } });
  expect([saved.name, saved.phone, saved.version]).toEqual(['Nama Dibetulkan Petugas', '081298765432', applicant.version + 2]);
  expect(ui.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
});
