import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Rate limits counted across every instance, through rate-limiter-flexible: in Redis when
 * REDIS_URL is set, else in PostgreSQL (table cluster_rate_limits) when the database is
 * PostgreSQL, else in memory (SQLite: one machine, one process). A store that fails falls back
 * to counting in memory for that request (the library's insurance limiter) rather than refusing
 * or letting everyone through.
 *
 * A limit is "capacity per window": `capacity` actions, the window lasting as long as the old
 * token bucket took to refill completely (capacity / refillPerMinute minutes).
 */
export interface LimitSpec {
  /** unique per limit: the key prefix in the shared store */
  name: string;
  capacity: number;
  refillPerMinute: number;
}

export interface SharedLimiter {
  /** Takes one action for `key`: 0 when allowed, else the seconds until one is. */
  take(key: string): Promise<number>;
  /** Gives back an action taken for something that did not count. */
  refund(key: string): Promise<void>;
  /** Starts every key afresh (tests): synchronous, so an un-awaited reset holds for the next request. */
  reset(): void;
}

export const RATE_LIMIT_TABLE = 'cluster_rate_limits';

type Store = { kind: 'memory' } | { kind: 'postgres'; knex: unknown } | { kind: 'redis'; client: unknown };
let store: Store = { kind: 'memory' };
let redis: { quit(): Promise<unknown>; disconnect(): void } | null = null;

/** Picks the store (bootstrap, before any limiter is made). */
export async function startLimiterStore(strapi: Core.Strapi): Promise<void> {
  const url = process.env.REDIS_URL;
  if (url) {
    const Redis = require('ioredis');
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    client.on('error', (e: Error) => strapi.log.warn(`Rate limits: Redis ${e.message}`));
    await client.connect();
    redis = client;
    store = { kind: 'redis', client };
  } else if (strapi.db.dialect.client === 'postgres') {
    const knex = strapi.db.connection;
    // Made here once (several instances may start together: a concurrent create is fine).
    await knex.raw(`create table if not exists ${RATE_LIMIT_TABLE} (key varchar(255) primary key, points integer not null default 0, expire bigint)`).catch((e: any) => {
      if (e?.code !== '23505') throw e;
    });
    store = { kind: 'postgres', knex };
  } else store = { kind: 'memory' };
  strapi.log.info(`Rate limits counted in ${store.kind}`);
}

export async function stopLimiterStore(): Promise<void> {
  const client = redis;
  redis = null;
  store = { kind: 'memory' };
  if (client) await client.quit().catch(() => client.disconnect());
}

export function limiterStoreKind(): Store['kind'] {
  return store.kind;
}

/** Deletes counters whose window ended (PostgreSQL; Redis and memory expire them themselves). */
export async function removeExpiredLimits(strapi: Core.Strapi): Promise<number> {
  if (strapi.db.dialect.client !== 'postgres') return 0;
  const exists = await strapi.db.connection.schema.hasTable(RATE_LIMIT_TABLE);
  return exists ? strapi.db.connection(RATE_LIMIT_TABLE).where('expire', '<', Date.now()).del() : 0;
}

function build(spec: LimitSpec, generation: number): RateLimiterAbstract {
  const options = {
    keyPrefix: `${spec.name}.${generation}`,
    points: spec.capacity,
    duration: Math.max(1, Math.round((spec.capacity / spec.refillPerMinute) * 60)),
  };
  const insuranceLimiter = new RateLimiterMemory(options);
  if (store.kind === 'redis') return new RateLimiterRedis({ ...options, storeClient: store.client, insuranceLimiter });
  if (store.kind === 'postgres') return new RateLimiterPostgres({ ...options, storeClient: store.knex, storeType: 'knex', tableName: RATE_LIMIT_TABLE, tableCreated: true, insuranceLimiter });
  return insuranceLimiter;
}

/** A limit shared by every instance (made lazily: the store is chosen at bootstrap). */
export function sharedLimiter(spec: LimitSpec): SharedLimiter {
  let generation = 0;
  let limiter: RateLimiterAbstract | null = null;
  let builtFor: Store['kind'] | null = null;
  const current = () => {
    if (!limiter || builtFor !== store.kind) {
      limiter = build(spec, generation);
      builtFor = store.kind;
    }
    return limiter;
  };
  return {
    async take(key) {
      try {
        await current().consume(key, 1);
        return 0;
      } catch (res) {
        if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw res;
      }
    },
    async refund(key) {
      await current().reward(key, 1);
    },
    reset() {
      generation += 1;
      limiter = null;
    },
  };
}
