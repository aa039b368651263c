/**
 * All or nothing at scale: a 100,000-row Form 35 whose row 90,000 is wrong leaves nothing,
 * and a cancelled import, or one whose worker process dies while writing, leaves nothing either.
 * On PostgreSQL imports run in a worker process, and a spare one waits for the next import.
 */
import fs from 'fs';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, villageOf, type Staff } from '../engine/helpers';
import { counts, csvOf, finished, manyRows, reportOf, SERVICE, until, upload } from './support';

let server: TestServer;
let desa: Staff;
let villages: string[];

beforeAll(async () => {
  server = await startServer();
  // Form 35 is the village operator's: 100,000 proposals of one village.
  desa = await new Logins(server).as('magetan.desa1');
  villages = [await villageOf(server, 'magetan.desa1')];
});
afterAll(async () => {
  await server?.stop();
});

test('a problem at row 90,000 of 100,000 leaves nothing written', async () => {
  const rows = manyRows(100_000, villages);
  rows[89_999][1] = '1234'; // data row 90,000 = sheet row 90,001
  const before = await counts(server.strapi);
  const r = await upload(desa, { name: 'besar.csv', bytes: csvOf(rows) }, { kind: 'form35', service: SERVICE });
  expect(r.status).toBe(202);
  const job = await finished(desa, r.body.id, 170_000);
  expect(job).toMatchObject({ status: 'failed', rowsRead: 100_000, rowsValid: 99_999, rowsWritten: 0, problemCount: 1 });
  expect(await reportOf(desa, job.id)).toEqual([{ row: 90_001, field: 'NIK', problem: 'NIK harus 16 digit angka' }]);
  expect(await counts(server.strapi)).toEqual(before);
}, 180_000);

test('a cancelled import leaves nothing written', async () => {
  const before = await counts(server.strapi);
  const r = await upload(desa, { name: 'batal.csv', bytes: csvOf(manyRows(100_000, villages)) }, { kind: 'form35', service: SERVICE });
  expect(r.status).toBe(202);
  // Wait until it is writing, then cancel.
  for (let i = 0; i < 600; i += 1) {
    const j = (await desa.get(`/api/panel/jobs/${r.body.id}`)).body;
    if (j.status === 'running' && j.rowsRead > 5000) break;
    expect(['queued', 'running']).toContain(j.status);
    await new Promise((res) => setTimeout(res, 100));
  }
  const cancel = await desa.post(`/api/panel/jobs/${r.body.id}/cancel`);
  expect(cancel.status).toBe(200);
  const job = await finished(desa, r.body.id, 120_000);
  expect(job.status).toBe('cancelled');
  expect(job.message).toMatch(/Dibatalkan/);
  expect(await counts(server.strapi)).toEqual(before);
  // A finished job can't be cancelled again.
  expect((await desa.post(`/api/panel/jobs/${r.body.id}/cancel`)).status).toBe(409);
}, 180_000);

/** The import worker processes this process has started (Linux /proc). */
function importWorkers(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('import-worker')) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** The spare worker: the one import worker, the same for a second and a half (0 if none within 30 s). */
async function theSpare(): Promise<number> {
  for (const end = Date.now() + 30_000; Date.now() < end;) {
    const [first, ...more] = importWorkers();
    await new Promise((r) => setTimeout(r, 1500));
    const now = importWorkers();
    if (first && !more.length && now.length === 1 && now[0] === first) return first;
  }
  return 0;
}

