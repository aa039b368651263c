/**
 * Many instances, one system: three instances of the compiled server on one PostgreSQL behind
 * HAProxy (round robin, health check /_health), each with its own DATA_DIR, as three hosts
 * would run. One cluster for the whole file.
 */
import { Staff, newApplicant, openCase } from '../engine/helpers';
import { DEMO_PASSWORD } from '../staff-api/support';
import { startCluster, type Cluster, type Endpoint } from './harness';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster(3);
}, 300_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const SERVICE = 'tarakan-peralihan-pbi-pemda';

async function loginOn(at: Endpoint, username: string): Promise<Staff> {
  const res = await at.http('/api/panel/login', { method: 'POST', json: { identifier: username, password: DEMO_PASSWORD } });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`login ${username} on ${at.name}: ${res.status} ${JSON.stringify(body)}`);
  return new Staff(at, username, body.jwt, body.user);
}
const on = (staff: Staff, at: Endpoint) => new Staff(at, staff.username, staff.token, staff.user);
const meStatus = async (staff: Staff, at: Endpoint) => (await on(staff, at).get('/api/panel/me')).status;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the balancer spreads requests round robin over the three instances', async () => {
  const names = [];
  for (let i = 0; i < 6; i += 1) names.push((await cluster.balancer.http('/_health')).headers.get('x-instance'));
  expect(new Set(names)).toEqual(new Set(['i1', 'i2', 'i3']));
});

test('a login on one instance is accepted by the others, and through the balancer', async () => {
  const [a, b, c] = cluster.instances;
  const kadis = await loginOn(a, 'tarakan.kadis');
  for (const at of [a, b, c, cluster.balancer, cluster.balancer, cluster.balancer]) expect(await meStatus(kadis, at)).toBe(200);
});

test('30 parallel identical actions on one case across the instances: exactly one succeeds, 29 get 409', async () => {
  const petugas = await loginOn(cluster.balancer, 'tarakan.petugas');
  const desa = await loginOn(cluster.balancer, 'tarakan.desa1');
  const opened = await openCase(petugas, SERVICE, newApplicant(desa.user.region?.code ?? (await desa.get('/api/panel/me')).body.region.code));
  const id = opened.case.documentId;
  const version = opened.case.version;
  const where = [cluster.balancer, ...cluster.instances];
  const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => on(petugas, where[i % where.length]).act(id, 'note', { note: `Percobaan ${i}` }, version)));
  const statuses = replies.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(29);
  const rows = await cluster.sql('select version from cases where document_id = $1', [id]);
  expect(rows).toEqual([{ version: version + 1 }]);
});

test('the public form limit holds across the cluster: 5 complaints from one address, not 15', async () => {
  const post = (isi: string) =>
    cluster.balancer.http('/pengaduan', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '203.0.113.77' },
      body: new URLSearchParams({ kantor: 'tarakan', isi }).toString(),
    });
  const replies = [];
  for (let i = 0; i < 15; i += 1) {
    const res = await post(`Pengaduan uji klaster nomor ${i + 1} dari satu alamat.`);
    replies.push({ status: res.status, instance: res.headers.get('x-instance') });
    await res.text();
  }
  expect({ instances: new Set(replies.map((r) => r.instance)).size, accepted: replies.filter((r) => r.status === 201).length, limited: replies.filter((r) => r.status === 429).length }).toEqual({ instances: 3, accepted: 5, limited: 10 });
  expect((await cluster.sql(`select count(*)::int as n from complaints where text like 'Pengaduan uji klaster nomor %'`))[0].n).toBe(5);
});

test('a logout on one instance refuses the token on every instance within 1 s, though each had the account cached', async () => {
  const [a, b, c] = cluster.instances;
  const kabid = await loginOn(a, 'tarakan.kabid');
  for (const at of [a, b, c]) expect(await meStatus(kabid, at)).toBe(200);
  expect((await on(kabid, a).post('/api/panel/logout')).status).toBe(200);
  // The account cache holds 5 s (STAFF_CONTEXT_CACHE_MS): only the cluster bus ends it sooner.
  await sleep(1000);
  for (const at of [a, b, c]) expect(await meStatus(kabid, at)).toBe(401);
});

test('a block and a role change made on one instance hold on every instance within 1 s', async () => {
  const [a, b, c] = cluster.instances;
  const admin = await loginOn(a, 'tarakan.admin');
  const peksos = await loginOn(b, 'tarakan.peksos');
  for (const at of [a, b, c]) expect(await meStatus(peksos, at)).toBe(200);
  const row = (await on(admin, a).get(`/api/panel/users/${peksos.user.id}`)).body;
  expect((await on(admin, a).call('PUT', `/api/panel/users/${peksos.user.id}`, { ...row, blocked: true })).status).toBe(200);
  await sleep(1000);
  for (const at of [a, b, c]) expect(await meStatus(peksos, at)).toBe(401);

  // A role change (no new token): every instance answers with the new role.
  const jf = await loginOn(c, 'tarakan.jf');
  const before = (await on(jf, b).get('/api/panel/me')).body.role.type;
  for (const at of [a, b, c]) expect((await on(jf, at).get('/api/panel/me')).body.role.type).toBe(before);
  const roles = (await on(admin, a).get('/api/panel/roles')).body as any[];
  const other = roles.find((r) => r.type !== before && r.type === 'petugas') ?? roles.find((r) => r.type !== before && r.type !== 'admin-kantor');
  const jfRow = (await on(admin, a).get(`/api/panel/users/${jf.user.id}`)).body;
  const changed = await on(admin, a).call('PUT', `/api/panel/users/${jf.user.id}`, { ...jfRow, role: other.id });
  expect(changed.status).toBe(200);
  await sleep(1000);
  for (const at of [a, b, c]) expect((await on(jf, at).get('/api/panel/me')).body.role.type).toBe(other.type);
});

test('the hourly clean-up is one pg-boss schedule for the cluster, and ran once when the three instances started', async () => {
  expect(await cluster.sql(`select name, cron from pgboss.schedule where name = 'layanan-pbi-clean'`)).toEqual([{ name: 'layanan-pbi-clean', cron: '17 * * * *' }]);
  const runs = await cluster.sql(`select state from pgboss.job where name = 'layanan-pbi-clean'`);
  expect(runs).toHaveLength(1);
});
