#!/usr/bin/env node
'use strict';
/**
 * npm run bench:api — the staff API's typical list queries against Strapi's own REST endpoint
 * (/api/cases with the equivalent filters, sort, pagination and relations), on the same big
 * PostgreSQL database, in the same run, at concurrency 1 and 10, the two sides measured in
 * alternating blocks.
 *
 *   --cases 1000000 --applicants 500000   data wanted; fewer cases in the database runs the
 *                                         generator (database/generate/run.js, or --generator)
 *   --database-url URL                    default BENCH_DATABASE_URL or .../layanan_pbi_bench
 *   --requests 200                        measured requests per query, side and concurrency
 *   --seconds 20                          time limit per measurement (the stock side is slow)
 *   --warmup 500 --warmup-seconds 4       requests (or seconds) per query and side before measuring
 *   --queries my-queue,overdue            only these queries
 *
 * The last line of output is one JSON object with the figures.
 */
const { spawnSync } = require('child_process');
const http = require('http');
const path = require('path');
const { log, opt, repoRoot, SECRETS, startServer: startApp, withClient } = require('./support');

const WANT_CASES = Number(opt('cases', 1_000_000));
const WANT_APPLICANTS = Number(opt('applicants', 500_000));
const REQUESTS = Number(opt('requests', 200));
const SECONDS = Number(opt('seconds', 20));
const GENERATOR = path.resolve(repoRoot, opt('generator', path.join('database', 'generate', 'run.js')));
const DATABASE_URL = opt('database-url', process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/layanan_pbi_bench');
const TARGET_P95_MS = 25;
const TARGET_SPEEDUP = 5;
const PAGE = 25;
const WARMUP = Number(opt('warmup', 500));
const WARMUP_SECONDS = Number(opt('warmup-seconds', 4));

async function ensureDatabase() {
  const u = new URL(DATABASE_URL);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  await withClient(u.toString(), async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      log(`bench: creating database ${name}`);
      await c.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  });
}

/** The app on the bench database (bench/support.js), with Strapi's stock find of cases opened for the comparison (cms/src/api/case/routes/case.ts). */
const startServer = () => startApp(DATABASE_URL, { tries: 600, env: { BENCH_STOCK_CASES: 'true' } });

