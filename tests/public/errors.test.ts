/**
 * The public site's error answers and client addresses: every error on a public path is the
 * site's Indonesian page with the right status (the staff API and the CMS keep their JSON), and
 * behind a trusted proxy (TRUST_PROXY) each visitor has a rate limit of their own.
 */
import http from 'http';
import { startServer, type TestServer } from '../helpers/strapi';

let server: TestServer;
beforeAll(async () => {
  // One reverse proxy in front: the client address is the last X-Forwarded-For entry.
  process.env.TRUST_PROXY = '1';
  server = await startServer();
});
afterAll(async () => {
  delete process.env.TRUST_PROXY;
  await server?.stop();
});
beforeEach(() => server.strapi.service('api::public-site.limits').reset());

const expectSitePage = async (res: Response, status: number, title: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('text/html');
  const body = await res.text();
  expect(body).toContain('<html lang="id">');
  expect(body).toContain(`<h1>${title}</h1>`);
  return body;
};

test.each(['/survei', '/pengaduan/xyz', '/layanan/magetan-reaktivasi-kartu-jkn-kis/sop', '/beranda', '/layanan/a/b/c'])('unknown public path %s answers the Indonesian 404 page', async (path) => {
  await expectSitePage(await server.http(path), 404, 'Halaman tidak ditemukan');
});

test('a wrong method on a public page answers 405 in Indonesian, with Allow', async () => {
  for (const [method, path] of [
    ['PUT', '/pengaduan'],
    ['DELETE', '/layanan'],
    ['POST', '/ikm'],
    ['PATCH', '/survei/magetan-pengusulan-pbi-d'],
  ]) {
    const res = await server.http(path, { method });
    await expectSitePage(res, 405, 'Permintaan tidak didukung');
    expect(res.headers.get('allow')).toContain('GET');
  }
});

test("malformed JSON posted to /pengaduan answers 400 in Indonesian, without the parser's message", async () => {
  const res = await server.http('/pengaduan', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kantor": "magetan", isi' });
  const body = await expectSitePage(res, 400, 'Permintaan tidak dapat diproses');
  expect(body).not.toMatch(/SyntaxError|JSON/);
});

test("an address over Node's header limit (a 20,000-character query) answers 431 with the Indonesian page", async () => {
  // Node's HTTP parser refuses it before the app: raw HTTP, since fetch may refuse long URLs itself.
  const { status, type, body } = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = http.get(`${server.url}/layanan?q=${'a'.repeat(20_000)}`, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }));
    });
    req.on('error', reject);
  });
  expect(status).toBe(431);
  expect(type).toContain('text/html');
  expect(body).toContain('<h1>Alamat terlalu panjang</h1>');
});

test("the staff API, Strapi's API and the CMS keep their own JSON errors", async () => {
  const api = await server.http('/api/tidak-ada');
  expect(api.status).toBe(404);
  expect(api.headers.get('content-type')).toContain('application/json');
  const panel = await server.http('/api/panel/complaints');
  expect(panel.status).toBe(401);
  expect(panel.headers.get('content-type')).toContain('application/json');
  const cms = await server.http('/content-manager/collection-types/api::complaint.complaint');
  expect(cms.status).toBe(401);
  expect(cms.headers.get('content-type')).toContain('application/json');
  expect((await server.http('/uploads/tidak-ada.png')).headers.get('content-type') ?? '').not.toContain('text/html');
});

test('behind a trusted proxy each visitor has their own form quota; a forged X-Forwarded-For entry gains nothing', async () => {
  const post = (forwardedFor: string, isi: string) =>
    server.http('/pengaduan', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': forwardedFor },
      body: new URLSearchParams({ kantor: 'magetan', isi }).toString(),
    });
  for (let i = 0; i < 5; i += 1) expect((await post('203.0.113.10', `Pengaduan pengunjung pertama ${i}.`)).status).toBe(201);
  expect((await post('203.0.113.10', 'Pengaduan pengunjung pertama lagi.')).status).toBe(429);
  // Another visitor behind the same proxy is not limited by the first one.
  expect((await post('203.0.113.20', 'Pengaduan pengunjung kedua.')).status).toBe(201);
  // The first visitor cannot pose as someone else: the proxy appends the address it saw.
  expect((await post('198.51.100.7, 203.0.113.10', 'Pengaduan dengan alamat palsu.')).status).toBe(429);
});
