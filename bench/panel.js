#!/usr/bin/env node
/* global document -- page.evaluate and waitForFunction callbacks run in the browser */
'use strict';
/**
 * npm run bench:panel — how fast the staff panel shows the first page of the case list, in
 * headless Chromium, from navigation to the first case row rendered: on the big PostgreSQL
 * database (1,000,000 cases, `layanan_pbi_bench`, as bench:api) and, as the baseline in the same
 * run, on a small database seeded with the demo data only. Each run opens a fresh browser
 * context (cold: nothing cached), then navigates again in it (warm: assets cached).
 *
 *   --cases 1000000          cases wanted in the big database (fewer runs the generator, as bench:api)
 *   --database-url URL       default BENCH_DATABASE_URL or .../layanan_pbi_bench
 *   --runs 7                 navigations per database and list
 *   --user magetan.petugas   demo user whose lists are opened
 *
 * Also reports the gzipped size of the panel's JavaScript. Target: first page within 1.5 s
 * (p95, cold, big database). The last line of output is one JSON object with the figures.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { log, opt, repoRoot, SECRETS, startServer, withClient } = require('./support');

const WANT_CASES = Number(opt('cases', 1_000_000));
const RUNS = Number(opt('runs', 7));
const USER = opt('user', 'magetan.petugas');
const BIG_URL = opt('database-url', process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/layanan_pbi_bench');
const SMALL_DB = 'layanan_pbi_bench_panel_small';
const TARGET_MS = 1500;
const PASSWORD = 'Demo-PBI-2026!';

const urlWithDb = (url, db) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

async function countCases(url) {
  return withClient(url, async (c) => Number((await c.query('select count(*) n from cases')).rows[0].n)).catch(() => 0);
}

/** The big database as bench:api makes it: generated only when it has fewer cases than wanted. */
async function ensureBigData() {
  const cases = await countCases(BIG_URL);
  if (cases >= WANT_CASES) return cases;
  log(`bench: ${cases} cases in ${new URL(BIG_URL).pathname.slice(1)}, ${WANT_CASES} wanted: running database/generate/run.js`);
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'database', 'generate', 'run.js'), '--cases', String(WANT_CASES - cases)], {
    cwd: repoRoot,
    env: { ...process.env, ...SECRETS, DATABASE_URL: BIG_URL },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the generator failed');
  await withClient(BIG_URL, (c) => c.query('vacuum analyze'));
  return countCases(BIG_URL);
}

/** Gzipped size of the panel's JavaScript (what a browser downloads on a first visit). */
function panelJsSize() {
  const assets = path.join(repoRoot, 'admin', 'dist', 'assets');
  let raw = 0;
  let gzip = 0;
  for (const f of fs.readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const buf = fs.readFileSync(path.join(assets, f));
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip };
}

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const stats = (ms) => ({ median: Math.round(quantile(ms, 0.5)), p95: Math.round(quantile(ms, 0.95)), min: Math.round(Math.min(...ms)), max: Math.round(Math.max(...ms)), runs: ms.length });

/** The lists measured, both sorted emergencies first then by due time: the menu's "Antrian saya" and "Kasus" (all cases). */
const LISTS = [
  { name: 'my-queue', route: `/cases?filter=${encodeURIComponent('{"queue":"mine"}')}` },
  { name: 'all-cases', route: '/cases' },
];

