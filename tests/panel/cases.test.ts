/**
 * The staff panel's case work in a real browser on the real server: a case worker sees no case
 * of another office anywhere, a village operator registers an applicant with the NIK check and
 * opens a case, a case worker moves a case through an action with confirmation.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'puppeteer';
import { makeNik } from '../../cms/src/core/nik';
import { clickByText, mainText, openPanel, waitForText, type PanelHarness } from './harness';

let ui: PanelHarness;
const tokens: Record<string, string> = {};

async function api(username: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<any> {
  tokens[username] ??= await ui.token(username);
  const res = await ui.server.http(`/api/panel${path}`, { ...init, token: tokens[username] });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The first of these cases whose actions view (GET /cases/:id/actions) satisfies the test; fails the test when none does. */
async function firstCaseWhere(user: string, cases: { id: string }[], test: (view: any) => boolean): Promise<{ id: string; version: number }> {
  for (const c of cases) {
    const view = (await api(user, `/cases/${c.id}/actions`)).body.data;
    if (test(view)) return { id: c.id, version: view.case.version };
  }
  throw new Error(`no case of ${user} fits`);
}

const q = (params: Record<string, unknown>) =>
  `?${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&')}`;

/** A service standard saved as a draft only (never published), straight into the database. */
async function insertDraftService(officeCode: string, slug: string, title: string) {
  const { strapi } = ui.server;
  const office = await strapi.db.query('api::office.office').findOne({ where: { code: officeCode } });
  await strapi.db.query('api::service-standard.service-standard').create({
    data: { documentId: `draf${Date.now()}`.padEnd(24, '0'), slug, title, serviceName: title, officeCode, office: office.id, publishedAt: null },
  });
}

/** The error shown under a form field (react-admin's helper text), '' when none. */
const fieldError = (page: Page, name: string) =>
  page.$eval(`[name="${name}"]`, (input) => (input.closest('.MuiFormControl-root')?.querySelector('.MuiFormHelperText-root.Mui-error') as HTMLElement | null)?.innerText ?? '').catch(() => '');

/** Case numbers shown in the list's table. */
const listedCodes = (page: Page) =>
  page.$$eval('#main-content table tbody tr td:first-child, #main-content table tbody tr td', (tds) => [
    ...new Set(tds.map((td) => (td as HTMLElement).innerText.trim()).filter((t) => /^[A-Z]{3}-\d{4}-\d+$/.test(t))),
  ]);

beforeAll(async () => {
  ui = await openPanel();
}, 300_000);
afterAll(async () => {
  await ui?.close();
});

describe('a case worker sees nothing of another office', () => {
  let page: Page;
  let tarakan: { id: string; code: string; applicantLabel: string };

  beforeAll(async () => {
    const r = await api('tarakan.petugas', `/cases${q({ range: [0, 0], sort: ['code', 'ASC'] })}`);
    tarakan = r.body[0];
    expect(tarakan.code).toMatch(/^TAR-/);
    page = await ui.newPage();
    await ui.login(page, 'magetan.petugas');
  });
  afterAll(() => page?.close());

  test('lists: every tab shows Magetan cases only', async () => {
    for (const tab of ['all', 'mine', 'overdue', 'emergency']) {
      await ui.go(page, '/cases');
      await page.waitForSelector(`[data-testid="tab-${tab}"]`);
      await page.click(`[data-testid="tab-${tab}"]`);
      await page.waitForNetworkIdle({ idleTime: 300 });
      const codes = await listedCodes(page);
      if (tab === 'all') expect(codes.length).toBeGreaterThan(5);
      expect(codes.filter((c) => !c.startsWith('MAG-'))).toEqual([]);
    }
    await ui.screenshot(page, 'petugas-all-cases');
  });

  test("searching another office's case number or applicant finds nothing", async () => {
    for (const term of [tarakan.code, tarakan.applicantLabel]) {
      await ui.go(page, `/cases?filter=${encodeURIComponent(JSON.stringify({ q: term }))}`);
      await page.waitForNetworkIdle({ idleTime: 300 });
      expect(await listedCodes(page)).toEqual([]);
      await ui.go(page, `/applicants?filter=${encodeURIComponent(JSON.stringify({ q: term }))}`);
      await page.waitForNetworkIdle({ idleTime: 300 });
      expect(await mainText(page)).not.toContain(tarakan.applicantLabel);
    }
  });

  test("a direct URL to another office's case says not found", async () => {
    await ui.go(page, `/cases/${tarakan.id}/show`);
    await page.waitForSelector('[data-testid="case-not-found"]');
    const text = await mainText(page);
    expect(text).toContain('Kasus tidak ditemukan');
    expect(text).not.toContain(tarakan.code);
    await ui.screenshot(page, 'other-office-case');
  });
});

