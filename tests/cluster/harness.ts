/**
 * A cluster for the multi-instance suites: N instances of the compiled server (child processes,
 * each its own DATA_DIR and port, same secrets) on one PostgreSQL database, behind a real
 * HAProxy (round robin, health check on /_health). The balancer names the instance that
 * answered in X-Instance.
 */
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { DB_PREFIX, TEMPLATE, dropPg, recreatePg, urlFor } from '../setup/databases';
import { applyTestEnv } from '../setup/test-env';
import { httpClient, type TestServer } from '../helpers/strapi';

export interface Endpoint extends TestServer {
  name: string;
}

export interface Cluster {
  balancer: Endpoint;
  instances: Endpoint[];
  /** The object storage every instance uses (s3rver, standing for AWS S3, MinIO, Ceph RGW). */
  storage: { bucket: string; env: Record<string, string> };
  databaseUrl: string;
  /** A client of the cluster's database. */
  sql<T = any>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

const instanceScript = path.join(__dirname, 'instance.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function endpoint(name: string, url: string): Endpoint {
  return { name, url, http: httpClient(url), strapi: undefined, stop: async () => {} };
}

function waitForLine(child: ChildProcess, pattern: RegExp, label: string, ms: number): Promise<void> {
  let out = '';
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: not ready within ${ms / 1000} s:\n${out.slice(-4000)}`)), ms);
    const onData = (d: Buffer) => {
      out += d;
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready:\n${out.slice(-4000)}`));
    });
  });
}

function stopChild(child: ChildProcess, ms = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function haproxyConfig(port: number, servers: { name: string; port: number }[]): string {
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 120s',
    '  timeout server 120s',
    // A busy instance (this machine has 2 cores) may take a while to answer its health check.
    '  timeout check 5s',
    '  option forwardfor',
    'frontend site',
    `  bind 127.0.0.1:${port}`,
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /_health',
    '  http-check expect status 204',
    '  default-server inter 1s fall 3 rise 1',
    '  http-response set-header X-Instance %s',
    ...servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`),
    '',
  ].join('\n');
}

/** Starts s3rver, then `count` instances in parallel, then the balancer; resolves once every instance answers through it. */
export async function startCluster(count = 3, env: Record<string, string> = {}): Promise<Cluster> {
  applyTestEnv();
  if (process.env.TEST_DB_KIND !== 'postgres') throw new Error('The cluster suite needs PostgreSQL (TEST_DATABASE_URL)');
  const database = `${DB_PREFIX}_cluster_w${process.env.JEST_WORKER_ID ?? '1'}`;
  await recreatePg(database, TEMPLATE);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layanan-cluster-'));
  const children: ChildProcess[] = [];
  let haproxy: ChildProcess | null = null;
  const db = new Client({ connectionString: urlFor(database) });
  let s3rver: { close(): Promise<void> } | null = null;
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    if (haproxy) await stopChild(haproxy, 2000);
    await s3rver?.close().catch(() => {});
    await db.end().catch(() => {});
    await dropPg(database);
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const S3rver = require('s3rver');
    const bucket = 'layanan-pbi';
    const s3Port = await freePort();
    const s3 = new S3rver({ address: '127.0.0.1', port: s3Port, silent: true, directory: path.join(root, 's3'), configureBuckets: [{ name: bucket }] });
    await s3.run();
    s3rver = s3;
    const storage = {
      bucket,
      env: {
        STORAGE_S3_BUCKET: bucket,
        STORAGE_S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
        STORAGE_S3_REGION: 'us-east-1',
        STORAGE_S3_FORCE_PATH_STYLE: 'true',
        STORAGE_S3_ACCESS_KEY_ID: 'S3RVER',
        STORAGE_S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    };
    const servers = await Promise.all(Array.from({ length: count }, async (_, i) => ({ name: `i${i + 1}`, port: await freePort() })));
    const boot = (s: { name: string; port: number }) => {
      const dataDir = path.join(root, s.name);
      fs.mkdirSync(dataDir, { recursive: true });
      const child = spawn(process.execPath, [instanceScript], {
        env: { ...process.env, DATABASE_URL: urlFor(database), DATA_DIR: dataDir, PORT: String(s.port), SEED: 'false', TRUST_PROXY: '1', ...storage.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      return waitForLine(child, /^ready \d+/m, `instance ${s.name}`, 180_000);
    };
    // The first instance alone, as a deployment does after an upgrade: Strapi's bootstrap syncs
    // the schema and permissions and is not safe to run twice at once; then the others together.
    await boot(servers[0]);
    await Promise.all(servers.slice(1).map(boot));
    const port = await freePort();
    const config = path.join(root, 'haproxy.cfg');
    fs.writeFileSync(config, haproxyConfig(port, servers));
    haproxy = spawn('haproxy', ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    const balancer = endpoint('balancer', `http://127.0.0.1:${port}`);
    // Ready when every instance has answered through the balancer (its health checks passed).
    const seen = new Set<string>();
    for (const until = Date.now() + 30_000; seen.size < count;) {
      if (Date.now() > until || haproxy.exitCode !== null) throw new Error(`HAProxy did not reach every instance (saw ${[...seen].join(', ') || 'none'})`);
      const res = await balancer.http('/_health').catch(() => null);
      if (res?.status === 204) seen.add(res.headers.get('x-instance') ?? '');
      else await new Promise((r) => setTimeout(r, 200));
    }
    await db.connect();
    return {
      databaseUrl: urlFor(database),
      storage,
      balancer,
      instances: servers.map((s) => endpoint(s.name, `http://127.0.0.1:${s.port}`)),
      sql: async (text, values) => (await db.query(text, values as any[])).rows,
      stop,
    };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}
