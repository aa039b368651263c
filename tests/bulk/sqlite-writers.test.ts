/**
 * SQLite's writers (cms/src/platform/sqlite-writers.ts) on a real database file, with another
 * program holding the write lock (a raw better-sqlite3 connection, as the sqlite3 shell or a
 * backup would): what waits, what is refused, and that nothing waiting is lost.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { knex as createKnex, type Knex } from 'knex';
import { configureSqliteConnection, waitForWriteLock, WriteLockTimeout } from '../../cms/src/platform/sqlite-writers';

let dir: string;
let file: string;
let server: Knex;
let other: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sqlite-writers-'));
  file = path.join(dir, 'data.db');
  waitForWriteLock();
  // As the server's pool once it has started: four connections (widenServerPool).
  server = createKnex({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: { min: 1, max: 4, afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => done(null, (configureSqliteConnection(conn), conn)) },
  });
  await server.schema.createTable('notes', (t) => {
    t.increments('id');
    t.string('text');
  });
  other = new Database(file);
});
afterAll(async () => {
  other?.close();
  await server?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const texts = async () => (await server('notes').orderBy('id').select('text')).map((r: any) => r.text);

test('while another program holds the write lock, three single statements wait and are written when it commits; a fourth is refused with 503 at once and writes nothing', async () => {
  await server('notes').del();
  other.exec('BEGIN IMMEDIATE');
  // (.then: a knex query runs only once it is awaited.)
  const waiting = ['a', 'b', 'c'].map((text) =>
    server('notes')
      .insert({ text })
      .then(() => text),
  );
  await new Promise((r) => setTimeout(r, 100));
  const t0 = Date.now();
  const fourth = await server('notes')
    .insert({ text: 'd' })
    .then(
      () => null,
      (err) => err,
    );
  expect(Date.now() - t0).toBeLessThan(1000);
  expect(fourth).toBeInstanceOf(WriteLockTimeout);
  expect(fourth.status).toBe(503);
  expect(fourth.message).toMatch(/coba lagi/);
  // A read still answers meanwhile, on the pool's fourth connection.
  expect(await texts()).toEqual([]);
  other.exec("INSERT INTO notes (text) VALUES ('other')");
  other.exec('COMMIT');
  await Promise.all(waiting);
  expect((await texts()).sort()).toEqual(['a', 'b', 'c', 'other']);
});

test('write transactions, any number of them, wait for their turn without a connection and are all written', async () => {
  await server('notes').del();
  other.exec('BEGIN IMMEDIATE');
  const writes = Array.from({ length: 10 }, (_, i) => server.transaction((trx) => trx('notes').insert({ text: `t${i}` })));
  await new Promise((r) => setTimeout(r, 300));
  expect(await texts()).toEqual([]);
  other.exec('COMMIT');
  await Promise.all(writes);
  expect((await texts()).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `t${i}`).sort());
});

test('a write that waits longer than SQLITE_WRITE_WAIT_MS answers 503 and writes nothing; the lock is free again after', async () => {
  await server('notes').del();
  other.exec('BEGIN IMMEDIATE');
  process.env.SQLITE_WRITE_WAIT_MS = '200';
  try {
    const single = server('notes')
      .insert({ text: 'single' })
      .then(
        () => null,
        (err) => err,
      );
    const inTransaction = server
      .transaction((trx) => trx('notes').insert({ text: 'trx' }))
      .then(
        () => null,
        (err) => err,
      );
    expect(await single).toBeInstanceOf(WriteLockTimeout);
    expect(await inTransaction).toBeInstanceOf(WriteLockTimeout);
  } finally {
    delete process.env.SQLITE_WRITE_WAIT_MS;
    other.exec('COMMIT');
  }
  expect(await texts()).toEqual([]);
  await server.transaction((trx) => trx('notes').insert({ text: 'after' }));
  expect(await texts()).toEqual(['after']);
});
