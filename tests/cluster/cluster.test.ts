/**
 * Many instances, one system: three instances of the compiled server on one PostgreSQL behind
 * HAProxy (round robin, health check /_health), each with its own DATA_DIR, as three hosts
 * would run. One cluster for the whole file.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Staff, newApplicant, openCase } from '../engine/helpers';
import { DEMO_PASSWORD } from '../staff-api/support';
import { SERVICE as FORM35_SERVICE, download, finished, importFile, people, rowOf, xlsxOf } from '../bulk/support';
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
  const names: (string | null)[] = [];
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
  const replies: { status: number; instance: string | null }[] = [];
  for (let i = 0; i < 15; i += 1) {
    const res = await post(`Pengaduan uji klaster nomor ${i + 1} dari satu alamat.`);
    replies.push({ status: res.status, instance: res.headers.get('x-instance') });
    await res.text();
  }
  expect({ instances: new Set(replies.map((r) => r.instance)).size, accepted: replies.filter((r) => r.status === 201).length, limited: replies.filter((r) => r.status === 429).length }).toEqual({
    instances: 3,
    accepted: 5,
    limited: 10,
  });
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

test('the hourly clean-up is one pg-boss schedule for the cluster, not one per instance', async () => {
  expect(await cluster.sql(`select name, cron from pgboss.schedule where name = 'layanan-pbi-clean'`)).toEqual([{ name: 'layanan-pbi-clean', cron: '17 * * * *' }]);
});

// Files in object storage: every instance stores to and reads from the same bucket.
const objectsUnder = async (prefix: string) => {
  const env = cluster.storage.env;
  const client = new S3Client({
    region: env.STORAGE_S3_REGION,
    endpoint: env.STORAGE_S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID, secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY },
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: cluster.storage.bucket, Prefix: prefix }));
  client.destroy();
  return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
};
const jobIds: string[] = [];

test('imports submitted through the balancer succeed whichever instance takes them; each report and export downloads through every instance', async () => {
  const desa = await loginOn(cluster.balancer, 'magetan.desa1');
  const village = (await desa.get('/api/panel/me')).body.region.code;
  // Three uploads, round robin: each lands on another instance, and any instance's worker may take it.
  for (let i = 0; i < 3; i += 1) {
    const list = people(4, village);
    const job = await importFile(desa, { name: `form35-${i}.xlsx`, bytes: await xlsxOf(list.map(rowOf), { title: true }) }, { kind: 'form35', service: FORM35_SERVICE, dryRun: 'false' });
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 4, hasReport: true });
    jobIds.push(job.id);
    // The upload (personal data) is gone from the bucket; the report is there.
    expect(await objectsUnder(`private/jobs/${job.id}/`)).toEqual(['report.json']);
    for (const at of cluster.instances) expect((await on(desa, at).get(`/api/panel/jobs/${job.id}/report?format=json`)).status).toBe(200);
  }
  const exported = await desa.post('/api/panel/exports', { kind: 'cases', format: 'csv', filter: { serviceSlug: FORM35_SERVICE } });
  expect(exported.status).toBe(202);
  const job = await finished(desa, exported.body.id);
  expect(job).toMatchObject({ status: 'succeeded', hasFile: true });
  jobIds.push(job.id);
  const files = await Promise.all(cluster.instances.map((at) => download(on(desa, at), `/api/panel/jobs/${job.id}/file`)));
  expect(files.map((f) => f.status)).toEqual([200, 200, 200]);
  expect(new Set(files.map((f) => f.bytes.toString('base64'))).size).toBe(1);
  expect(files[0].bytes.toString('utf8').split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(13);
});

test('the clean-up deletes the objects of old jobs once, for the whole cluster', async () => {
  expect(jobIds).toHaveLength(4);
  await cluster.sql(`update jobs set finished_at = now() - interval '30 days' where document_id = any($1)`, [jobIds]);
  const runsBefore = (await cluster.sql(`select count(*)::int as n from pgboss.job where name = 'layanan-pbi-clean'`))[0].n;
  // What the hourly schedule does, now: one job on the clean-up queue, taken by one instance.
  const PgBoss = require('pg-boss');
  const boss = new PgBoss({ connectionString: cluster.databaseUrl, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
  await boss.start();
  expect(await boss.send('layanan-pbi-clean', null)).toBeTruthy();
  await boss.stop({ graceful: false, wait: true });
  for (const until = Date.now() + 60_000; ;) {
    const left = await cluster.sql(`select count(*)::int as n from jobs where document_id = any($1) and files_removed_at is null`, [jobIds]);
    if (left[0].n === 0) break;
    if (Date.now() > until) throw new Error(`${left[0].n} job(s) still have their files`);
    await sleep(250);
  }
  for (const id of jobIds) expect(await objectsUnder(`private/jobs/${id}/`)).toEqual([]);
  // (pg-boss records the run completed once the work has returned.)
  let runs: { state: string }[] = [];
  for (const until = Date.now() + 15_000; Date.now() < until; await sleep(250)) {
    runs = await cluster.sql(`select state from pgboss.job where name = 'layanan-pbi-clean' order by created_on`);
    if (runs.every((r) => r.state === 'completed')) break;
  }
  // One run for the cluster: the job was taken by one instance, once.
  expect(runs).toHaveLength(runsBefore + 1);
  expect(runs[runs.length - 1].state).toBe('completed');
  const desa = await loginOn(cluster.balancer, 'magetan.desa1');
  for (const at of cluster.instances) expect((await on(desa, at).get(`/api/panel/jobs/${jobIds[3]}/file`)).status).toBe(410);
});

test('a case file uploaded through one instance is stored in the bucket and downloads through every instance', async () => {
  const [a, b, c] = cluster.instances;
  const petugas = await loginOn(a, 'tarakan.petugas');
  const desa = await loginOn(a, 'tarakan.desa1');
  const opened = await openCase(petugas, SERVICE, newApplicant((await desa.get('/api/panel/me')).body.region.code));
  const id = opened.case.documentId;
  await petugas.ok(id, 'complete');
  const bytes = new TextEncoder().encode(`%PDF-1.4\n1 0 obj <<>> endobj\n% KTP klaster ${Math.random()}\ntrailer <<>>\n%%EOF\n`);
  const up = await petugas.upload(id, { name: 'ktp-kk.pdf', type: 'application/pdf', bytes }, { key: 'ktp-kk' });
  expect(up.status).toBe(200);
  const file = up.body.data.case.checklist.find((i: any) => i.key === 'ktp-kk').file;
  const [row] = await cluster.sql('select storage_key from case_files where id = $1', [file.id]);
  expect(await objectsUnder('private/case-files/')).toContain(row.storage_key);
  for (const at of [a, b, c]) {
    const res = await at.http(file.url, { token: petugas.token });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  }
});