/** Navigation → first case row in the table, cold (fresh context) then warm (same context again). */
async function measure(browser, base, token) {
  const out = {};
  for (const list of LISTS) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1366, height: 900 });
      await page.evaluateOnNewDocument((t) => localStorage.setItem('layanan-pbi.jwt', t), token);
      const pageLog = [];
      page.on('console', (m) => pageLog.push(`${m.type()}: ${m.text().slice(0, 300)}`));
      page.on('pageerror', (e) => pageLog.push(`pageerror: ${e.message}`));
      page.on('requestfinished', (r) => pageLog.push(`${r.response()?.status()} ${r.url().slice(0, 160)}`));
      for (const bucket of [cold, warm]) {
        // Start from a blank page so each timing covers the whole navigation.
        await page.goto('about:blank');
        const t0 = Date.now();
        await page.goto(`${base}/panel/#${list.route}`, { waitUntil: 'domcontentloaded' });
        await page
          .waitForFunction(() => [...document.querySelectorAll('#main-content table tbody tr td')].some((td) => /^[A-Z]{3}-\d{4}-\d+$/.test(td.textContent.trim())), { timeout: 30_000 })
          .catch(async (err) => {
            const shown = await page.evaluate(() => document.body.innerText.slice(0, 600)).catch(() => '');
            throw new Error(`${list.name}: no case row within 30 s (${err.message}); the page shows:\n${shown}\nlog:\n${pageLog.join('\n')}`);
          });
        bucket.push(Date.now() - t0);
      }
      await context.close();
    }
    out[list.name] = { cold: stats(cold), warm: stats(warm) };
    log(
      `bench:   ${list.name.padEnd(10)} cold median ${out[list.name].cold.median} ms, p95 ${out[list.name].cold.p95} ms; warm median ${out[list.name].warm.median} ms, p95 ${out[list.name].warm.p95} ms`,
    );
  }
  return out;
}

async function login(base) {
  const r = await fetch(`${base}/api/panel/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: USER, password: PASSWORD }) });
  const body = await r.json();
  if (!body.jwt) throw new Error(`cannot log in as ${USER}: ${JSON.stringify(body)}`);
  return body.jwt;
}

async function main() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  require('../scripts/build-stamp').buildPanel();
  const size = panelJsSize();
  log(`bench: panel JavaScript ${(size.raw / 1024).toFixed(0)} KiB, gzipped ${(size.gzip / 1024).toFixed(0)} KiB`);
  const bigCases = await ensureBigData();
  const puppeteer = require('puppeteer');
  // The same lookup as the PDFs (cms/src/modules/documents/chromium-path.ts), from its compiled copy when built.
  const compiled = path.join(repoRoot, 'cms', 'dist', 'src', 'modules', 'documents', 'chromium-path.js');
  const executablePath = fs.existsSync(compiled) ? require(compiled).findChromium() : process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const admin = urlWithDb(BIG_URL, 'postgres');
  const results = {};
  try {
    // Baseline: the same lists on a small database with the demo data only.
    await withClient(admin, async (c) => {
      await c.query(`drop database if exists "${SMALL_DB}" with (force)`);
      await c.query(`create database "${SMALL_DB}"`);
    });
    const smallUrl = urlWithDb(BIG_URL, SMALL_DB);
    log('bench: seeding a small database for the baseline…');
    let server = await startServer(smallUrl);
    const smallCases = await countCases(smallUrl);
    try {
      log(`bench: small database (${smallCases} cases), as ${USER}, ${RUNS} runs`);
      results.small = { cases: smallCases, lists: await measure(browser, server.base, await login(server.base)) };
    } finally {
      await server.stop();
      await withClient(admin, (c) => c.query(`drop database if exists "${SMALL_DB}" with (force)`));
    }
    log(`bench: big database (${bigCases} cases), as ${USER}, ${RUNS} runs`);
    server = await startServer(BIG_URL);
    try {
      results.big = { cases: bigCases, lists: await measure(browser, server.base, await login(server.base)) };
    } finally {
      await server.stop();
    }
  } finally {
    await browser.close();
  }
  const worstColdP95 = Math.max(...Object.values(results.big.lists).map((l) => l.cold.p95));
  const met = worstColdP95 <= TARGET_MS;
  log(`bench: worst cold p95 on ${bigCases} cases: ${worstColdP95} ms (target ${TARGET_MS} ms): ${met ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      bench: 'panel',
      user: USER,
      runs: RUNS,
      jsBytes: size.raw,
      jsGzipBytes: size.gzip,
      big: results.big,
      baseline: results.small,
      worstColdP95Ms: worstColdP95,
      targetMs: TARGET_MS,
      met,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
