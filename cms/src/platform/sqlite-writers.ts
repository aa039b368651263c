import type { Core } from '@strapi/strapi';
import { AsyncLocalStorage } from 'async_hooks';
import { knex as createKnex } from 'knex';

/**
 * SQLite (the single-server install) with two writers: the server's connection and a Form 35
 * import's own, so that the server keeps answering while an import's transaction runs (its
 * progress, its cancel, the panel's lists). The database is in WAL mode: reads never wait and
 * see what was committed; one connection writes at a time.
 *
 * Every writer of the database is in this process, so write transactions take turns here, in
 * the order they came (`takeWriteTurn`), before they take a connection: any number of requests
 * can wait for an import's commit while reads go on through the pool (staff actions and
 * Strapi's document service write in transactions). A transaction takes the write lock when it
 * begins (BEGIN IMMEDIATE): one that began by reading and then found another connection's
 * commit in between could not write at all (SQLITE_BUSY_SNAPSHOT), which no waiting mends.
 * A writer that still finds the lock taken (a single statement outside a transaction, or
 * another program on the file: a backup, the sqlite3 shell) waits for it asynchronously:
 * better-sqlite3's own busy wait would block the event loop until its timeout.
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

/**
 * 503: the write lock stayed taken too long, or too many of the server's requests already wait
 * for it. Its message stays as it is (knex prefixes a failed query's statement, values
 * included). Not an AppError: the global database-busy middleware answers it on every route.
 */
export class WriteLockTimeout extends Error {
  readonly status = 503;
  constructor() {
    super(BUSY_MESSAGE);
    this.name = 'ServiceUnavailableError';
    Object.defineProperty(this, 'message', { get: () => BUSY_MESSAGE, set: () => {}, enumerable: false });
  }
}

/** Connections of the server's SQLite pool once it has started (widenServerPool). */
const SERVER_CONNECTIONS = 4;
/**
 * The server's writes that may wait for the lock at once while holding a connection: single
 * statements outside a transaction (they take no turn: one that waited for its turn holding a
 * connection could keep the turn's holder from getting one), or a transaction that finds
 * another program's lock. One connection is left for reads; another such write answers 503.
 */
const MAX_SERVER_WAITERS = SERVER_CONNECTIONS - 1;
let serverWaiters = 0;

/** Who waits for the turn to write, first come first served; `writing` while someone has it. */
const turns: Array<() => void> = [];
let writing = false;

/**
 * Waits until no other write transaction of this process runs, at most `SQLITE_WRITE_WAIT_MS`
 * (then WriteLockTimeout); returns the turn's release, which hands it to the next in line.
 */
async function takeWriteTurn(): Promise<() => void> {
  if (writing) {
    await new Promise<void>((resolve, reject) => {
      const granted = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = turns.indexOf(granted);
        if (at >= 0) turns.splice(at, 1);
        reject(new WriteLockTimeout());
      }, writeWaitMs());
      turns.push(granted);
    });
  }
  writing = true;
  return () => {
    const next = turns.shift();
    if (next) next();
    else writing = false;
  };
}

/** Marks the knex config of an import's own connection (its waits are not the server's). */
const IMPORT_CONNECTION = Symbol('import connection');

/** Runs `attempt` until it doesn't find the write lock taken, waiting asynchronously between tries. */
async function whenUnlocked<T>(attempt: () => T | Promise<T>, config: any): Promise<T> {
  let counted = false;
  try {
    for (const until = Date.now() + writeWaitMs(); ;) {
      try {
        return await attempt();
      } catch (err) {
        if (!locked(err)) throw err;
        if (!counted && !config?.[IMPORT_CONNECTION]) {
          if (serverWaiters >= MAX_SERVER_WAITERS) throw new WriteLockTimeout();
          serverWaiters += 1;
          counted = true;
        }
        if (Date.now() >= until) throw new WriteLockTimeout();
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  } finally {
    if (counted) serverWaiters -= 1;
  }
}

/**
 * Work that only reads: Strapi's document service wraps its finds and counts in a transaction,
 * which would otherwise begin IMMEDIATE and wait for an import. A plain BEGIN never waits in WAL
 * mode (platform/document-middlewares/reads-without-write-lock.ts marks them).
 */
const readsOnly = new AsyncLocalStorage<true>();
export const asReadsOnly = <T>(work: () => T): T => readsOnly.run(true, work);

/**
 * Makes knex's better-sqlite3 client wait (without blocking) for the write lock, begin its
 * transactions IMMEDIATE, and let the event loop turn after each statement. On the client's
 * class: a transaction's queries go through a client knex makes from the class, not from the
 * instance. Idempotent; applies to every SQLite connection of the process, all this app's.
 */
export function waitForWriteLock(): void {
  const Client = require('knex/lib/dialects/better-sqlite3');
  const proto = Client.prototype;
  if (proto.__waitsForWriteLock) return;
  proto.__waitsForWriteLock = true;
  const query = proto._query;
  proto._query = async function (this: any, connection: any, obj: any) {
    const done = await whenUnlocked(() => query.call(this, connection, obj), this.config);
    // better-sqlite3 runs a statement synchronously and its promise settles at once: without
    // a turn of the event loop between statements, an import's thousands of inserts would
    // keep every request (the panel's own pages, a cancel) waiting until it ends.
    await new Promise((r) => setImmediate(r));
    return done;
  };
  const transaction = proto.transaction;
  proto.transaction = function (this: any, ...args: any[]) {
    const trx = transaction.apply(this, args);
    const reads = Boolean(readsOnly.getStore());
    // Replaced before the transaction acquires its connection (a later tick); a nested one
    // (made by a transaction's client) takes a savepoint instead and never calls begin. Run on
    // the driver: knex's own begin turns a failed BEGIN into a transaction that is already
    // over, which its caller would only learn of at its first query ("already complete").
    trx.begin = (conn: any) => whenUnlocked(() => conn.exec(reads ? 'BEGIN' : 'BEGIN IMMEDIATE'), this.config);
    if (!reads && !this.transacting) {
      // The turn is taken before the connection and given back after it is released.
      const acquire = trx.acquireConnection;
      trx.acquireConnection = async function (this: any, ...acquireArgs: any[]) {
        const release = await takeWriteTurn();
        try {
          return await acquire.apply(this, acquireArgs);
        } finally {
          release();
        }
      };
    }
    return trx;
  };
}

/**
 * Lets the server's SQLite pool grow past knex's one connection once Strapi has started, so
 * that reads go on through the others while one connection writes (WAL: each reads what was
 * committed). Not before: Strapi's schema sync turns foreign keys off and on around its
 * changes, which must happen on the connection it changes tables on. Every new connection is
 * configured as the first (config/database.ts).
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
  const config: any = {
    client: 'better-sqlite3',
    connection: { filename: server.client.connectionSettings.filename },
    useNullAsDefault: true,
    [IMPORT_CONNECTION]: true,
    pool: { min: 1, max: 1, afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => done(null, (configureSqliteConnection(conn), conn)) },
  };
  const own = createKnex(config);
  return { knex: own, release: () => own.destroy() };
}
