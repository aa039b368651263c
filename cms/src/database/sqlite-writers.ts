import type { Core } from '@strapi/strapi';
import { knex as createKnex } from 'knex';
import { PanelError } from '../api/panel/lib/errors';

/**
 * SQLite (the single-server install) with two writers: the server's connection and a Form 35
 * import's own, so that the server keeps answering while an import's transaction runs (its
 * progress, its cancel, the panel's lists). The database is in WAL mode: reads never wait and
 * see what was committed; one connection writes at a time.
 *
 * A writer that finds the lock taken waits for it here, asynchronously: better-sqlite3's own
 * busy wait would block the event loop, and with it the import that holds the lock, until its
 * timeout. Every transaction takes the write lock when it begins (BEGIN IMMEDIATE): one that
 * began by reading and then found another connection's commit in between could not write at
 * all (SQLITE_BUSY_SNAPSHOT), which no waiting mends.
 */

/**
 * How long a write waits for an import's transaction to end before it answers 503:
 * SQLITE_WRITE_WAIT_MS, default a minute (an import of 100,000 rows takes about 20 s on SQLite).
 */
const writeWaitMs = () => Number(process.env.SQLITE_WRITE_WAIT_MS) || 60_000;
const RETRY_MS = 25;

/** Settings of every SQLite connection (config/database.ts's afterCreate, and the import's). */
export function configureSqliteConnection(conn: any): void {
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 0');
  conn.pragma('foreign_keys = on');
}

const locked = (err: any) => err?.code === 'SQLITE_BUSY';

const BUSY_MESSAGE = 'Basis data sedang dipakai impor data yang besar; coba lagi sebentar lagi';

/** 503: the write lock stayed taken too long. Its message stays as it is (knex prefixes the statement, with its values, to a failed query's). */
export class WriteLockTimeout extends PanelError {
  constructor() {
    super(503, BUSY_MESSAGE);
    Object.defineProperty(this, 'message', { get: () => BUSY_MESSAGE, set: () => {}, enumerable: false });
  }
}

/** Runs `attempt` until it doesn't find the write lock taken, waiting asynchronously between tries. */
async function whenUnlocked<T>(attempt: () => T | Promise<T>): Promise<T> {
  for (const until = Date.now() + writeWaitMs(); ; ) {
    try {
      return await attempt();
    } catch (err) {
      if (!locked(err)) throw err;
      if (Date.now() >= until) throw new WriteLockTimeout();
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}

/**
 * Makes knex's better-sqlite3 client wait (without blocking) for the write lock, begin its
 * transactions IMMEDIATE, and let the event loop turn after each statement. On the client's
 * class: a transaction's queries go through a client knex makes from the class, not from the
 * instance. Idempotent; applies to every SQLite connection of the process, all this app's.
 * A write waiting for an import holds a connection meanwhile: see widenServerPool.
 */
export function waitForWriteLock(): void {
  const Client = require('knex/lib/dialects/better-sqlite3');
  const proto = Client.prototype;
  if (proto.__waitsForWriteLock) return;
  proto.__waitsForWriteLock = true;
  const query = proto._query;
  proto._query = async function (this: any, connection: any, obj: any) {
    const done = await whenUnlocked(() => query.call(this, connection, obj));
    // better-sqlite3 runs a statement synchronously and its promise settles at once: without
    // a turn of the event loop between statements, an import's thousands of inserts would
    // keep every request (the panel's own pages, a cancel) waiting until it ends.
    await new Promise((r) => setImmediate(r));
    return done;
  };
  const transaction = proto.transaction;
  proto.transaction = function (this: any, ...args: any[]) {
    const trx = transaction.apply(this, args);
    // Replaced before the transaction acquires its connection (a later tick); a nested one
    // (made by a transaction's client) takes a savepoint instead and never calls begin. Run on
    // the driver: knex's own begin turns a failed BEGIN into a transaction that is already
    // over, which its caller would only learn of at its first query ("already complete").
    trx.begin = (conn: any) => whenUnlocked(() => conn.exec('BEGIN IMMEDIATE'));
    return trx;
  };
}

/** Connections of the server's SQLite pool once it has started. */
const SERVER_CONNECTIONS = 4;

/**
 * Lets the server's SQLite pool grow past knex's one connection once Strapi has started, so
 * that a write waiting for an import's commit holds one connection while reads go on through
 * the others (WAL: each reads what was committed). Not before: Strapi's schema sync turns
 * foreign keys off and on around its changes, which must happen on the connection it changes
 * tables on. Every new connection is configured as the first (config/database.ts).
 */
export function widenServerPool(strapi: Core.Strapi): void {
  const pool = (strapi.db.connection as any).client?.pool;
  if (strapi.db.dialect.client === 'sqlite' && pool) pool.max = Math.max(pool.max, SERVER_CONNECTIONS);
}

/** On SQLite: a connection of its own for one import, closed by `release()`; elsewhere the server's. */
export function importConnection(strapi: Core.Strapi): { knex: any; release(): Promise<void> } {
  const server = strapi.db.connection as any;
  if (strapi.db.dialect.client !== 'sqlite') return { knex: server, release: async () => {} };
  waitForWriteLock();
  const own = createKnex({
    client: 'better-sqlite3',
    connection: { filename: server.client.connectionSettings.filename },
    useNullAsDefault: true,
    pool: { min: 1, max: 1, afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => done(null, (configureSqliteConnection(conn), conn)) },
  });
  return { knex: own, release: () => own.destroy() };
}
