/**
 * The panel shell in a real browser: login per role, the role's menu, the language switch
 * (Indonesian by default, English remembered across reloads).
 */
import { clickByText, openPanel, waitForText, type PanelHarness } from './harness';

let ui: PanelHarness;
beforeAll(async () => {
  ui = await openPanel();
});
afterAll(async () => {
  await ui?.close();
});

const menuIds = (page: import('puppeteer').Page) => page.$$eval('[data-testid^="menu-"]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)).sort());

test('a case worker logs in and sees Indonesian and the case menus only', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.petugas');
  await waitForText(page, 'Antrian saya');
  expect(await menuIds(page)).toEqual(expect.arrayContaining(['queue', 'cases', 'applicants']));
  expect(await menuIds(page)).not.toContain('users');
  // "Antrian saya" opens the queue tab, "Kasus" all cases, whatever was open before.
  for (const [menu, tab] of [
    ['queue', 'mine'],
    ['cases', 'all'],
    ['queue', 'mine'],
  ]) {
    await page.click(`[data-testid="menu-${menu}"]`);
    await page.waitForSelector(`[data-testid="tab-${tab}"][aria-selected="true"]`);
  }
  await ui.screenshot(page, 'petugas-home');
  await page.close();
});

test('an office admin gets the users menu and no case queue', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.admin');
  await page.waitForSelector('[data-testid="menu-users"]');
  expect(await menuIds(page)).not.toContain('queue');
  // Their users list holds their own office's accounts only.
  await page.click('[data-testid="menu-users"]');
  await waitForText(page, 'magetan.bpjs');
  const names = await page.$$eval('#main-content table tbody tr td', (tds) => tds.map((td) => (td as HTMLElement).innerText.trim()).filter((t) => /^[a-z]+\.[a-z0-9]+$/.test(t)));
  expect(names.length).toBeGreaterThan(5);
  expect(names.filter((n) => !n.startsWith('magetan.'))).toEqual([]);
  await ui.screenshot(page, 'admin-users');
  await page.close();
});

test('the language switch turns the panel to English and is remembered', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.petugas');
  await waitForText(page, 'Antrian saya');
  await page.click('[data-testid="locale-switch"] button');
  await clickByText(page, 'English', '[role="menuitem"]');
  await waitForText(page, 'My queue');
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForText(page, 'My queue');
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('Antrian saya');
  await ui.screenshot(page, 'english');
  await page.close();
});

test('an office admin creates a case worker who can then log in', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'magetan.admin');
  await ui.go(page, '/users/create');
  await page.waitForSelector('input[name="username"]');
  await page.type('input[name="username"]', 'magetan.petugas-baru');
  await page.type('input[name="fullName"]', 'Petugas Baru Uji');
  await page.type('input[name="email"]', 'petugas-baru@magetan.example');
  // The first select of the form is the role.
  await (await page.waitForSelector('form [role="combobox"]'))!.click();
  await clickByText(page, 'Petugas Linjamsos', '[role="option"]');
  await page.waitForSelector('[role="listbox"]', { hidden: true });
  await page.type('input[name="password"]', 'Rahasia-Baru-2026');
  await clickByText(page, 'SIMPAN');
  await waitForText(page, 'Data dibuat');
  await ui.go(page, `/users?filter=${encodeURIComponent(JSON.stringify({ q: 'petugas-baru' }))}`);
  await waitForText(page, 'Petugas Baru Uji');
  await ui.screenshot(page, 'admin-user-created');
  await page.close();

  const newcomer = await ui.newPage();
  await ui.login(newcomer, 'magetan.petugas-baru', 'Rahasia-Baru-2026');
  await waitForText(newcomer, 'Antrian saya');
  await newcomer.close();
});

test('a long office name keeps the app bar on one line, the page title shown, at 1366 and 375 px', async () => {
  const page = await ui.newPage();
  await ui.login(page, 'karangasem.petugas');
  await ui.go(page, '/cases');
  await page.waitForSelector('[data-testid="tab-all"]');
  const office = (await (await ui.server.http('/api/panel/me', { token: await ui.token('karangasem.petugas') })).json()).office.name as string;
  expect(office.length).toBeGreaterThan(100);
  const measure = () =>
    page.evaluate(() => {
      const bar = document.querySelector('header.MuiAppBar-root')!.getBoundingClientRect();
      const title = document.getElementById('react-admin-title')!;
      const content = document.querySelector('#main-content')!.firstElementChild!.getBoundingClientRect();
      const badge = document.querySelector('[data-testid="panel-office"]') as HTMLElement | null;
      return {
        barHeight: bar.height,
        barBottom: bar.bottom,
        contentTop: content.top,
        title: title.innerText.trim(),
        titleWidth: title.getBoundingClientRect().width,
        badge: badge && { cut: badge.scrollWidth > badge.clientWidth, tooltip: badge.closest('[title]')?.getAttribute('title') ?? '' },
      };
    });
  const wide = await measure();
  expect(wide.barHeight).toBeLessThanOrEqual(64);
  expect(wide.contentTop).toBeGreaterThanOrEqual(wide.barBottom);
  expect(wide.title).toBe('Kasus');
  expect(wide.titleWidth).toBeGreaterThan(150);
  expect(wide.badge).toEqual({ cut: true, tooltip: expect.stringContaining(office) });
  await ui.screenshot(page, 'long-office-1366');

  await page.setViewport({ width: 375, height: 800 });
  await page.waitForFunction(() => document.querySelector('header.MuiAppBar-root')!.getBoundingClientRect().height <= 64);
  const narrow = await measure();
  expect(narrow.contentTop).toBeGreaterThanOrEqual(narrow.barBottom);
  expect(narrow.title).toBe('Kasus');
  // The title is not cut on a phone either.
  expect(await page.$eval('#react-admin-title', (e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await ui.screenshot(page, 'long-office-375');
  await page.close();
});

test('the panel page runs no inline script: nothing is refused by the CSP (script-src self)', async () => {
  const res = await ui.server.http('/panel/');
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  const html = await res.text();
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);

  const page = await ui.newPage();
  const refused: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text());
  });
  await ui.login(page, 'magetan.petugas');
  // A reload with a session: the early /me request still goes out.
  const me = page.waitForRequest((r) => r.url().endsWith('/api/panel/me'));
  await page.reload({ waitUntil: 'domcontentloaded' });
  await me;
  await waitForText(page, 'Antrian saya');
  expect(refused).toEqual([]);
  await page.close();
});
