/**
 * Test databases: one seeded template made once per run, one copy per jest worker per file.
 * PostgreSQL when reachable (TEST_DATABASE_URL, default the local server), else SQLite files.
 */
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

/** Prefix of every test database; set TEST_DB_PREFIX to run two checkouts side by side. */
export const DB_PREFIX = process.env.TEST_DB_PREFIX || 'layanan_pbi_test';
export const TEMPLATE = `${DB_PREFIX}_template`;
export const tmpDir = path.resolve(__dirname, '..', '..', 'data', 'test');

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function postgresReachable(): Promise<boolean> {
  const c = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function recreatePg(database: string, template?: string): Promise<void> {
  await admin(async (c) => {
    await c.query(`drop database if exists "${database}" with (force)`);
    // Two workers copying the same template at once make PostgreSQL refuse one: retry.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await c.query(`create database "${database}"${template ? ` template "${template}"` : ''}`);
        return;
      } catch (err: any) {
        if (attempt > 40 || !/being accessed by other users/.test(err.message)) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  });
}

export async function dropPg(database: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists "${database}" with (force)`));
}

export function sqliteFile(name: string): string {
  fs.mkdirSync(tmpDir, { recursive: true });
  return path.join(tmpDir, `${name}.db`);
}
