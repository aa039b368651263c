/**
 * What the privacy log costs an export of 100,000 cases: the export made by a role that sees
 * NIKs in full (recorded: one entry and 100,000 applicant rows) against the same export made by
 * one that sees them masked (nothing recorded), alternated, and the log's write alone.
 */
import { recordPersonalDataAccess } from '../../cms/src/privacy';
import { csvOf, finished, manyRows, SERVICE, upload } from '../bulk/support';
import { Logins, villageOf, type Staff } from '../engine/helpers';
import { startServer, type TestServer } from '../helpers/strapi';

const ROWS = 100_000;
let server: TestServer;
let logins: Logins;
let village: string;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  village = await villageOf(server, 'magetan.desa1');
  const desa = await logins.as('magetan.desa1');
  const r = await upload(desa, { name: 'besar.csv', bytes: csvOf(manyRows(ROWS, [village], 6000)) }, { kind: 'form35', service: SERVICE });
  expect((await finished(desa, r.body.id, 280_000)).status).toBe('succeeded');
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

/** Seconds from the job's start to its end (the server's own clock), and its entry. */
async function exportAs(staff: Staff): Promise<{ seconds: number; entry: any }> {
  const r = await staff.post('/api/panel/exports', { kind: 'cases', format: 'csv', filter: { villageCode: village, serviceSlug: SERVICE } });
  expect(r.status).toBe(202);
  const job = await finished(staff, r.body.id, 280_000);
  expect(job.status).toBe('succeeded');
  expect(job.rowsWritten).toBeGreaterThanOrEqual(ROWS);
  const entry = await server.strapi.db.connection('access_logs').where({ reference: r.body.id }).first();
  return { seconds: (new Date(job.finishedAt).getTime() - new Date(job.startedAt).getTime()) / 1000, entry };
}

test('an export of 100,000 cases: recorded in full, at a bounded cost', async () => {
  const [petugas, kabid] = [await logins.as('magetan.petugas'), await logins.as('magetan.kabid')];
  const logged: number[] = [];
  const unlogged: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    const full = await exportAs(petugas);
    expect(full.entry.subject_count).toBeGreaterThanOrEqual(ROWS);
    logged.push(full.seconds);
    const masked = await exportAs(kabid);
    expect(masked.entry).toBeUndefined();
    unlogged.push(masked.seconds);
  }
  // The log's write alone: one entry and 100,000 applicant rows.
  const ids = (await server.strapi.db.connection('applicants').where({ village_code: village }).orderBy('id').limit(ROWS).select('id')).map((r: any) => Number(r.id));
  const staff = { userId: 1, username: 'uji', role: 'petugas', officeId: 1, officeCode: 'magetan', scope: 'office', seesFullIdentity: true } as const;
  const t0 = performance.now();
  await recordPersonalDataAccess(server.strapi, { staff, kind: 'export', route: 'uji', purpose: 'uji biaya', fields: ['nik'], applicants: ids });
  const write = (performance.now() - t0) / 1000;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`export of ${ROWS.toLocaleString('en')} cases (${server.strapi.db.dialect.client}): recorded ${logged.map((s) => s.toFixed(2)).join(' / ')} s, masked (not recorded) ${unlogged.map((s) => s.toFixed(2)).join(' / ')} s; the log's write alone ${write.toFixed(2)} s for ${ids.length.toLocaleString('en')} applicants`);
  // The log's write is a fraction of the export it records.
  expect(write).toBeLessThan(mean(logged));
}, 600_000);
