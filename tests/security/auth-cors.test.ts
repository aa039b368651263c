import { allowedOrigins } from '../../cms/src/modules/security/origins';
import { startServer, type TestServer } from '../helpers/strapi';
import { cmsLogin, staffLogin } from './keys';

const { checkOrigins } = require('../../scripts/env');

/**
 * CORS: only the system's own origin (PUBLIC_URL) and the listed CORS_ORIGINS get CORS headers;
 * a page on any other origin — even of the same site — can't read what the server answers with
 * the visitor's cookie (the CMS's refresh cookie mints a super-admin token at /admin/access-token).
 */
const OWN = 'https://layanan.example.go.id';
const EXTRA = 'https://kantor.example.go.id';
const FOREIGN = 'https://blog.example.go.id';

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, CORS_ORIGINS: process.env.CORS_ORIGINS };
let server: TestServer;
beforeAll(async () => {
  process.env.PUBLIC_URL = `${OWN}/`;
  process.env.CORS_ORIGINS = EXTRA;
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const corsOf = (res: Response) => ({ origin: res.headers.get('access-control-allow-origin'), credentials: res.headers.get('access-control-allow-credentials') });

test("a foreign page can't read a super-admin token minted from the CMS's refresh cookie", async () => {
  // (Each mint rotates the refresh cookie: a fresh login for each.)
  const mint = async (origin: string) => {
    const { cookie } = await cmsLogin(server, 'admin@demo.layanan-pbi.id');
    expect(cookie).toMatch(/strapi_admin_refresh=/);
    return server.http('/admin/access-token', { method: 'POST', headers: { Origin: origin, Cookie: cookie } });
  };
  const foreign = await mint(FOREIGN);
  expect(corsOf(foreign)).toEqual({ origin: null, credentials: null });
  const preflight = await server.http('/admin/access-token', { method: 'OPTIONS', headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'POST' } });
  expect(corsOf(preflight)).toEqual({ origin: null, credentials: null });
  // The CMS itself (same origin) and the listed origin still work.
  const own = await mint(OWN);
  expect(own.status).toBe(200);
  expect(corsOf(own)).toEqual({ origin: OWN, credentials: 'true' });
  expect(corsOf(await mint(EXTRA))).toEqual({ origin: EXTRA, credentials: 'true' });
});

test("the CMS's refresh cookie is SameSite=Strict: no request another site starts carries it", async () => {
  const { cookie } = await cmsLogin(server, 'admin@demo.layanan-pbi.id');
  expect(cookie).toMatch(/strapi_admin_refresh=[^;]+;.*samesite=strict/i);
});

test('the staff API answers a foreign origin without CORS headers, its own with them', async () => {
  const token = await staffLogin(server, 'magetan.petugas');
  const foreign = await server.http('/api/panel/me', { token, headers: { Origin: FOREIGN } });
  expect(corsOf(foreign)).toEqual({ origin: null, credentials: null });
  const preflight = await server.http('/api/panel/cases', {
    method: 'OPTIONS',
    headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  expect(corsOf(preflight)).toEqual({ origin: null, credentials: null });
  const own = await server.http('/api/panel/me', { token, headers: { Origin: OWN } });
  expect(corsOf(own)).toEqual({ origin: OWN, credentials: 'true' });
  expect(own.headers.get('access-control-expose-headers')).toContain('Content-Range');
});

test('the settings: PUBLIC_URL gives its origin, CORS_ORIGINS lists origins, never a wildcard or a path', () => {
  expect(allowedOrigins('https://layanan.example.go.id/sub/', ' https://a.example.id , http://b.example.id:8080 ')).toEqual([
    'https://layanan.example.go.id',
    'https://a.example.id',
    'http://b.example.id:8080',
  ]);
  expect(allowedOrigins('', '')).toEqual([]);
  for (const bad of ['*', 'https://*.example.id', 'a.example.id', 'https://a.example.id/path', 'ftp://a.example.id']) {
    expect(() => allowedOrigins('', bad)).toThrow(/CORS_ORIGINS/);
    expect(() => checkOrigins('', bad)).toThrow(/CORS_ORIGINS/);
  }
  expect(() => allowedOrigins('layanan.example.go.id', '')).toThrow(/PUBLIC_URL/);
  expect(() => checkOrigins('layanan.example.go.id', '')).toThrow(/PUBLIC_URL/);
  expect(() => checkOrigins('https://layanan.example.go.id/', 'https://a.example.id,http://b.example.id:8080')).not.toThrow();
});
