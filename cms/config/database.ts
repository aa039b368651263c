import type { Core } from '@strapi/strapi';
import path from 'path';
import { configureSqliteConnection, waitForWriteLock } from '../src/platform/sqlite-writers';

/**
 * DATABASE_URL=postgres://user:pass@host:5432/name selects PostgreSQL (production, CI);
 * otherwise an embedded SQLite file in DATA_DIR (default: <repo>/data).
 * The start script validates the URL and the connection before Strapi boots.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = env('DATABASE_URL', '');
  if (url) {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: url, ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: false } : false },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }
  // WAL, and writers that wait for the lock without blocking: a Form 35 import writes on a
  // connection of its own while the server's keeps answering (src/platform/sqlite-writers.ts).
  waitForWriteLock();
  const dataDir = env('DATA_DIR', path.resolve(__dirname, '..', '..', '..', 'data'));
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: env('DATABASE_FILENAME', path.join(dataDir, 'layanan-pbi.db')) },
      useNullAsDefault: true,
      pool: { afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => done(null, (configureSqliteConnection(conn), conn)) },
    },
  };
};
