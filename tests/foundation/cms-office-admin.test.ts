import { startServer, type TestServer } from '../helpers/strapi';

/**
 * An office admin in the CMS (Strapi admin API, role "Admin Kantor") writes and publishes their
 * own office's standards, SOPs and letter templates, and sees nothing of another office's.
 */
const PASSWORD = 'Demo-PBI-2026!';
const STANDARDS = '/content-manager/collection-types/api::service-standard.service-standard';
const SOPS = '/content-manager/collection-types/api::sop.sop';
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function cmsLogin(email: string): Promise<string> {
  const res = await server.http('/admin/login', { method: 'POST', json: { email, password: PASSWORD } });
  const body: any = await res.json();
  expect(res.status).toBe(200);
  return body.data.token ?? body.data.accessToken;
}

async function draftOf(uid: string, officeCode: string): Promise<string> {
  const row = await server.strapi.db.query(uid).findOne({ where: { officeCode, publishedAt: null }, select: ['documentId'] });
  return row.documentId;
}

test('a Magetan office admin lists only Magetan standards and SOPs', async () => {
  const token = await cmsLogin('magetan.admin@demo.layanan-pbi.id');
  for (const [path, uid] of [
    [STANDARDS, 'api::service-standard.service-standard'],
    [SOPS, 'api::sop.sop'],
  ]) {
    const res = await server.http(`${path}?page=1&pageSize=100`, { token });
    const body: any = await res.json();
    expect(res.status).toBe(200);
    const own = await server.strapi.db.query(uid).count({ where: { officeCode: 'magetan', publishedAt: null } });
    expect(own).toBeGreaterThan(0);
    expect(body.results.map((r: any) => r.officeCode)).toEqual(Array(own).fill('magetan'));
  }
});

test("edits their own standard and publishes it; another office's is refused, read or write", async () => {
  const token = await cmsLogin('magetan.admin@demo.layanan-pbi.id');
  const own = await draftOf('api::service-standard.service-standard', 'magetan');
  const other = await draftOf('api::service-standard.service-standard', 'tarakan');

  const current: any = await (await server.http(`${STANDARDS}/${own}`, { token })).json();
  const edited = await server.http(`${STANDARDS}/${own}`, { method: 'PUT', token, json: { ...current.data, fee: 'Tidak dipungut biaya (gratis)' } });
  expect(edited.status).toBe(200);
  expect(((await edited.json()) as any).data.fee).toBe('Tidak dipungut biaya (gratis)');
  const published = await server.http(`${STANDARDS}/${own}/actions/publish`, { method: 'POST', token, json: {} });
  expect(published.status).toBe(200);

  expect((await server.http(`${STANDARDS}/${other}`, { token })).status).toBe(403);
  const write = await server.http(`${STANDARDS}/${other}`, { method: 'PUT', token, json: { fee: 'diubah' } });
  expect(write.status).toBe(403);
  const after = await server.strapi.db.query('api::service-standard.service-standard').findOne({ where: { documentId: other, publishedAt: null } });
  expect(after.fee).not.toBe('diubah');
});

test('a CMS account whose staff account is blocked keeps no office, so it sees no standard', async () => {
  await server.strapi.db.query('plugin::users-permissions.user').update({ where: { username: 'tarakan.admin' }, data: { blocked: true } });
  const token = await cmsLogin('tarakan.admin@demo.layanan-pbi.id');
  const res = await server.http(`${STANDARDS}?page=1&pageSize=100`, { token });
  expect(res.status).toBe(403);
});

test('the super admin still sees every office', async () => {
  const token = await cmsLogin('admin@demo.layanan-pbi.id');
  const body: any = await (await server.http(`${STANDARDS}?page=1&pageSize=100`, { token })).json();
  expect(new Set(body.results.map((r: any) => r.officeCode))).toEqual(new Set(['magetan', 'tarakan', 'banjarbaru', 'karangasem']));
});
