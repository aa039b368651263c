#!/usr/bin/env node
'use strict';
/**
 * npm run bench:cluster — the staff API mix through a real HAProxy, in front of 1 and of 3
 * instances in the same run, on the same PostgreSQL database, measured in alternating blocks.
 * On one small machine throughput cannot grow with instances (they share the cores); what
 * this shows is the cost of running several (shared limits, the cache bus, pg-boss per
 * instance): 3 instances must keep at least 85% of 1 instance's requests/s and lose no request.
 *
 *   --database-url URL      default BENCH_DATABASE_URL or .../layanan_pbi_bench_cluster (seeded on first use)
 *   --concurrency 8         requests in flight
 *   --seconds 15            per measured block
 *   --rounds 2              blocks per setup (alternating 1, 3, 1, 3, …)
 *
 * The last line of output is one JSON object with the figures.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { freePort, log, opt, repoRoot, SECRETS, sleep, startServer, withClient } = require('./support');

const DATABASE_URL = opt('database-url', process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/layanan_pbi_bench_cluster');
const CONCURRENCY = Number(opt('concurrency', 8));
const SECONDS = Number(opt('seconds', 15));
const ROUNDS = Number(opt('rounds', 2));
const MIN_RATIO = 0.85;
const PASSWORD = 'Demo-PBI-2026!';
const USERS = ['tarakan.petugas', 'tarakan.kabid', 'tarakan.desa1', 'magetan.petugas', 'magetan.kecamatan', 'banjarbaru.petugas'];

async function ensureDatabase() {
  const u = new URL(DATABASE_URL);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  await withClient(u.toString(), async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await c.query(`create database "${name.replace(/"/g, '""')}"`);
  });
}

/** Another instance on the same database: the compiled server the first one built (tests/cluster/instance.js). */
async function startInstance(dataDir) {
  const port = await freePort();
  const env = { ...process.env, ...SECRETS, DATABASE_URL, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'error', NODE_ENV: 'production', SEED: 'false', STRAPI_TELEMETRY_DISABLED: 'true' };
  const child = spawn(process.execPath, [path.join(repoRoot, 'tests', 'cluster', 'instance.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      if (/^ready \d+/m.test(out)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`instance exited (${code}):\n${out.slice(-3000)}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return { port, stop };
}

function haproxyConfig(front1, front3, ports) {
  const servers = (list) => list.map((p, i) => `  server i${i + 1} 127.0.0.1:${p} check`).join('\n');
  return `global
  maxconn 4000
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout check 5s
  option forwardfor
  default-server inter 2s fall 3 rise 1
frontend one
  bind 127.0.0.1:${front1}
  default_backend one
frontend three
  bind 127.0.0.1:${front3}
  default_backend three
backend one
  balance roundrobin
  option httpchk GET /_health
${servers(ports.slice(0, 1))}
backend three
  balance roundrobin
  option httpchk GET /_health
${servers(ports)}
`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(port, method, pathname, token, body) {
  return new Promise((resolve) => {
    const data = body ? Buffer.from(JSON.stringify(body)) : null;
    const headers = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}) };
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e) => resolve({ status: 0, text: String(e.message) }));
    if (data) req.write(data);
    req.end();
  });
}

const enc = encodeURIComponent;
const list = (filter, sort, start = 0) => `/api/panel/cases?filter=${enc(JSON.stringify(filter))}&sort=${enc(JSON.stringify(sort))}&range=${enc(JSON.stringify([start, start + 24]))}`;

/** The staff API mix: who am I, my queue, overdue, cases in progress, a case view with its actions. */
function mix(sessions) {
  const ops = [];
  for (const s of sessions) {
    ops.push(['GET', '/api/panel/me', s.token]);
    ops.push(['GET', list({ queue: 'mine' }, ['dueAt', 'ASC']), s.token]);
    ops.push(['GET', list({ overdue: true }, ['dueAt', 'ASC']), s.token]);
    ops.push(['GET', list({ status: 'in-progress' }, ['receivedAt', 'DESC']), s.token]);
    for (const id of s.cases) ops.push(['GET', `/api/panel/cases/${id}/actions`, s.token]);
  }
  return ops;
}

