import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { Client, type ClientConfig } from 'pg';

/**
 * The cluster's notification bus: PostgreSQL LISTEN/NOTIFY on one channel. Every instance
 * listens on its own connection; an announcement reaches the others within milliseconds. An
 * instance always acts on its own change directly (the caller did), so its own echo is ignored.
 * On SQLite (one machine, one process) there is nobody else to tell: announcements stay local.
 *
 * While the listening connection is down an instance might miss announcements, so each
 * reconnection calls every handler with `undefined` ("forget everything").
 */
const CHANNEL = 'layanan_pbi_cluster';
const ORIGIN = randomUUID();

export type ClusterEvent = 'staff' | 'queue-values';
type Handler = (key: string | number | undefined) => void;

const handlers = new Map<ClusterEvent, Handler[]>();
let listener: Client | null = null;
let config: ClientConfig | null = null;
let log: Core.Strapi['log'] | null = null;
type Sender = { raw(sql: string, bindings: unknown[]): PromiseLike<unknown> };
/** Announcements go through the server's pool (the listening connection only listens). */
let sender: Sender | null = null;
let stopped = true;
let retry: NodeJS.Timeout | null = null;

export function onClusterEvent(event: ClusterEvent, handler: Handler): void {
  handlers.set(event, [...(handlers.get(event) ?? []), handler]);
}

function deliver(event: ClusterEvent, key: string | number | undefined): void {
  for (const handler of handlers.get(event) ?? []) {
    try {
      handler(key);
    } catch (e: any) {
      log?.warn(`Cluster bus: handler of ${event} failed: ${e?.message ?? e}`);
    }
  }
}

/**
 * Tells the other instances (not this one) that `event` happened for `key` (all keys when
 * omitted). Inside a transaction (`within`), PostgreSQL delivers it when that commits, so the
 * others never reload what is not written yet.
 */
export async function announce(event: ClusterEvent, key?: string | number, within?: Sender): Promise<void> {
  if (!listener) return;
  const message = JSON.stringify({ event, key: key ?? null, origin: ORIGIN });
  const via = within ?? sender;
  if (!via) return;
  const sent = via.raw('select pg_notify(?, ?)', [CHANNEL, message]);
  await Promise.resolve(sent).then(
    () => undefined,
    (e: any) => log?.warn(`Cluster bus: announcement not sent: ${e?.message ?? e}`),
  );
}

async function connect(): Promise<void> {
  if (stopped || !config) return;
  const client = new Client({ ...config, application_name: 'layanan-pbi-cluster-bus' });
  client.on('notification', (n) => {
    if (n.channel !== CHANNEL || !n.payload) return;
    try {
      const { event, key, origin } = JSON.parse(n.payload);
      if (origin !== ORIGIN) deliver(event, key ?? undefined);
    } catch {
      /* not ours */
    }
  });
  client.on('error', (e) => {
    log?.warn(`Cluster bus: connection lost (${e?.message ?? e}); reconnecting`);
    reconnect(client);
  });
  client.on('end', () => reconnect(client));
  try {
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
    // Whatever was announced while we were not listening is lost: forget everything once.
    for (const event of handlers.keys()) deliver(event, undefined);
  } catch (e: any) {
    log?.warn(`Cluster bus: cannot listen (${e?.message ?? e}); retrying in 1 s`);
    reconnect(client);
  }
}

function reconnect(client: Client): void {
  if (listener === client) listener = null;
  client.removeAllListeners('end');
  void client.end().catch(() => {});
  if (stopped || retry) return;
  retry = setTimeout(() => {
    retry = null;
    void connect();
  }, 1000);
  retry.unref();
}

/** Starts listening when the database is PostgreSQL (bootstrap). */
export async function startBus(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  const conn: any = strapi.config.get('database.connection.connection');
  config = typeof conn === 'string' ? { connectionString: conn } : { ...conn };
  log = strapi.log;
  sender = strapi.db.connection;
  stopped = false;
  await connect();
}

export async function stopBus(): Promise<void> {
  stopped = true;
  sender = null;
  if (retry) clearTimeout(retry);
  retry = null;
  const client = listener;
  listener = null;
  if (client) {
    client.removeAllListeners('end');
    await client.end().catch(() => {});
  }
}