describe('a village operator registers an applicant and opens a case', () => {
  test('NIK check as you type, duplicate warning, case opened', async () => {
    const page = await ui.newPage();
    await ui.login(page, 'magetan.desa1');
    const me = (await api('magetan.desa1', '/me')).body;
    const village: string = me.region.code; // "35.20.xx.xxxx"
    const nik = makeNik(village.slice(0, 8), '1979-08-21', 'female', 4321);
    await ui.go(page, '/applicants/create');
    await page.waitForSelector('input[name="nik"]');
    await page.type('input[name="nik"]', nik.slice(0, 10));
    await page.waitForSelector('[data-testid="nik-check"][data-state="incomplete"]');
    expect(await page.$eval('[data-testid="nik-check"]', (e) => (e as HTMLElement).innerText)).toContain('10 dari 16 digit');
    await page.type('input[name="nik"]', nik.slice(10));
    await page.waitForSelector('[data-testid="nik-reading"]');
    expect(await page.$eval('[data-testid="nik-reading"]', (e) => (e as HTMLElement).innerText)).toContain('21 Agustus 1979, Perempuan');
    expect(await page.$eval('input[name="birthDate"]', (e) => (e as HTMLInputElement).value)).toBe('1979-08-21');
    await page.type('input[name="name"]', 'Sri Wahyuni Uji Panel');
    await ui.screenshot(page, 'register-applicant');
    await clickByText(page, 'SIMPAN');
    await page.waitForSelector('[data-testid="open-case"]');

    // Registering the same NIK again warns before saving.
    const again = await ui.newPage();
    await ui.login(again, 'magetan.desa1');
    await ui.go(again, '/applicants/create');
    await again.waitForSelector('input[name="nik"]');
    await again.type('input[name="nik"]', nik);
    await again.waitForSelector('[data-testid="nik-duplicate"]');
    expect(await again.$eval('[data-testid="nik-duplicate"]', (e) => (e as HTMLElement).innerText)).toContain('Sri Wahyuni Uji Panel');
    await again.close();

    // A service still in draft (never published) takes no case: not offered.
    await insertDraftService('magetan', 'magetan-layanan-draf-uji', 'Layanan Draf Uji');
    await page.click('[data-testid="open-case"]');
    await page.waitForSelector('[data-testid="open-case-dialog"] [role="combobox"]');
    await page.click('[data-testid="open-case-dialog"] [role="combobox"]');
    // The services load when the dialog opens: the option may come after the menu.
    await page.waitForSelector('[data-testid="service-magetan-pengusulan-pbi-d"]');
    expect(await page.$('[data-testid="service-magetan-layanan-draf-uji"]')).toBeNull();
    await page.click('[data-testid="service-magetan-pengusulan-pbi-d"]');
    await page.waitForSelector('[role="listbox"]', { hidden: true });
    // Its SOP has no tracks: no track field.
    await page.waitForSelector('[data-testid="open-case-confirm"]:not([disabled])');
    expect(await page.$('[data-testid="open-case-dialog"] [name="track"]')).toBeNull();
    await page.click('[data-testid="open-case-confirm"]');
    await page.waitForSelector('[data-testid="case-show"], [data-testid="open-case-error"], [data-testid="case-not-found"]', { timeout: 30_000 }).catch(async (err) => {
      await ui.screenshot(page, 'open-case-failed');
      throw err;
    });
    expect(await page.$eval('[data-testid="open-case-error"]', (e) => (e as HTMLElement).innerText).catch(() => 'no error')).toBe('no error');
    const code = await page.$eval('[data-testid="case-code"]', (e) => (e as HTMLElement).innerText);
    expect(code).toMatch(/^MAG-\d{4}-\d{6}$/);
    await page.waitForSelector('[data-testid="sop-flow"] [data-state="current"]');
    await ui.screenshot(page, 'case-opened');
    const listed = await api('magetan.desa1', `/cases${q({ filter: { code } })}`);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].applicantLabel).toBe('Sri Wahyuni Uji Panel');
    await page.close();
  });
});

