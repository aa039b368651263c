import { startServer, type TestServer } from '../helpers/strapi';
import { call, DEMO_PASSWORD, login } from './support';

/** Login, /me, logout, the password policy and the lockout after repeated failures. */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const loginAs = (identifier: string, password: string) => call(server, 'POST', '/login', undefined, { identifier, password });

test('login gives a JWT and the user; /me tells role, office, region and what the role may do', async () => {
  const r = await loginAs('magetan.desa1', DEMO_PASSWORD);
  expect(r.status).toBe(200);
  expect(typeof r.body.jwt).toBe('string');
  expect(r.body.user).toMatchObject({
    username: 'magetan.desa1',
    role: { type: 'operator-desa', name: 'Operator Desa/Kelurahan', scope: 'village' },
    office: { code: 'magetan', timeZone: 'Asia/Jakarta' },
  });
  const me = await call(server, 'GET', '/me', r.body.jwt);
  expect(me.status).toBe(200);
  expect(me.body.region).toMatchObject({ level: 'village' });
  expect(me.body.region.code).toMatch(/^35\.20\.\d{2}\.\d{4}$/);
  expect(me.body.access.applicants).toEqual(expect.arrayContaining(['read', 'create', 'update', 'delete']));
  expect(me.body.access.users).toBeUndefined();
  expect(me.body.password).toBeUndefined();
  const byEmail = await loginAs('magetan.kabid@demo.layanan-pbi.id', DEMO_PASSWORD);
  expect(byEmail.status).toBe(200);
  expect(byEmail.body.user.region).toBeNull();
});

test('wrong password and unknown user get the same answer; bad bodies name the field', async () => {
  const wrong = await loginAs('magetan.jf', 'salah-sekali-123');
  const unknown = await loginAs('nobody.here', 'salah-sekali-123');
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  expect(wrong.body.message).toBe(unknown.body.message);
  expect(wrong.body.message).toBe('Nama pengguna atau kata sandi salah');
  for (const [field, body] of [
    ['identifier', { password: 'x' }],
    ['password', { identifier: 'magetan.jf' }],
    ['identifier', { identifier: { $ne: '' }, password: 'x' }],
  ] as const) {
    const r = await call(server, 'POST', '/login', undefined, body);
    expect({ status: r.status, field: r.body.error.details.field }).toEqual({ status: 400, field });
  }
});

test('five failures in a row lock the account for a while, even for the right password', async () => {
  // A success in between starts the count again.
  for (let i = 0; i < 4; i += 1) expect((await loginAs('magetan.kecamatan2', `salah-${i}-password`)).status).toBe(401);
  expect((await loginAs('magetan.kecamatan2', DEMO_PASSWORD)).status).toBe(200);
  for (let i = 0; i < 5; i += 1) expect((await loginAs('magetan.kecamatan2', `salah-${i}-password`)).status).toBe(401);
  const locked = await loginAs('magetan.kecamatan2', DEMO_PASSWORD);
  expect(locked.status).toBe(429);
  expect(locked.body.message).toMatch(/dikunci.*coba lagi setelah pukul \d{2}[.:]\d{2} WIB/);
  const until = new Date(locked.body.error.details.lockedUntil).getTime();
  expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
  expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  // Once the lock has passed, the right password works and the count starts again.
  await server.strapi.db.query('plugin::users-permissions.user').update({ where: { username: 'magetan.kecamatan2' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  expect((await loginAs('magetan.kecamatan2', DEMO_PASSWORD)).status).toBe(200);
  const row = await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'magetan.kecamatan2' } });
  expect(row.failedLogins).toBe(0);
  expect(row.lockedUntil).toBeNull();
});

test('logout makes the token unusable', async () => {
  const token = await login(server, 'magetan.kadis');
  expect((await call(server, 'GET', '/me', token)).status).toBe(200);
  expect((await call(server, 'POST', '/logout', token)).status).toBe(200);
  const after = await call(server, 'GET', '/me', token);
  expect(after.status).toBe(401);
  expect(after.body.message).toBe('Sesi sudah berakhir; silakan masuk lagi');
  expect((await call(server, 'GET', '/cases', token)).status).toBe(401);
  const again = await login(server, 'magetan.kadis');
  expect((await call(server, 'GET', '/me', again)).status).toBe(200);
});

