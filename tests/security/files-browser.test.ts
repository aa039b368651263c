/**
 * In real headless Chromium: whatever lies in the uploads folder — an HTML page, an SVG or a
 * script put there by hand, or a page disguised as a picture — runs no script on this origin,
 * opened directly, framed, embedded or loaded as a script by a page of the site (whose CSP
 * allows scripts from 'self', /uploads included).
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'puppeteer';
import { startServer, type TestServer } from '../helpers/strapi';
import { launchBrowser } from '../public/browser';
import { codeTreeUploads, samples, uploadsDir } from './files-support';

let server: TestServer;
let browser: Browser;
const MARK = 'ditanam-chromium';
const PLANTED: Record<string, Uint8Array> = {
  [`${MARK}.html`]: samples.html(`${MARK}-html`),
  [`${MARK}-html.js`]: samples.js(`${MARK}-html-js`),
  [`${MARK}.svg`]: samples.svg(`${MARK}-svg`),
  [`${MARK}.js`]: samples.js(`${MARK}-js`),
  [`${MARK}-page.png`]: samples.html(`${MARK}-png`),
  [`${MARK}-image.svg.png`]: samples.svg(`${MARK}-svg-png`),
};
/** Both folders an /uploads URL has ever been served from: the files are put into each. */
let folders: string[] = [];

beforeAll(async () => {
  server = await startServer();
  folders = [uploadsDir(), codeTreeUploads(server)];
  for (const dir of folders) {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(PLANTED)) fs.writeFileSync(path.join(dir, name), bytes);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const dir of folders) for (const name of Object.keys(PLANTED)) fs.rmSync(path.join(dir, name), { force: true });
  await browser?.close();
  await server?.stop();
});

/** A page that records every sign of a planted script running: its console line and its beacon. */
async function watchedPage(): Promise<{ page: Page; ran: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const ran: string[] = [];
  page.on('console', (m) => m.text().startsWith('RAN-') && ran.push(m.text()));
  page.on('request', (r) => r.url().includes('/__ran/') && ran.push(r.url()));
  page.once('close', () => void context.close().catch(() => undefined));
  return { page, ran };
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

test('the detector sees a planted script when it does run (the same page, rendered without the server)', async () => {
  const { page, ran } = await watchedPage();
  await page.setContent(new TextDecoder().decode(PLANTED[`${MARK}.html`]));
  await settle();
  expect(ran).toContain(`RAN-${MARK}-html`);
  await page.close();
});

test.each(Object.keys(PLANTED))('/uploads/%s opened directly runs nothing', async (name) => {
  const { page, ran } = await watchedPage();
  // A download aborts the navigation: that is one of the outcomes wanted here.
  await page.goto(`${server.url}/uploads/${name}`, { waitUntil: 'load' }).catch(() => undefined);
  await settle();
  expect(ran).toEqual([]);
  await page.close();
});

test('a page of the site that frames, embeds or loads them as scripts runs nothing of them', async () => {
  const { page, ran } = await watchedPage();
  await page.goto(`${server.url}/layanan`, { waitUntil: 'load' });
  // Injected by the test (DevTools is not held by the page's CSP); what they load is.
  await page.evaluate((names: string[]) => {
    for (const name of names) {
      const url = `/uploads/${name}`;
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
      const object = document.createElement('object');
      object.data = url;
      document.body.append(object);
      const embed = document.createElement('embed');
      embed.src = url;
      document.body.append(embed);
      const script = document.createElement('script');
      script.src = url;
      document.body.append(script);
    }
  }, Object.keys(PLANTED));
  await settle();
  expect(ran).toEqual([]);
  await page.close();
});