async function measure(port, ops, seconds) {
  const latencies = [];
  let errors = 0;
  let i = 0;
  const until = Date.now() + seconds * 1000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const [method, p, token] = ops[i++ % ops.length];
        const s = process.hrtime.bigint();
        const r = await request(port, method, p, token);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        if (r.status < 200 || r.status >= 300) errors += 1;
      }
    }),
  );
  return { latencies, errors, ms: Date.now() - t0 };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (blocks) => {
  const lat = blocks.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const ms = blocks.reduce((n, b) => n + b.ms, 0);
  return {
    requests: lat.length,
    errors: blocks.reduce((n, b) => n + b.errors, 0),
    rps: Math.round((lat.length / ms) * 1000 * 10) / 10,
    p50: Math.round(pct(lat, 50) * 10) / 10,
    p95: Math.round(pct(lat, 95) * 10) / 10,
  };
};

async function main() {
  await ensureDatabase();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cluster-'));
  const stops = [];
  let haproxy = null;
  try {
    log('bench: starting the first instance (npm start: build, schema, seed on first use)');
    const first = await startServer(DATABASE_URL, { env: { DATA_DIR: path.join(root, 'i1'), SEED_DEMO: 'true' } });
    stops.push(first.stop);
    const firstPort = Number(new URL(first.base).port);
    log('bench: starting two more instances');
    const others = await Promise.all([startInstance(path.join(root, 'i2')), startInstance(path.join(root, 'i3'))]);
    for (const o of others) stops.push(o.stop);
    const [front1, front3] = [await freePort(), await freePort()];
    const config = path.join(root, 'haproxy.cfg');
    fs.writeFileSync(config, haproxyConfig(front1, front3, [firstPort, ...others.map((o) => o.port)]));
    haproxy = spawn('haproxy', ['-db', '-f', config], { stdio: 'ignore' });
    for (let i = 0; i < 100 && (await request(front3, 'GET', '/_health')).status !== 204; i += 1) await sleep(200);
    await sleep(2500); // every health check passed once

    const sessions = [];
    for (const username of USERS) {
      const r = await request(front3, 'POST', '/api/panel/login', null, { identifier: username, password: PASSWORD });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text.slice(0, 200)}`);
      const token = JSON.parse(r.text).jwt;
      const cases = JSON.parse((await request(front3, 'GET', list({}, ['dueAt', 'ASC']), token)).text)
        .slice(0, 3)
        .map((c) => c.id);
      sessions.push({ token, cases });
    }
    // Only requests each staff member may make: one that answers otherwise once is left out (and said).
    const ops = [];
    for (const op of mix(sessions)) {
      const r = await request(front3, op[0], op[1], op[2]);
      if (r.status >= 200 && r.status < 300) ops.push(op);
      else log(`bench: left out of the mix (${r.status}): ${op[0]} ${decodeURIComponent(op[1]).slice(0, 80)}`);
    }
    log(`bench: ${ops.length} requests in the mix, ${USERS.length} staff, concurrency ${CONCURRENCY}, ${ROUNDS} × ${SECONDS} s per setup`);
    // Warm-up: every instance's code paths compiled and caches filled before measuring.
    await measure(front1, ops, SECONDS);
    await measure(front3, ops, SECONDS);
    const blocks = { one: [], three: [] };
    for (let r = 0; r < ROUNDS; r += 1) {
      blocks.one.push(await measure(front1, ops, SECONDS));
      blocks.three.push(await measure(front3, ops, SECONDS));
    }
    const one = summary(blocks.one);
    const three = summary(blocks.three);
    const ratio = Math.round((three.rps / one.rps) * 1000) / 1000;
    log(`1 instance : ${one.rps} req/s, p50 ${one.p50} ms, p95 ${one.p95} ms, ${one.errors} errors of ${one.requests}`);
    log(`3 instances: ${three.rps} req/s, p50 ${three.p50} ms, p95 ${three.p95} ms, ${three.errors} errors of ${three.requests}`);
    const ok = ratio >= MIN_RATIO && one.errors === 0 && three.errors === 0;
    log(`3 instances keep ${(ratio * 100).toFixed(1)}% of 1 instance's throughput (at least ${MIN_RATIO * 100}% wanted), errors ${one.errors + three.errors}: ${ok ? 'OK' : 'NOT MET'}`);
    console.log(JSON.stringify({ bench: 'cluster', cpus: os.cpus().length, concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS, one, three, ratio, minRatio: MIN_RATIO, ok }));
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (haproxy) haproxy.kill('SIGTERM');
    await Promise.all(stops.map((s) => s()));
    fs.rmSync(root, { recursive: true, force: true });
    agent.destroy();
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
