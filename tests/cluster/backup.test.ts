/**
 * The backup of docs/deploy.md, restored: pg_dump of a small seeded database (custom format),
 * pg_restore into a new database, and the compiled server serves from the restored copy
 * (a staff login, the cases written before the dump).
 */
import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DB_PREFIX, TEMPLATE, dropPg, recreatePg, urlFor } from '../setup/databases';
import { applyTestEnv } from '../setup/test-env';

const source = `${DB_PREFIX}_backup_src`;
const restored = `${DB_PREFIX}_backup_restored`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layanan-backup-'));

afterAll(async () => {
  await dropPg(source);
  await dropPg(restored);
  fs.rmSync(dir, { recursive: true, force: true });
});

const psql = (db: string, sql: string) => {
  const r = spawnSync('psql', ['-At', '-d', urlFor(db), '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};

test('a pg_dump of the database restores into a new one that the server serves from', async () => {
  applyTestEnv();
  if (process.env.TEST_DB_KIND !== 'postgres') throw new Error('The backup test needs PostgreSQL (TEST_DATABASE_URL)');
  await recreatePg(source, TEMPLATE);
  const before = { cases: psql(source, 'select count(*) from cases'), users: psql(source, 'select count(*) from up_users') };
  const dump = path.join(dir, 'layanan.dump');
  const dumped = spawnSync('pg_dump', ['-Fc', '-f', dump, urlFor(source)], { encoding: 'utf8' });
  expect(dumped.stderr).toBe('');
  expect(dumped.status).toBe(0);
  await recreatePg(restored);
  const restore = spawnSync('pg_restore', ['--no-owner', '-d', urlFor(restored), dump], { encoding: 'utf8' });
  expect(restore.stderr).toBe('');
  expect(restore.status).toBe(0);
  expect({ cases: psql(restored, 'select count(*) from cases'), users: psql(restored, 'select count(*) from up_users') }).toEqual(before);

  const child = spawn(process.execPath, [path.join(__dirname, 'instance.js')], {
    env: { ...process.env, DATABASE_URL: urlFor(restored), DATA_DIR: dir, PORT: '0', SEED: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += d;
        const m = /^ready (\d+)/m.exec(out);
        if (m) resolve(Number(m[1]));
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out.slice(-3000)}`)));
    });
    const login = await fetch(`http://127.0.0.1:${port}/api/panel/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: 'magetan.petugas', password: 'Demo-PBI-2026!' }),
    });
    expect(login.status).toBe(200);
    const { jwt } = (await login.json()) as { jwt: string };
    const cases = await fetch(`http://127.0.0.1:${port}/api/panel/cases?range=[0,4]`, { headers: { Authorization: `Bearer ${jwt}` } });
    expect(cases.status).toBe(200);
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}, 240_000);