describe('a case worker processes a case', () => {
  test('an action with confirmation moves the case and shows in its history', async () => {
    const user = 'magetan.petugas';
    const queue = (await api(user, `/cases${q({ range: [0, 49], filter: { queue: 'mine' } })}`)).body as any[];
    let target: { id: string; action: any; version: number; activity: number } | null = null;
    for (const c of queue) {
      const view = (await api(user, `/cases/${c.id}/actions`)).body.data;
      const action = view.actions.find((a: any) => ['complete', 'decide-yes'].includes(a.action) && !a.disabledReason && !a.fields.some((f: any) => f.required));
      if (action) {
        target = { id: c.id, action, version: view.case.version, activity: view.case.currentActivity?.number };
        break;
      }
    }
    expect(target).not.toBeNull();
    const page = await ui.newPage();
    await ui.login(page, user);
    await ui.go(page, `/cases/${target!.id}/show`);
    await page.waitForSelector(`[data-testid="flow-activity-${target!.activity}"][data-state="current"]`);
    await page.click(`[data-testid="action-${target!.action.action}"]`);
    await page.waitForSelector('[data-testid="action-dialog"]');
    // The confirmation names the action; "Tidak" leaves the case as it was.
    expect(await page.$eval('[data-testid="action-dialog"]', (e) => (e as HTMLElement).innerText)).toContain(target!.action.label);
    await page.click('[data-testid="action-cancel"]');
    await page.waitForSelector('[data-testid="action-dialog"]', { hidden: true });
    expect((await api(user, `/cases/${target!.id}/actions`)).body.data.case.version).toBe(target!.version);

    await page.click(`[data-testid="action-${target!.action.action}"]`);
    await page.type('[data-testid="action-dialog"] textarea[name="note"]', 'Diperiksa melalui panel');
    await ui.screenshot(page, 'action-confirm');
    await page.click('[data-testid="action-confirm"]');
    await waitForText(page, 'Tindakan tercatat');
    const after = (await api(user, `/cases/${target!.id}/actions`)).body.data.case;
    expect(after.version).toBe(target!.version + 1);
    await waitForText(page, 'Diperiksa melalui panel');
    await page.waitForSelector(`[data-testid="flow-activity-${target!.activity}"][data-state="visited"]`);
    await ui.screenshot(page, 'action-done');
    await page.close();
  });
});

describe('the letter', () => {
  test('is drafted through its action and printed as a PDF fetched with the token', async () => {
    const user = 'magetan.petugas';
    const enabled = (view: any) => view.actions.find((a: any) => ['complete', 'decide-yes'].includes(a.action) && !a.disabledReason && !a.fields.some((f: any) => f.required));
    // Walk a queued case (through the API) up to the step that drafts the letter.
    const queue = (await api(user, `/cases${q({ range: [0, 49], filter: { queue: 'mine' } })}`)).body as any[];
    let target: any = null;
    for (const c of queue) {
      for (let step = 0; step < 5 && !target; step += 1) {
        const view = (await api(user, `/cases/${c.id}/actions`)).body.data;
        const action = enabled(view);
        if (!action) break;
        if (action.label === 'Buat surat') target = { id: c.id };
        else if ((await api(user, `/cases/${c.id}/actions/${action.action}`, { method: 'POST', json: { version: view.case.version } })).status !== 200) break;
      }
      if (target) break;
    }
    expect(target).not.toBeNull();

    const page = await ui.newPage();
    await ui.login(page, user);
    await ui.go(page, `/cases/${target.id}/show`);
    await (await page.waitForSelector('[data-testid="action-complete"]'))!.click();
    // The card may already list letters of the case's batches (other suites on this database
    // write some): wait for the drafted one, listed first (newest), and click it as it is then.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 30_000 });
    const before = await page.$$eval('[data-testid="print-letter"]', (els) => els.length);
    await (await page.waitForSelector('[data-testid="action-confirm"]'))!.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="print-letter"]').length > n, { timeout: 30_000 }, before);
    const pdf = page.waitForResponse((r) => /\/api\/documents\/letters\/[^/]+\/pdf$/.test(r.url()), { timeout: 60_000 });
    const tab = ui.browser.waitForTarget((t) => t.url().startsWith('blob:'), { timeout: 60_000 });
    await page.$eval('[data-testid="print-letter"]', (el) => (el as HTMLElement).click());
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.request().headers()['authorization']).toMatch(/^Bearer /);
    await tab;
    await ui.screenshot(page, 'letter-printed');
    await page.close();
  });
});