test('on PostgreSQL a spare worker waits for the next import and runs it; the name-search entries are merged after the import has answered', async () => {
  if (server.strapi.db.dialect.client !== 'postgres') return;
  const service = server.strapi.service('api::job.form35-import') as any;
  // The spare: the one worker left once the cancelled import's worker has gone.
  const spare = await theSpare();
  expect(spare).toBeGreaterThan(0);
  const r = await upload(desa, { name: 'hangat.csv', bytes: csvOf(manyRows(30_000, villages, 700)) }, { kind: 'form35', service: SERVICE });
  expect(r.status).toBe(202);
  // While it runs, the only worker is the spare.
  const seen = new Set<number>();
  let job: any;
  for (const end = Date.now() + 120_000; Date.now() < end;) {
    importWorkers().forEach((pid) => seen.add(pid));
    job = (await desa.get(`/api/panel/jobs/${r.body.id}`)).body;
    if (!['queued', 'running'].includes(job.status)) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 30_000 });
  expect([...seen]).toEqual([spare]);
  // The spare ran it (a worker runs one import) and a new one took its place, a second after
  // the spare has exited; the spare first finishes its tidy-up (the GIN merge), which on a
  // loaded two-core machine can take longer than the default wait.
  await until(() => importWorkers().length === 1 && importWorkers()[0] !== spare, 90_000);
  expect(importWorkers()).toHaveLength(1);
  expect(importWorkers()[0]).not.toBe(spare);
  // The import held its names back from the GIN index (more than the 4 MB, 512 pages, that
  // would have been merged inside it), and the tidy-up merged them after it had answered.
  await until(() => service.timings.tidyMergedPages !== undefined, 90_000);
  expect(service.timings.tidyMergedPages).toBeGreaterThan(512);
}, 300_000);

test('on PostgreSQL an import handed to a spare worker that then dies before taking it runs in a fresh worker', async () => {
  if (server.strapi.db.dialect.client !== 'postgres') return;
  const spare = await theSpare();
  expect(spare).toBeGreaterThan(0);
  // Stopped, the spare is still alive when the import is handed to it, but never reads it.
  process.kill(spare, 'SIGSTOP');
  let r: any;
  try {
    r = await upload(desa, { name: 'cadangan.csv', bytes: csvOf(manyRows(5_000, villages, 900)) }, { kind: 'form35', service: SERVICE });
    expect(r.status).toBe(202);
    // Running: the job has resolved its plan and handed the import over (within a second).
    for (const end = Date.now() + 30_000; Date.now() < end && (await desa.get(`/api/panel/jobs/${r.body.id}`)).body.status !== 'running';) await new Promise((res) => setTimeout(res, 50));
    await new Promise((res) => setTimeout(res, 1000));
  } finally {
    process.kill(spare, 'SIGKILL');
  }
  const job = await finished(desa, r.body.id, 120_000);
  expect(job).toMatchObject({ status: 'succeeded', rowsWritten: 5_000 });
});

test('on PostgreSQL an import whose worker process dies while writing leaves nothing written', async () => {
  // (SQLite imports run inside the server: there is no worker to kill.)
  if (server.strapi.db.dialect.client !== 'postgres') return;
  const before = await counts(server.strapi);
  const r = await upload(desa, { name: 'putus.csv', bytes: csvOf(manyRows(100_000, villages, 300)) }, { kind: 'form35', service: SERVICE });
  expect(r.status).toBe(202);
  // Wait until the worker has written a chunk inside its transaction, then kill it.
  let workers: number[] = [];
  for (let i = 0; i < 600; i += 1) {
    const j = (await desa.get(`/api/panel/jobs/${r.body.id}`)).body;
    workers = importWorkers();
    if (j.status === 'running' && j.rowsWritten > 0 && workers.length === 1) break;
    expect(['queued', 'running']).toContain(j.status);
    await new Promise((res) => setTimeout(res, 50));
  }
  expect(workers).toHaveLength(1);
  process.kill(workers[0], 'SIGKILL');
  const job = await finished(desa, r.body.id, 120_000);
  expect(job.status).toBe('failed');
  expect(job.message).toMatch(/Proses impor berhenti tak terduga \(SIGKILL\).*tidak ada data yang disimpan/);
  expect(await counts(server.strapi)).toEqual(before);
  // (A spare may have started after it.)
  expect(importWorkers()).not.toContain(workers[0]);
  // Its scratch tables (staged chunks, outside the transaction) are dropped by the server.
  const { rows } = await server.strapi.db.connection.raw(`select count(*)::int as n from pg_tables where tablename like 'import_stage_%'`);
  expect(rows[0].n).toBe(0);
}, 180_000);