/** Runs the generator for what is missing (it adds rows on top of what is there). */
async function ensureData() {
  const count = async (table) => withClient(DATABASE_URL, async (c) => Number((await c.query(`select count(*) n from ${table}`)).rows[0].n));
  const cases = await count('cases');
  if (cases >= WANT_CASES) return;
  const applicants = await count('applicants');
  const add = { cases: WANT_CASES - cases, applicants: Math.max(0, WANT_APPLICANTS - applicants) };
  log(`bench: ${cases} cases in the database, ${WANT_CASES} wanted: running ${path.relative(repoRoot, GENERATOR)} --cases ${add.cases} --applicants ${add.applicants}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [GENERATOR, '--cases', String(add.cases), '--applicants', String(add.applicants)], {
    cwd: repoRoot,
    env: { ...process.env, ...SECRETS, DATABASE_URL },
    stdio: 'inherit',
  });
  if (r.error || r.status !== 0) throw new Error(`the generator failed (${r.error?.message ?? `exit ${r.status}`}); is ${path.relative(repoRoot, GENERATOR)} there?`);
  await withClient(DATABASE_URL, (c) => c.query('vacuum analyze'));
  log(`bench: data generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** A read-only API token for the stock REST endpoint, minted straight into the database. */
async function apiToken() {
  const crypto = require('crypto');
  const accessKey = crypto.randomBytes(64).toString('hex');
  const hash = crypto.createHmac('sha512', SECRETS.API_TOKEN_SALT).update(accessKey).digest('hex');
  await withClient(DATABASE_URL, async (c) => {
    await c.query("delete from strapi_api_tokens where name = 'bench:api'");
    await c.query(
      `insert into strapi_api_tokens (document_id, name, description, kind, type, access_key, lifespan, expires_at, created_at, updated_at, published_at)
       values ($1, 'bench:api', 'read-only token of npm run bench:api', 'content-api', 'read-only', $2, null, null, now(), now(), now())`,
      [crypto.randomBytes(12).toString('hex'), hash],
    );
  });
  return accessKey;
}

/** Values to rotate through, from the data itself: busy villages, names and NIKs of applicants. */
async function sampleParameters(office) {
  return withClient(DATABASE_URL, async (c) => {
    const villages = (await c.query("select village_code v from cases where office_code = $1 and status = 'in-progress' group by 1 order by count(*) desc limit 20", [office])).rows.map((r) => r.v);
    const people = (await c.query('select name, nik from applicants where office_code = $1 order by md5(id::text) limit 40', [office])).rows;
    return { villages, names: people.map((p) => p.name), nikPrefixes: people.map((p) => p.nik.slice(0, 12)) };
  });
}

const enc = encodeURIComponent;
const panelList = (filter, sort, start) => `/api/panel/cases?filter=${enc(JSON.stringify(filter))}&sort=${enc(JSON.stringify(sort))}&range=${enc(JSON.stringify([start, start + PAGE - 1]))}`;
/** The stock request returning the same page: same filters, sort, page and related labels. */
const stockList = (office, filters, sort, start) =>
  `/api/cases?filters[officeCode][$eq]=${enc(office)}&${filters}&sort=${sort}&pagination[start]=${start}&pagination[limit]=${PAGE}` +
  '&populate[applicant][fields][0]=name&populate[service][fields][0]=title&populate[office][fields][0]=name&populate[assignee][fields][0]=fullName&populate[assignee][fields][1]=username&populate[batch][fields][0]=code';

function queries(office, role, p) {
  const pick = (list, i) => list[i % list.length];
  const start = (i) => (i % 4) * PAGE;
  const now = () => new Date().toISOString();
  return [
    {
      name: 'my-queue',
      panel: (i) => panelList({ queue: 'mine' }, ['dueAt', 'ASC'], start(i)),
      stock: (i) => stockList(office, `filters[queueRoles][$contains]=${enc(`|${role}|`)}`, 'dueAt:asc', start(i)),
    },
    {
      name: 'overdue',
      panel: (i) => panelList({ overdue: true }, ['dueAt', 'ASC'], start(i)),
      stock: (i) => stockList(office, `filters[status][$in][0]=in-progress&filters[status][$in][1]=waiting&filters[dueAt][$lt]=${enc(now())}`, 'dueAt:asc', start(i)),
    },
    {
      name: 'village-status',
      panel: (i) => panelList({ villageCode: pick(p.villages, i), status: 'in-progress' }, ['receivedAt', 'DESC'], start(i)),
      stock: (i) => stockList(office, `filters[villageCode][$eq]=${enc(pick(p.villages, i))}&filters[status][$eq]=in-progress`, 'receivedAt:desc', start(i)),
    },
    {
      name: 'search-name',
      panel: (i) => panelList({ q: pick(p.names, i) }, ['dueAt', 'ASC'], 0),
      stock: (i) => stockList(office, `filters[applicant][name][$containsi]=${enc(pick(p.names, i))}`, 'dueAt:asc', 0),
    },
    {
      name: 'search-nik',
      panel: (i) => panelList({ q: pick(p.nikPrefixes, i) }, ['dueAt', 'ASC'], 0),
      stock: (i) => stockList(office, `filters[applicant][nik][$startsWith]=${enc(pick(p.nikPrefixes, i))}`, 'dueAt:asc', 0),
    },
    {
      name: 'by-due-date',
      panel: (i) => panelList({}, ['dueAt', 'ASC'], start(i)),
      stock: (i) => stockList(office, '', 'dueAt:asc', start(i)).replace('&&', '&'),
    },
  ];
}

/**
 * The load generator's HTTP client: node:http with a keep-alive agent, as load generators
 * (autocannon, wrk) use. fetch (undici) spends about 0.3 ms of the bench's own CPU per request,
 * which counted in both sides' latency and hid a fifth of the panel's at concurrency 1.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(base, url, token) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(base + url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const ms = performance.now() - t0;
        if (res.statusCode !== 200) return reject(new Error(`${res.statusCode} on ${url}: ${JSON.stringify(body).slice(0, 300)}`));
        const range = res.headers['content-range'];
        const total = range ? Number(range.split('/').pop()) : body.meta?.pagination?.total;
        resolve({ ms, total, rows: Array.isArray(body) ? body.length : body.data.length, estimated: res.headers['x-total-estimated'] === 'true' });
      });
    });
    req.on('error', reject);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Requests urlOf(from)…urlOf(from + count - 1), `concurrency` at a time, until done or the deadline. */
async function block(base, token, urlOf, concurrency, from, count, deadline) {
  const times = [];
  let next = from;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < from + count && (Date.now() < deadline || times.length < concurrency * 3)) {
        const i = next++;
        times.push((await request(base, urlOf(i), token)).ms);
      }
    }),
  );
  return { times, seconds: (performance.now() - t0) / 1000 };
}