describe('requirement files', () => {
  test('a file uploaded to a requirement opens through the private files route', async () => {
    const user = 'magetan.petugas';
    const queue = (await api(user, `/cases${q({ range: [0, 49], filter: { queue: 'mine' } })}`)).body as any[];
    let target: any = null;
    for (const c of queue) {
      const view = (await api(user, `/cases/${c.id}/actions`)).body.data;
      if (view.actions.some((a: any) => a.action === 'attach') && view.case.checklist.length) {
        target = { id: c.id, key: view.case.checklist[0].key };
        break;
      }
    }
    expect(target).not.toBeNull();
    const file = path.join(os.tmpdir(), `surat-pengantar-${process.pid}.pdf`);
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

    const page = await ui.newPage();
    await ui.login(page, user);
    await ui.go(page, `/cases/${target.id}/show`);
    await (await page.waitForSelector('[data-testid="action-attach"]'))!.click();
    await page.click('[data-testid="action-dialog"] [role="combobox"]');
    await page.click(`[data-testid="key-${target.key}"]`);
    await page.waitForSelector('[role="listbox"]', { hidden: true });
    const input = (await page.$('[data-testid="action-file"]')) as import('puppeteer').ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await page.click('[data-testid="action-confirm"]');
    const link = await page.waitForSelector(`[data-testid="checklist-${target.key}"] button`, { timeout: 30_000 });
    expect(await link!.evaluate((e) => (e as HTMLElement).innerText)).toContain(path.basename(file));
    // Opened with the token from the case files route, never from /uploads.
    const served = page.waitForResponse((r) => /\/api\/panel\/cases\/[^/]+\/files\/\d+$/.test(r.url()));
    const tab = ui.browser.waitForTarget((t) => t.url().startsWith('blob:'));
    await link!.click();
    const response = await served;
    expect(response.status()).toBe(200);
    expect(response.request().headers()['authorization']).toMatch(/^Bearer /);
    await tab;
    const html = await page.content();
    expect(html).not.toContain('/uploads/');
    await ui.screenshot(page, 'requirement-file');
    await page.close();
    fs.rmSync(file, { force: true });
  });
});

describe('reassigning a case', () => {
  test('the colleague is picked from the accounts with the activity’s role, not typed as an id', async () => {
    const user = 'magetan.petugas';
    const queue = (await api(user, `/cases${q({ range: [0, 49], filter: { queue: 'mine' } })}`)).body as any[];
    const target = await firstCaseWhere(user, [...queue].reverse(), (view) => view.actions.some((a: any) => a.action === 'reassign') && view.assignees.some((a: any) => a.username === user));
    const page = await ui.newPage();
    await ui.login(page, user);
    await ui.go(page, `/cases/${target!.id}/show`);
    await page.waitForSelector('[data-testid="action-reassign"]');
    await page.click('[data-testid="action-reassign"]');
    await page.waitForSelector('[data-testid="assignee-select"] [role="combobox"]');
    await page.click('[data-testid="assignee-select"] [role="combobox"]');
    await page.waitForSelector(`[data-testid="assignee-${user}"]`);
    expect(await page.$eval(`[data-testid="assignee-${user}"]`, (e) => (e as HTMLElement).innerText)).toContain('Petugas Linjamsos');
    await page.click(`[data-testid="assignee-${user}"]`);
    await page.waitForSelector('[role="listbox"]', { hidden: true });
    await page.click('[data-testid="action-confirm"]');
    await waitForText(page, 'Tindakan tercatat');
    const after = (await api(user, `/cases/${target!.id}/actions`)).body.data;
    expect(after.case.version).toBe(target!.version + 1);
    expect(after.case.assignee?.username).toBe(user);
    await page.close();
  });
});

