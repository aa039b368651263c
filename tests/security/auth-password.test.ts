import { passwordProblem } from '../../cms/src/core/password-policy';
import { startServer, type TestServer } from '../helpers/strapi';
import { call, DEMO_PASSWORD, login } from '../staff-api/support';

/**
 * The staff password policy: the length and letters-and-digits rules, not the account's own
 * username or name, and hard to guess (zxcvbn with the common, English and Indonesian lists).
 */

describe('the rule', () => {
  test.each(['password12', 'Password123', 'qwertyuiop1', 'bismillah1', 'abcdefghi1', 'Indonesia45', 'jakarta2024', 'sayangku123', 'merdeka1945', 'dinsos2026', 'magetan123'])(
    '%s is too easy to guess',
    (password) => {
      expect(passwordProblem(password)).toMatch(/^Kata sandi terlalu mudah ditebak/);
    },
  );

  test.each(['Demo-PBI-2026!', 'Kata-Sandi-Uji-2026', 'Sawah-Hijau-2026', 'sr7Hq2vLp0'])('%s is accepted', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  test("the account's username, name or e-mail name is refused, whole or by its longer words", () => {
    const owner = { username: 'magetan.petugas', fullName: 'Sri Wahyuningsih', email: 'sri.w@magetan.example.id' };
    for (const password of ['Xq7-magetan.petugas', 'Kebun-Wahyuningsih-7', 'Petugas-Hijau-2026', 'SRI.W-kebun-2026'])
      expect(passwordProblem(password, owner)).toBe('Kata sandi tidak boleh memuat nama pengguna, nama, atau alamat email pemilik akun');
    // A short word of the name (Sri) alone is no reason; the estimator still weighs it.
    expect(passwordProblem('Sri-Kebun-Hijau-2026', owner)).toBeNull();
  });

  test('the feedback is in Indonesian', () => {
    expect(passwordProblem('password12')).toBe('Kata sandi terlalu mudah ditebak: Ini adalah kata sandi yang umum digunakan. Tambahkan lebih banyak kata yang kurang umum.');
  });
});

describe('over the staff API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const account = async (username: string) => (await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } })) as { documentId: string; version: number };

  test("an office admin can't give an account a guessable password, nor one made of its username; the account keeps its own", async () => {
    const admin = await login(server, 'magetan.admin');
    const { documentId: id, version } = await account('magetan.peksos');
    for (const [password, message] of [
      ['password12', /terlalu mudah ditebak/],
      ['Peksos-Kebun-2026', /nama pengguna/],
    ] as const) {
      const r = await call(server, 'PUT', `/users/${id}`, admin, { password, version });
      expect({ status: r.status, field: r.body.error?.details?.field }).toEqual({ status: 400, field: 'password' });
      expect(r.body.message).toMatch(message);
    }
    expect((await call(server, 'POST', '/login', undefined, { identifier: 'magetan.peksos', password: DEMO_PASSWORD })).status).toBe(200);
    const created = await call(server, 'POST', '/users', admin, {
      username: 'magetan.sukmawati',
      fullName: 'Sukmawati',
      email: 'sukmawati@magetan.example.id',
      password: 'Sukmawati2026!',
      role: (await server.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'petugas' } })).documentId,
    });
    expect({ status: created.status, field: created.body.error?.details?.field }).toEqual({ status: 400, field: 'password' });
    expect(await server.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'magetan.sukmawati' } })).toBe(0);
  });

  test('a staff member changing their own password gets the same rule', async () => {
    const token = await login(server, 'magetan.kabid');
    const weak = await call(server, 'POST', '/me/password', token, { currentPassword: DEMO_PASSWORD, password: 'password12', passwordConfirmation: 'password12' });
    expect({ status: weak.status, field: weak.body.error?.details?.field }).toEqual({ status: 400, field: 'password' });
    expect(weak.body.message).toMatch(/^password: Kata sandi terlalu mudah ditebak/);
    const strong = await call(server, 'POST', '/me/password', token, { currentPassword: DEMO_PASSWORD, password: 'Sawah-Hijau-2026', passwordConfirmation: 'Sawah-Hijau-2026' });
    expect(strong.status).toBe(200);
  });
});