const ROUNDS = 4;

/**
 * Both sides of a query at one concurrency, `count` requests each (or as many as fit in
 * SECONDS), in ROUNDS alternating blocks: panel, stock, panel, stock… so that both meet the
 * same machine (other processes, CPU frequency) rather than one side a quiet minute and the
 * other a busy one.
 */
async function measurePair(base, q, tokens, concurrency, count) {
  for (let i = 0; i < 10; i += 1) {
    await request(base, q.panel(1000 + i), tokens.panel);
    await request(base, q.stock(1000 + i), tokens.stock);
  }
  const sides = { panel: { times: [], seconds: 0 }, stock: { times: [], seconds: 0 } };
  const per = Math.ceil(count / ROUNDS);
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const side of ['panel', 'stock']) {
      const done = await block(base, tokens[side], q[side], concurrency, r * per, per, Date.now() + (SECONDS * 1000) / ROUNDS);
      sides[side].times.push(...done.times);
      sides[side].seconds += done.seconds;
    }
  }
  const round = (x) => Math.round(x * 10) / 10;
  const figures = ({ times, seconds }) => {
    times.sort((a, b) => a - b);
    return { requests: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), rps: round(times.length / seconds) };
  };
  return { panel: figures(sides.panel), stock: figures(sides.stock) };
}

