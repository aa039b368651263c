import { startServer, type TestServer } from '../helpers/strapi';
import { bodyOf, DEMO_PASSWORD, staffLogin, usersPermissionsToken } from './keys';

/**
 * Staff have exactly one login door, POST /api/panel/login with its lockout: users-permissions'
 * own doors (login, registration, password reset) are closed, and the staff API accepts no
 * token but the ones its login issues.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const post = (path: string, json: unknown) => server.http(path, { method: 'POST', json });
const users = () => server.strapi.db.query('plugin::users-permissions.user');

test('a users-permissions JWT (what /api/auth/local issued) opens nothing on the staff API', async () => {
  const token = await usersPermissionsToken(server, 'magetan.petugas');
  const standard = await server.strapi.db.query('api::service-standard.service-standard').findOne({ where: { officeCode: 'magetan' } });
  for (const path of ['/api/panel/me', '/api/panel/cases', `/api/documents/standards/${standard.slug}/pdf`]) {
    const res = await server.http(path, { token });
    expect({ path, status: res.status }).toEqual({ path, status: 401 });
    expect(hasData(await bodyOf(res))).toBe(false);
  }
  // The staff login's own token opens them.
  const real = await staffLogin(server, 'magetan.petugas');
  expect((await server.http('/api/panel/me', { token: real })).status).toBe(200);
});

test('a locked account gets no token at any door, and wrong passwords have no other door to be tried at', async () => {
  for (let i = 0; i < 5; i += 1) expect((await post('/api/panel/login', { identifier: 'magetan.jf', password: `salah-${i}-sandi` })).status).toBe(401);
  expect((await post('/api/panel/login', { identifier: 'magetan.jf', password: DEMO_PASSWORD })).status).toBe(429);
  for (const body of [
    { identifier: 'magetan.jf', password: DEMO_PASSWORD },
    { identifier: 'magetan.kabid', password: 'salah-sandi-9' },
  ]) {
    const res = await post('/api/auth/local', body);
    expect([404, 405]).toContain(res.status);
    expect(hasData(await bodyOf(res))).toBe(false);
  }
});

test('nobody can register an account, nor take a username from the staff', async () => {
  const res = await post('/api/auth/local/register', { username: 'magetan.baru', email: 'baru@contoh.id', password: 'Sawah-Hijau-2026' });
  expect([404, 405]).toContain(res.status);
  expect(hasData(await bodyOf(res))).toBe(false);
  expect(await users().count({ where: { username: 'magetan.baru' } })).toBe(0);
});

test("users-permissions' password reset is closed: a real and an unknown address get the same answer", async () => {
  const real = await post('/api/auth/forgot-password', { email: 'magetan.petugas@demo.layanan-pbi.id' });
  const unknown = await post('/api/auth/forgot-password', { email: 'tidak.ada@contoh.id' });
  expect([404, 405]).toContain(real.status);
  expect({ status: unknown.status, body: await bodyOf(unknown) }).toEqual({ status: real.status, body: await bodyOf(real) });
  const reset = await post('/api/auth/reset-password', { code: 'x', password: 'Sawah-Hijau-2026', passwordConfirmation: 'Sawah-Hijau-2026' });
  expect([404, 405]).toContain(reset.status);
  const row = await users().findOne({ where: { email: 'magetan.petugas@demo.layanan-pbi.id' } });
  expect(row.resetPasswordToken ?? null).toBeNull();
});

test("the CMS's own password reset tells nothing about which addresses exist and never fails with 5xx", async () => {
  const real = await post('/admin/forgot-password', { email: 'magetan.admin@demo.layanan-pbi.id' });
  const unknown = await post('/admin/forgot-password', { email: 'tidak.ada@contoh.id' });
  expect(real.status).toBe(204);
  expect({ status: unknown.status, body: await unknown.text() }).toEqual({ status: real.status, body: await real.text() });
  const malformed = await post('/admin/forgot-password', { email: 'bukan-email' });
  expect(malformed.status).toBe(400);
  for (const body of [{ resetPasswordToken: 'tebakan', password: 'Sawah-Hijau-2026x' }, {}, { resetPasswordToken: 'tebakan' }]) {
    const res = await post('/admin/reset-password', body);
    expect(res.status).toBe(400);
    expect(hasData(await bodyOf(res))).toBe(false);
  }
});

function hasData(body: any): boolean {
  return !!body && typeof body === 'object' && (body.jwt != null || body.data != null || body.user != null);
}
