/**
 * Browser test harness of the staff panel: the real server (startServer) on a fresh copy of the
 * seeded database, the built panel under /panel (global setup builds it when stale), and a
 * headless system Chromium driven by Puppeteer.
 *
 *   const ui = await openPanel();            // in beforeAll
 *   const page = await ui.newPage();
 *   await ui.login(page, 'magetan.petugas');
 *   await ui.go(page, '/cases');             // react-admin route (hash router)
 *   await ui.screenshot(page, 'cases-list');  // tests/panel/artifacts/<suite>-cases-list.png
 *   await ui.close();                        // in afterAll
 */
import fs from 'fs';
import path from 'path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { findChromium } from '../../cms/src/modules/documents/chromium-path';
import { startServer, type TestServer } from '../helpers/strapi';

export const DEMO_PASSWORD = 'Demo-PBI-2026!';
export const ARTIFACTS = path.join(__dirname, 'artifacts');

export interface PanelHarness {
  server: TestServer;
  browser: Browser;
  /** A new page in a fresh browser context (no session), desktop viewport; console errors and failed API calls are collected. */
  newPage(options?: { locale?: 'id' | 'en' }): Promise<Page>;
  /** Logs in through the login form and waits until the layout is shown. */
  login(page: Page, username: string, password?: string): Promise<void>;
  /** A session token for API calls beside the UI (fixtures, checks). */
  token(username: string, password?: string): Promise<string>;
  /** Navigates to a react-admin route, e.g. "/cases" or "/cases/<id>/show". */
  go(page: Page, route: string): Promise<void>;
  /** Saves a full-page PNG under tests/panel/artifacts (kept by CI). Returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Errors the pages logged (uncaught exceptions, console.error). */
  errors: string[];
  close(): Promise<void>;
}

export async function openPanel(options: { server?: TestServer } = {}): Promise<PanelHarness> {
  const server = options.server ?? (await startServer());
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=id-ID'],
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const suite = path.basename(expect.getState().testPath ?? 'panel', '.test.ts');
  const errors: string[] = [];

  const harness: PanelHarness = {
    server,
    browser,
    errors,
    async newPage({ locale } = {}) {
      // Each page in its own context: its own localStorage (session, locale), like another browser.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.once('close', () => void context.close().catch(() => undefined));
      await page.setViewport({ width: 1366, height: 900 });
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (err) => errors.push(`pageerror: ${(err as Error).message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      if (locale) {
        // react-admin's store keeps the locale in localStorage under "RaStore.locale".
        await page.evaluateOnNewDocument((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
      }
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      try {
        await page.goto(`${server.url}/panel/#/login`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('input[name="username"]');
        await page.type('input[name="username"]', username);
        await page.type('input[name="password"]', password);
        await Promise.all([page.waitForSelector('[data-testid="panel-user"]', { timeout: 30_000 }), page.click('button[type="submit"]')]);
      } catch (err) {
        // Say what the page showed and logged: a bare timeout tells nothing.
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 500)).catch(() => '');
        await harness.screenshot(page, `login-failed-${username}`).catch(() => undefined);
        throw new Error(`login ${username} failed: ${(err as Error).message}\npage: ${shown}\nerrors: ${errors.join('\n')}`);
      }
    },
    async token(username, password = DEMO_PASSWORD) {
      const res = await server.http('/api/panel/login', { method: 'POST', json: { identifier: username, password } });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { jwt: string }).jwt;
    },
    async go(page, route) {
      await page.goto(`${server.url}/panel/#${route.startsWith('/') ? route : `/${route}`}`, { waitUntil: 'domcontentloaded' });
    },
    async screenshot(page, name) {
      const file = path.join(ARTIFACTS, `${suite}-${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (!options.server) await server.stop();
    },
  };
  return harness;
}

/** Text of the page's main content area (what the user reads), whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return page.$eval('#main-content', (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()).catch(() => '');
}

/** Waits until the page shows the text somewhere (case-sensitive). */
export async function waitForText(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
}

/** Clicks the first button (or link, tab, menu item) whose visible text is `label`. */
export async function clickByText(page: Page, label: string, selector = 'button, a, [role="tab"], [role="menuitem"], [role="option"]'): Promise<void> {
  await page.waitForFunction((l, s) => [...document.querySelectorAll(s)].some((e) => (e as HTMLElement).innerText.trim() === l && !(e as HTMLButtonElement).disabled), {}, label, selector);
  const handle = await page.evaluateHandle((l, s) => [...document.querySelectorAll(s)].find((e) => (e as HTMLElement).innerText.trim() === l && !(e as HTMLButtonElement).disabled), label, selector);
  const element = handle.asElement() as any;
  // Menus and dialogs grow in: a click while the element still moves can land beside it.
  let last = '';
  for (let i = 0; i < 40; i += 1) {
    const box = JSON.stringify(await element.boundingBox());
    if (box === last) break;
    last = box;
    await new Promise((r) => setTimeout(r, 50));
  }
  await element.click();
}