async function main() {
  const t0 = Date.now();
  await ensureDatabase();
  log('bench: building the server code');
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'start.js'), '--build-only', '--no-admin'], { cwd: repoRoot, env: { ...process.env, ...SECRETS }, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  // First boot migrates and seeds; the generator then fills in the bulk.
  let server = await startServer();
  await server.stop();
  await ensureData();
  await withClient(DATABASE_URL, (c) => c.query('analyze'));
  server = await startServer();
  try {
    const facts = await withClient(DATABASE_URL, async (c) => ({
      cases: Number((await c.query('select count(*) n from cases')).rows[0].n),
      applicants: Number((await c.query('select count(*) n from applicants')).rows[0].n),
      office: (await c.query('select office_code o from cases group by 1 order by count(*) desc limit 1')).rows[0].o,
    }));
    const role = 'petugas';
    const login = await fetch(`${server.base}/api/panel/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: `${facts.office}.${role}`, password: 'Demo-PBI-2026!' }),
    });
    const { jwt } = await login.json();
    if (!jwt) throw new Error(`cannot log in as ${facts.office}.${role} (demo users are seeded with SEED_DEMO=true)`);
    const stockToken = await apiToken();
    const params = await sampleParameters(facts.office);
    log(`bench: ${facts.cases} cases, ${facts.applicants} applicants; office ${facts.office}, as ${role}; ${REQUESTS} requests per measurement (at most ${SECONDS} s)`);
    log('query            conc   panel p50/p95 ms   req/s  |  stock p50/p95 ms   req/s  | speedup  totals panel/stock');
    // Warm both sides alike first: database cache, prepared plans, compiled JavaScript. A
    // server's request path takes several hundred requests to reach its steady speed (V8
    // optimises it in stages), so each side gets WARMUP requests or WARMUP_SECONDS, whichever
    // ends first.
    const only = opt('queries', '').split(',').filter(Boolean);
    const all = queries(facts.office, role, params).filter((q) => !only.length || only.includes(q.name));
    for (const q of all) {
      for (const [side, token] of [
        ['panel', jwt],
        ['stock', stockToken],
      ]) {
        const until = Date.now() + WARMUP_SECONDS * 1000;
        for (let i = 0; i < WARMUP && Date.now() < until; i += 1) await request(server.base, q[side](500 + i), token);
      }
    }
    const results = {};
    for (const q of all) {
      const a = await request(server.base, q.panel(0), jwt);
      const b = await request(server.base, q.stock(0), stockToken);
      const totals = `${a.total}${a.estimated ? '~' : ''}/${b.total}`;
      if (!a.estimated && a.total !== b.total) log(`bench: warning: ${q.name}: the panel counts ${a.total}, the stock endpoint ${b.total}`);
      // Both sides must return the same page, or the comparison means nothing.
      if (a.rows !== b.rows) throw new Error(`${q.name}: the panel's first page has ${a.rows} rows, the stock endpoint's ${b.rows}`);
      results[q.name] = { total: { panel: a.total, panelEstimated: a.estimated, stock: b.total } };
      for (const concurrency of [1, 10]) {
        const { panel, stock } = await measurePair(server.base, q, { panel: jwt, stock: stockToken }, concurrency, concurrency === 1 ? REQUESTS : REQUESTS * 2);
        const speedup = Math.round((panel.rps / stock.rps) * 10) / 10;
        results[q.name][`c${concurrency}`] = { panel, stock, speedup };
        log(
          `${q.name.padEnd(16)} ${String(concurrency).padStart(4)}   ${`${panel.p50}/${panel.p95}`.padStart(15)} ${String(panel.rps).padStart(7)}  |  ${`${stock.p50}/${stock.p95}`.padStart(15)} ${String(stock.rps).padStart(7)}  | ${String(speedup).padStart(6)}x  ${totals}`,
        );
      }
    }
    const names = Object.keys(results);
    const worstP95 = Math.max(...names.map((n) => results[n].c1.panel.p95));
    const minSpeedup = Math.min(...names.flatMap((n) => [results[n].c1.speedup, results[n].c10.speedup]));
    // The panel's mix: each query as often as the others (requests/s of the mix = harmonic mean).
    const mixRps = (c, side) => Math.round((names.length / names.reduce((sum, n) => sum + 1 / results[n][c][side].rps, 0)) * 10) / 10;
    const mix = Object.fromEntries(['c1', 'c10'].map((c) => [c, { panel: mixRps(c, 'panel'), stock: mixRps(c, 'stock'), speedup: Math.round((mixRps(c, 'panel') / mixRps(c, 'stock')) * 10) / 10 }]));
    const met = worstP95 <= TARGET_P95_MS && minSpeedup >= TARGET_SPEEDUP;
    log(`bench: mix of the ${names.length} queries: ${mix.c1.panel} vs ${mix.c1.stock} req/s at concurrency 1 (${mix.c1.speedup}x), ${mix.c10.panel} vs ${mix.c10.stock} at 10 (${mix.c10.speedup}x)`);
    log(
      `bench: worst panel p95 at concurrency 1: ${worstP95} ms (target ${TARGET_P95_MS}); smallest speedup of a query: ${minSpeedup}x (target ${TARGET_SPEEDUP}x): ${met ? 'targets met' : 'TARGETS NOT MET'}; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    console.log(
      JSON.stringify({
        bench: 'api',
        cases: facts.cases,
        applicants: facts.applicants,
        office: facts.office,
        role,
        page: PAGE,
        queries: results,
        mix,
        worstP95C1: worstP95,
        minSpeedup,
        targets: { p95C1Ms: TARGET_P95_MS, speedup: TARGET_SPEEDUP },
        met,
      }),
    );
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(`bench:api failed: ${err.message}`);
  process.exit(1);
});