test('password change follows the policy, ends other sessions and keeps this one', async () => {
  const token = await login(server, 'magetan.peksos');
  const other = await login(server, 'magetan.peksos');
  const change = (body: unknown, t = token) => call(server, 'POST', '/me/password', t, body);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['password', { currentPassword: DEMO_PASSWORD, password: 'Pendek-1', passwordConfirmation: 'Pendek-1' }, /minimal 10 karakter/],
    ['password', { currentPassword: DEMO_PASSWORD, password: 'TanpaAngkaSama', passwordConfirmation: 'TanpaAngkaSama' }, /huruf dan angka/],
    ['password', { currentPassword: DEMO_PASSWORD, password: '12345678901', passwordConfirmation: '12345678901' }, /huruf dan angka/],
    ['passwordConfirmation', { currentPassword: DEMO_PASSWORD, password: 'Sandi-Baru-2027', passwordConfirmation: 'Sandi-Baru-2028' }, /tidak sama/],
    ['currentPassword', { currentPassword: 'bukan-sandi-lama-1', password: 'Sandi-Baru-2027', passwordConfirmation: 'Sandi-Baru-2027' }, /salah/],
    ['password', { currentPassword: DEMO_PASSWORD, password: DEMO_PASSWORD, passwordConfirmation: DEMO_PASSWORD }, /berbeda/],
  ];
  for (const [field, body, message] of cases) {
    const r = await change(body);
    expect({ field, status: r.status, named: r.body.error.details.field }).toEqual({ field, status: 400, named: field });
    expect(r.body.message).toMatch(message);
  }
  const ok = await change({ currentPassword: DEMO_PASSWORD, password: 'Sandi-Baru-2027', passwordConfirmation: 'Sandi-Baru-2027' });
  expect(ok.status).toBe(200);
  expect((await call(server, 'GET', '/me', ok.body.jwt)).status).toBe(200);
  expect((await call(server, 'GET', '/me', token)).status).toBe(401);
  expect((await call(server, 'GET', '/me', other)).status).toBe(401);
  expect((await loginAs('magetan.peksos', DEMO_PASSWORD)).status).toBe(401);
  expect((await loginAs('magetan.peksos', 'Sandi-Baru-2027')).status).toBe(200);
});

test("the office admin manages its own office's users: policy, blocking, no reach into another office", async () => {
  const admin = await login(server, 'magetan.admin');
  const victim = await login(server, 'magetan.desa2');
  const users = await call(server, 'GET', `/users?filter=${encodeURIComponent(JSON.stringify({ username: 'magetan.desa2' }))}`, admin);
  const user = users.body[0];
  const weak = await call(server, 'PUT', `/users/${user.id}`, admin, { ...user, password: 'abcdefghij' });
  expect(weak.status).toBe(400);
  expect(weak.body.message).toMatch(/huruf dan angka/);
  const blocked = await call(server, 'PUT', `/users/${user.id}`, admin, { ...user, blocked: true });
  expect(blocked.status).toBe(200);
  expect((await call(server, 'GET', '/me', victim)).status).toBe(401);
  const refused = await loginAs('magetan.desa2', DEMO_PASSWORD);
  expect(refused.status).toBe(403);
  expect(refused.body.message).toMatch(/diblokir/);
  // The record as the block left it (its version moved on): a stale copy would be a 409.
  expect((await call(server, 'PUT', `/users/${user.id}`, admin, { ...blocked.body, blocked: false })).status).toBe(200);
  expect((await loginAs('magetan.desa2', DEMO_PASSWORD)).status).toBe(200);
  // The admin can't take away its own admin role, nor block or delete itself.
  const self = (await call(server, 'GET', `/users?filter=${encodeURIComponent(JSON.stringify({ username: 'magetan.admin' }))}`, admin)).body[0];
  expect((await call(server, 'PUT', `/users/${self.id}`, admin, { ...self, blocked: true })).status).toBe(409);
  expect((await call(server, 'DELETE', `/users/${self.id}`, admin)).status).toBe(409);
  // Tarakan's users are not there for Magetan's admin.
  const tarakan = await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'tarakan.petugas' } });
  expect((await call(server, 'GET', `/users/${tarakan.documentId}`, admin)).status).toBe(404);
  expect((await call(server, 'DELETE', `/users/${tarakan.documentId}`, admin)).status).toBe(404);
  const listed = await call(server, 'GET', '/users?range=%5B0%2C999%5D', admin);
  expect(listed.body.every((u: any) => u.officeCode === 'magetan')).toBe(true);
  expect(listed.body.length).toBeGreaterThanOrEqual(12);
});

test('a token of a non-staff account or no token at all gets nothing', async () => {
  expect((await call(server, 'GET', '/me')).status).toBe(401);
  expect((await call(server, 'GET', '/cases', 'not-a-jwt')).status).toBe(401);
  const forged = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url') + '.' + Buffer.from(JSON.stringify({ id: 1 })).toString('base64url') + '.';
  expect((await call(server, 'GET', '/cases', forged)).status).toBe(401);
});
