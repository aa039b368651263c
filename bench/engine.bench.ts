/**
 * Case engine throughput over HTTP, against baselines measured in the same run on the same
 * server: a case action (locked UPDATE + history event + reply) vs reading the case's actions;
 * letter numbers issued 1,000 at once vs one after another. Ends with ONE JSON line.
 */
import { startServer, type TestServer } from '../tests/helpers/strapi';
import { Logins, newApplicant, openCase, villageOf } from '../tests/engine/helpers';

const CASES = Number(process.env.BENCH_CASES || 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 10);
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function pool<T>(items: T[], n: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]);
    }),
  );
}

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000 * 10) / 10;

test('engine throughput', async () => {
  const logins = new Logins(server);
  const petugas = await logins.as('tarakan.petugas');
  const village = await villageOf(server, 'tarakan.desa1');

  let t = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < CASES; i += 1) ids.push((await openCase(petugas, 'tarakan-peralihan-pbi-pemda', newApplicant(village))).case.documentId);
  const opensPerSec = rate(CASES, Date.now() - t);

  t = Date.now();
  await pool(ids, CONCURRENCY, async (id) => {
    const r = await petugas.get(`/api/panel/cases/${id}/actions`);
    if (r.status !== 200) throw new Error(`read ${r.status}`);
  });
  const readsPerSec = rate(CASES, Date.now() - t);

  t = Date.now();
  await pool(ids, CONCURRENCY, async (id) => {
    const r = await petugas.act(id, 'complete', {}, 1);
    if (r.status !== 200) throw new Error(`complete ${r.status}`);
  });
  const actionsPerSec = rate(CASES, Date.now() - t);

  const strapi = server.strapi;
  const letters = strapi.service('api::letter.letters');
  const office = { id: (await strapi.db.query('api::office.office').findOne({ where: { code: 'tarakan' } })).id, code: 'tarakan', timeZone: 'Asia/Makassar' };
  t = Date.now();
  for (let i = 0; i < 200; i += 1) await strapi.db.transaction(({ trx }: any) => letters.draft(trx, office, { kind: 'bench' }));
  const sequentialLettersPerSec = rate(200, Date.now() - t);
  t = Date.now();
  await Promise.all(Array.from({ length: 1000 }, () => strapi.db.transaction(({ trx }: any) => letters.draft(trx, office, { kind: 'bench' }))));
  const parallelLettersPerSec = rate(1000, Date.now() - t);

  process.stdout.write(
    `${JSON.stringify({
      bench: 'engine',
      db: strapi.db.dialect.client,
      cases: CASES,
      concurrency: CONCURRENCY,
      opensPerSec,
      readsPerSec,
      actionsPerSec,
      actionCostVsRead: Math.round((readsPerSec / actionsPerSec) * 100) / 100,
      lettersSequentialPerSec: sequentialLettersPerSec,
      letters1000ParallelPerSec: parallelLettersPerSec,
    })}\n`,
  );
});