describe('server validation errors show at their fields', () => {
  let page: Page;
  const toast = () => page.$$eval('.MuiSnackbar-root', (els) => els.map((e) => (e as HTMLElement).innerText).join(' '));
  beforeAll(async () => {
    page = await ui.newPage();
    await ui.login(page, 'magetan.desa1');
  });
  afterAll(() => page?.close());

  test('create: a bad phone number under the phone field, what was typed kept', async () => {
    const me = (await api('magetan.desa1', '/me')).body;
    await ui.go(page, '/applicants/create');
    await page.waitForSelector('input[name="nik"]');
    await page.type('input[name="nik"]', makeNik(me.region.code.slice(0, 8), '1990-05-05', 'male', 4455));
    await page.waitForSelector('[data-testid="nik-reading"]');
    await page.type('input[name="name"]', 'Budi Uji Telepon');
    await page.type('input[name="phone"]', 'abc');
    await clickByText(page, 'SIMPAN');
    await page.waitForFunction(() => !!document.querySelector('.MuiFormHelperText-root.Mui-error'));
    expect(await fieldError(page, 'phone')).toBe('formatnya tidak valid');
    expect(await page.$eval('input[name="phone"]', (e) => (e as HTMLInputElement).value)).toBe('abc');
    expect(await page.$eval('input[name="name"]', (e) => (e as HTMLInputElement).value)).toBe('Budi Uji Telepon');
    expect(await toast()).not.toContain('phone:');
    await ui.screenshot(page, 'create-phone-error');
  });

  test('create: a NIK already registered (409) under the NIK field', async () => {
    const me = (await api('magetan.desa1', '/me')).body;
    const nik = makeNik(me.region.code.slice(0, 8), '1968-11-02', 'female', 3131);
    const first = await api('magetan.desa1', '/applicants', { method: 'POST', json: { name: 'Nama Asli Uji', nik, sex: 'female', birthDate: '1968-11-02', villageCode: me.region.code } });
    expect(first.status).toBe(201);
    const existing = first.body;
    // (The page is still on the last test's form: a new one, empty.)
    await ui.go(page, '/applicants');
    await page.waitForSelector('#main-content table');
    await ui.go(page, '/applicants/create');
    await page.waitForSelector('input[name="nik"]');
    await page.type('input[name="nik"]', existing.nik);
    await page.waitForSelector('[data-testid="nik-duplicate"]');
    await page.type('input[name="name"]', 'Nama Kembar Uji');
    await clickByText(page, 'SIMPAN');
    await page.waitForFunction(() => !!document.querySelector('.MuiFormHelperText-root.Mui-error'));
    expect(await fieldError(page, 'nik')).toContain('NIK ini sudah terdaftar');
    expect(await page.$eval('input[name="nik"]', (e) => (e as HTMLInputElement).value)).toBe(existing.nik);
    expect(await page.$eval('input[name="name"]', (e) => (e as HTMLInputElement).value)).toBe('Nama Kembar Uji');
  });

  test('edit: a bad phone number under the phone field', async () => {
    const [existing] = (await api('magetan.desa1', `/applicants${q({ range: [0, 0], sort: ['name', 'ASC'] })}`)).body;
    await ui.go(page, `/applicants/${existing.id}`);
    await page.waitForSelector('input[name="phone"]');
    await page.click('input[name="phone"]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('input[name="phone"]', 'abc');
    await clickByText(page, 'SIMPAN');
    await page.waitForFunction(() => !!document.querySelector('.MuiFormHelperText-root.Mui-error'));
    expect(await fieldError(page, 'phone')).toBe('formatnya tidak valid');
    expect(await page.$eval('input[name="phone"]', (e) => (e as HTMLInputElement).value)).toBe('abc');
    expect(await toast()).not.toContain('phone:');
    expect((await api('magetan.desa1', `/applicants/${existing.id}`)).body.phone).toBe(existing.phone);
  });
});

describe('opening a case of a service with tracks (Karangasem)', () => {
  test('the track is picked from the SOP’s tracks by label, its key is sent and its priority set', async () => {
    const me = (await api('karangasem.desa1', '/me')).body;
    const created = await api('karangasem.desa1', '/applicants', {
      method: 'POST',
      json: { name: 'Ketut Uji Jalur', nik: makeNik(me.region.code.slice(0, 8), '1975-06-15', 'male', 5151), sex: 'male', birthDate: '1975-06-15', villageCode: me.region.code },
    });
    expect(created.status).toBe(201);
    const page = await ui.newPage();
    await ui.login(page, 'karangasem.petugas');
    await ui.go(page, `/applicants/${created.body.id}/show`);
    await (await page.waitForSelector('[data-testid="open-case"]'))!.click();
    await (await page.waitForSelector('[data-testid="open-case-dialog"] [role="combobox"]'))!.click();
    await (await page.waitForSelector('[data-testid="service-karangasem-akses-layanan-kesehatan"]'))!.click();
    await page.waitForSelector('[role="listbox"]', { hidden: true });
    // The help names no made-up keys; the field lists the SOP's tracks by their labels.
    const dialog = () => page.$eval('[data-testid="open-case-dialog"]', (e) => (e as HTMLElement).innerText);
    await page.waitForSelector('[data-testid="open-case-dialog"] [name="track"]');
    expect(await dialog()).not.toContain('mis. darurat, reguler');
    expect(await page.$('[data-testid="open-case-confirm"]:not([disabled])')).toBeNull();
    await page.click('[data-testid="open-case-track"] [role="combobox"]');
    await page.waitForSelector('[data-testid="track-emergency"]');
    const options = await page.$$eval('[role="listbox"] [role="option"]', (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
    expect(options).toHaveLength(4);
    expect(options[0]).toMatch(/^Emergency \(penanganan segera/);
    await page.click('[data-testid="track-emergency"]');
    await page.waitForSelector('[role="listbox"]', { hidden: true });
    expect(await page.$eval('[data-testid="open-case-priority"] [role="combobox"]', (e) => (e as HTMLElement).innerText)).toBe('Darurat');
    await ui.screenshot(page, 'open-case-track');
    await page.click('[data-testid="open-case-confirm"]');
    await page.waitForSelector('[data-testid="case-show"], [data-testid="open-case-error"]', { timeout: 30_000 });
    expect(await page.$eval('[data-testid="open-case-error"]', (e) => (e as HTMLElement).innerText).catch(() => 'no error')).toBe('no error');
    const code = await page.$eval('[data-testid="case-code"]', (e) => (e as HTMLElement).innerText);
    const [opened] = (await api('karangasem.petugas', `/cases${q({ filter: { code } })}`)).body;
    expect(opened).toMatchObject({ track: 'emergency', priority: 'emergency' });
    await page.close();
  });
});

describe('the BPJS result of a case', () => {
  test('the liaison records an acceptance from the case page', async () => {
    const user = 'magetan.bpjs';
    const cases = (await api(user, `/cases${q({ range: [0, 49] })}`)).body as any[];
    const target = await firstCaseWhere(user, cases, (view) => view.actions.some((a: any) => a.action === 'complete' && !a.disabledReason && a.fields.some((f: any) => f.name === 'result')));
    const page = await ui.newPage();
    await ui.login(page, user);
    await ui.go(page, `/cases/${target!.id}/show`);
    await (await page.waitForSelector('[data-testid="action-complete"]'))!.click();
    await (await page.waitForSelector('[data-testid="action-dialog"] [role="combobox"]'))!.click();
    await page.waitForSelector('[data-testid="result-accepted"]');
    const options = await page.$$eval('[role="listbox"] [role="option"]', (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
    expect(options).toEqual(['Diterima', 'Ditolak', 'Sudah terdaftar']);
    await page.click('[data-testid="result-accepted"]');
    await page.waitForSelector('[role="listbox"]', { hidden: true });
    await page.click('[data-testid="action-confirm"]');
    await waitForText(page, 'Tindakan tercatat');
    const after = (await api(user, `/cases/${target!.id}`)).body;
    expect(after.version).toBe(target!.version + 1);
    expect(after.bpjsResult).toBe('accepted');
    await page.close();
  });
});
