/**
 * The page pool on its own: what a rendered page may load (nothing but inline data), the restart
 * after Chromium dies, where Chromium is looked for, and the rich-text sanitizer.
 */
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { ChromiumNotFoundError, findChromium } from '../../cms/src/modules/documents/chromium-path';
import { documentShell } from '../../cms/src/modules/documents/document-page';
import { html, raw } from '../../cms/src/modules/documents/html';
import { PagePool } from '../../cms/src/modules/documents/page-pool';
import { plainText, rich } from '../../cms/src/modules/documents/sanitize';
import { pdfPages, pdfText } from './pdf-tools';

const ONE_PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let server: http.Server;
let hits: string[] = [];
let base = '';
const blocked: string[] = [];
let pool: PagePool;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Content-Type', req.url?.endsWith('.css') ? 'text/css' : 'text/html');
    res.end(req.url?.endsWith('.css') ? 'body::after { content: "FROM-NETWORK-CSS"; }' : '<p>FROM-NETWORK-FRAME</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pool = new PagePool({ size: 2, onBlocked: (u) => blocked.push(u) });
});

afterAll(async () => {
  await pool?.close();
  await new Promise((r) => server.close(r));
});

test('a page loads nothing from the network or the disk; inline data still renders', async () => {
  hits = [];
  blocked.length = 0;
  const secret = fs.readFileSync('/etc/hostname', 'utf8').trim() || 'localhost';
  // A hostile template: every way a page could fetch something.
  const page = `<!doctype html><html><head>
<link rel="stylesheet" href="${base}/style.css">
<style>@import url("${base}/import.css"); @font-face { font-family: X; src: url("${base}/font.woff"); }
body { background: url("${base}/bg.png"); } .f { font-family: X; }</style>
<script src="${base}/script.js"></script></head><body>
<p class="f">VISIBLE-TEXT</p>
<img src="${base}/img.png" alt="net"><img src="file:///etc/passwd" alt="file">
<iframe src="${base}/frame.html"></iframe><iframe src="file:///etc/hostname"></iframe>
<object data="${base}/object.pdf"></object><video poster="${base}/poster.png"></video>
<img src="${ONE_PIXEL}" alt="inline" width="20" height="20">
</body></html>`;
  const pdf = await pool.pdf({ html: page });
  const text = pdfText(pdf);
  expect(text).toContain('VISIBLE-TEXT');
  expect(hits).toEqual([]);
  expect(text).not.toContain('FROM-NETWORK');
  expect(text).not.toContain('root:x:0:0');
  if (secret.length > 3) expect(text).not.toContain(secret);
  expect(blocked.some((u) => u.startsWith(`${base}/style.css`))).toBe(true);
  expect(blocked.some((u) => u.startsWith(`${base}/img.png`))).toBe(true);
  expect(blocked.some((u) => u.startsWith(`${base}/frame.html`))).toBe(true);
  // file: URLs never reach the network layer from our about:blank pages (Chromium refuses them
  // first); what matters is that their content is not in the document, checked above.
  expect(blocked.some((u) => u.startsWith('data:'))).toBe(false);
});

test('pages are reused, and a dead Chromium is replaced on the next render', async () => {
  const doc = html`<!doctype html><p>${'Halaman uji'}</p>`.value;
  await Promise.all([pool.pdf({ html: doc }), pool.pdf({ html: doc }), pool.pdf({ html: doc })]);
  const launches = pool.launches;
  const pid = await pool.browserProcessId();
  expect(pid).toBeGreaterThan(0);
  process.kill(pid!, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  const pdf = await pool.pdf({ html: doc });
  expect(pdfText(pdf)).toContain('Halaman uji');
  expect(pdfPages(pdf)).toBe(1);
  expect(pool.launches).toBe(launches + 1);
  expect(await pool.browserProcessId()).not.toBe(pid);
});

test('page numbers in Indonesian at the foot of each page (CSS page-margin boxes)', async () => {
  const doc = documentShell({ title: 'Uji', css: '', body: html`<div style="height:400mm">Panjang</div>`, footerLabel: 'Dokumen uji' });
  const pdf = await pool.pdf({ html: doc });
  expect(pdfPages(pdf)).toBe(2);
  const text = pdfText(pdf);
  expect(text).toContain('Halaman 1 dari 2');
  expect(text).toContain('Halaman 2 dari 2');
  expect(text).toContain('Dokumen uji');
});

test('Chromium is found from the environment first, then the usual Debian paths, else a clear message', () => {
  const has = (paths: string[]) => (p: string) => paths.includes(p);
  expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: '/opt/c' }, has(['/opt/c', '/usr/bin/chromium']))).toBe('/opt/c');
  expect(findChromium({ CHROME_PATH: '/opt/chrome' }, has(['/opt/chrome', '/usr/bin/chromium']))).toBe('/opt/chrome');
  expect(findChromium({}, has(['/usr/bin/chromium-browser', '/usr/bin/google-chrome']))).toBe('/usr/bin/chromium-browser');
  expect(() => findChromium({}, () => false)).toThrow(ChromiumNotFoundError);
  try {
    findChromium({}, () => false);
  } catch (err: any) {
    expect(err.message).toContain('apt-get install -y chromium');
    expect(err.message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(err.message).toContain('Chromium tidak ditemukan');
  }
});

test('rich text keeps simple markup and drops everything that could load or run', () => {
  const dirty = 'Mesin <i>Photocopy</i> <script>alert(1)</script><img src="http://x/y.png" onerror="alert(2)"><a href="http://evil">tautan</a><style>body{}</style><b style="color:red">tebal</b>';
  expect(rich(dirty).value).toBe('Mesin <i>Photocopy</i> tautan<b>tebal</b>');
  expect(plainText('A &amp; B <b>tebal</b>')).toBe('A & B tebal');
  // Escaping in the template layer: values never become markup.
  expect(html`<p>${'<img src=x>'}</p>${raw('<br>')}`.value).toBe('<p>&lt;img src=x&gt;</p><br>');
});
