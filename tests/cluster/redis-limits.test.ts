/**
 * With REDIS_URL set, the public site's limits are counted in Redis (the store every instance
 * of a cluster would share): the sixth complaint from one address is refused, and the count is
 * Redis's, not the process's.
 */
import Redis from 'ioredis';
import { startServer, type TestServer } from '../helpers/strapi';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
// An address of its own per run: the counters of an earlier run may still be in Redis.
const visitor = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

let server: TestServer;
let redis: Redis;
beforeAll(async () => {
  Object.assign(process.env, { REDIS_URL, TRUST_PROXY: '1' });
  redis = new Redis(REDIS_URL);
  const stale = await redis.keys(`*${visitor}*`);
  if (stale.length) await redis.del(...stale);
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  const keys = await redis.keys(`*${visitor}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  delete process.env.REDIS_URL;
  delete process.env.TRUST_PROXY;
});

test('complaints from one address are counted in Redis: five stored, the sixth refused with 429', async () => {
  const post = (isi: string) =>
    server.http('/pengaduan', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': visitor },
      body: new URLSearchParams({ kantor: 'magetan', isi }).toString(),
    });
  for (let i = 0; i < 5; i += 1) expect((await post(`Pengaduan uji Redis nomor ${i + 1}.`)).status).toBe(201);
  const limited = await post('Pengaduan uji Redis keenam.');
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  const formKeys = await redis.keys(`public-form-complaint*${visitor}`);
  expect(formKeys).toHaveLength(1);
  expect(Number(await redis.get(formKeys[0]))).toBeGreaterThanOrEqual(5);
  // Another process counting the same store sees the same quota: a fresh count there starts at 5 used.
  expect(await redis.pttl(formKeys[0])).toBeGreaterThan(0);
});
