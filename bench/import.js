'use strict';
/**
 * npm run bench:import — a generated 100,000-row Form 35 (xlsx) imported end to end into
 * PostgreSQL over HTTP (upload, background job, validation, COPY writes, commit), side by side
 * in the same run with exceljs's streaming parse of the same file alone and with Strapi's
 * document service creating a sample of the same rows one by one; then an export of the
 * 100,000 imported cases (xlsx and csv). Resident memory is sampled every 50 ms: on PostgreSQL
 * an import runs in a worker process the server starts (modules/bulk/import-worker.ts), so the import's
 * peak RSS is the worker's; the server's own peak and growth are reported beside it. Targets:
 * >= 10,000 rows/s end to end and >= half the parse-alone rate, import peak RSS <= 400 MB,
 * export of 100,000 rows <= 10 s.
 * The last line of output is one JSON object with the figures.
 *
 *   BENCH_ROWS (100000)  BENCH_RUNS (2)  BENCH_SAMPLE (300)
 *   BENCH_IMPORT_DATABASE (layanan_pbi_bench_import; dropped and created)  TEST_DATABASE_URL
 */
require('./ts-register');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Client } = require('pg');
const { spawn, spawnSync } = require('child_process');
const ExcelJS = require('exceljs');

const root = path.resolve(__dirname, '..');
const cmsDir = path.join(root, 'cms');
const ROWS = Number(process.env.BENCH_ROWS) || 100_000;
const RUNS = Number(process.env.BENCH_RUNS) || 2;
const SAMPLE = Number(process.env.BENCH_SAMPLE) || 300;
const SERVICE = 'magetan-pengusulan-pbi-d';
const PASSWORD = 'Demo-PBI-2026!';
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = process.env.BENCH_IMPORT_DATABASE || 'layanan_pbi_bench_import';
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const log = (...a) => console.log(...a);
const mb = (b) => Math.round(b / 1048576);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process (Linux /proc). */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
/** The import worker processes of a process (Linux /proc: the children of each of its threads). */
function importWorkersOf(pid) {
  const out = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        if (fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('import-worker')) out.push(Number(child));
      }
    }
  } catch {
    // a process ended meanwhile
  }
  return out;
}
/**
 * Peaks of resident memory, sampled every 50 ms: of this process (parse alone), of the server,
 * and of the import worker the server starts for each import (on PostgreSQL the import runs there).
 */
let serverPid = null;
let watched = 'self';
let peak = 0;
let workerPeak = 0;
let workersSeen = 0;
const current = () => (watched === 'self' ? process.memoryUsage().rss : rssOf(serverPid));
const sampler = setInterval(() => {
  peak = Math.max(peak, current());
  if (serverPid) {
    const workers = importWorkersOf(serverPid);
    workersSeen = Math.max(workersSeen, workers.length);
    workerPeak = Math.max(
      workerPeak,
      workers.reduce((sum, w) => sum + rssOf(w), 0),
    );
  }
}, 50);
sampler.unref();
const resetPeak = (which) => {
  watched = which;
  if (global.gc) global.gc();
  peak = current();
  workerPeak = 0;
  workersSeen = 0;
};

async function writeXlsx(file, rows, headers) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Form 35');
  ws.addRow(headers).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

async function parseAlone(file) {
  const t0 = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let n = 0;
  for await (const sheet of reader) for await (const row of sheet) if (row.values) n += 1;
  return { rows: n - 1, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

async function main() {
  log(
    `bench:import — ${ROWS.toLocaleString('en')} rows, ${RUNS} run(s), load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${os.cpus().length} CPUs`,
  );
  Object.assign(process.env, {
    NODE_ENV: 'development',
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    APP_KEYS: process.env.APP_KEYS || 'benchKeyA,benchKeyB',
    API_TOKEN_SALT: 'bench-salt',
    ADMIN_JWT_SECRET: 'bench-admin',
    TRANSFER_TOKEN_SALT: 'bench-transfer',
    JWT_SECRET: 'bench-jwt',
    ENCRYPTION_KEY: 'bench-encryption-key-0123456789ab',
    DATABASE_URL: dbUrl,
    SEED_DEMO: 'true',
    IMPORT_MAX_BYTES: String(200 * 1024 * 1024),
  });
  delete process.env.DATABASE_FILENAME;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.query(`create database "${dbName}"`);
  await admin.end();

  const { FORM35_COLUMNS } = require('../cms/src/modules/bulk/form35.ts');
  const { manyRows } = require('../tests/bulk/support.ts');
  const headers = FORM35_COLUMNS.map((c) => c.header);

  // Compiled in a child, served by another: this process only generates, parses and measures.
  let t = Date.now();
  const compiled = spawnSync(
    process.execPath,
    ['-e', `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(cmsDir)} }).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })`],
    { stdio: 'inherit', cwd: root },
  );
  if (compiled.status !== 0) throw new Error('compile failed');
  const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_OPTIONS ? process.env.BENCH_SERVER_NODE_OPTIONS.split(' ') : []), path.join(__dirname, 'import-server.js')], {
    cwd: root,
    env: process.env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const replies = [];
  let waiting = null;
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk) => {
    out += chunk;
    let at;
    while ((at = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, at);
      out = out.slice(at + 1);
      if (!line.startsWith('{')) continue;
      replies.push(JSON.parse(line));
      if (waiting) waiting();
    }
  });
  const reply = async () => {
    while (!replies.length) await new Promise((r) => (waiting = r));
    return replies.shift();
  };
  const ask = async (command) => {
    server.stdin.write(`${command}\n`);
    return reply();
  };
  const { url } = await reply();
  serverPid = server.pid;
  log(`server (pid ${server.pid}) on ${dbName} ready in ${((Date.now() - t) / 1000).toFixed(1)} s, RSS ${mb(rssOf(server.pid))} MB`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const figures = { rows: ROWS, runs: [], loadAverageStart: os.loadavg().map((x) => Number(x.toFixed(2))) };

  try {
    const login = async (identifier) => {
      const r = await fetch(`${url}/api/panel/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier, password: PASSWORD }) });
      const body = await r.json();
      if (r.status !== 200) throw new Error(`login ${identifier}: ${JSON.stringify(body)}`);
      const db = new Client({ connectionString: dbUrl });
      await db.connect();
      const { rows } = await db.query('select region_code from up_users where username = $1', [identifier]);
      await db.end();
      return { token: body.jwt, region: rows[0].region_code };
    };
    const api = async (token, p, init = {}) => {
      const r = await fetch(`${url}${p}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...(init.json ? { 'Content-Type': 'application/json' } : {}) },
        body: init.json ? JSON.stringify(init.json) : init.body,
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    };
    const waitJob = async (token, id) => {
      for (;;) {
        const j = (await api(token, `/api/panel/jobs/${id}`)).body;
        if (!['queued', 'running'].includes(j.status)) return j;
        await sleep(100);
      }
    };

    // Each run: a village operator's 100,000 proposals (another village, other people, per run).
    const users = ['magetan.desa1', 'magetan.desa2', 'magetan.desa3'];
    let parse = null;
    for (let run = 0; run < RUNS; run += 1) {
      const user = await login(users[run % users.length]);
      const file = path.join(tmp, `form35-${run}.xlsx`);
      t = Date.now();
      await writeXlsx(file, manyRows(ROWS, [user.region], 100 + run * 20), headers);
      const size = fs.statSync(file).size;
      log(`run ${run + 1}: generated ${path.basename(file)} (${mb(size)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s for ${user.region}`);

      resetPeak('self');
      const p = await parseAlone(file);
      const parseRate = Math.round(p.rows / p.seconds);
      log(`  exceljs streaming parse alone: ${p.rows.toLocaleString('en')} rows in ${p.seconds.toFixed(2)} s = ${parseRate.toLocaleString('en')} rows/s, peak RSS ${mb(peak)} MB`);
      parse = parse ?? { rowsPerSecond: parseRate, seconds: Number(p.seconds.toFixed(2)), peakRssMb: mb(peak) };

      resetPeak('server');
      const rssBefore = rssOf(serverPid);
      const t0 = Date.now();
      const form = new FormData();
      form.set('kind', 'form35');
      form.set('service', SERVICE);
      form.set('dryRun', 'false');
      form.set('file', new Blob([fs.readFileSync(file)]), 'form35.xlsx');
      const up = await api(user.token, '/api/panel/imports', { method: 'POST', body: form });
      if (up.status !== 202) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
      const job = await waitJob(user.token, up.body.id);
      const seconds = (Date.now() - t0) / 1000;
      if (job.status !== 'succeeded' || job.rowsWritten !== ROWS) throw new Error(`import: ${JSON.stringify(job)}`);
      const rate = Math.round(ROWS / seconds);
      const importPeak = peak;
      const importWorkerPeak = workerPeak;
      if (workersSeen !== 1) throw new Error(`expected the import to run in one worker process, saw ${workersSeen}`);
      const { timings } = await ask('timings');
      log(
        `  import end to end (upload, validate, write, commit): ${seconds.toFixed(2)} s = ${rate.toLocaleString('en')} rows/s (${(rate / parseRate).toFixed(2)}x parse alone), import worker peak RSS ${mb(importWorkerPeak)} MB, server peak RSS ${mb(importPeak)} MB (${mb(rssBefore)} MB before), job phases ${JSON.stringify(timings)} ms`,
      );

      // Export of the imported cases.
      resetPeak('server');
      const rssBeforeExport = rssOf(serverPid);
      const exports = {};
      for (const format of ['xlsx', 'csv']) {
        const e0 = Date.now();
        const ex = await api(user.token, '/api/panel/exports', { method: 'POST', json: { kind: 'cases', format, filter: { serviceSlug: SERVICE, villageCode: user.region, status: 'in-progress' } } });
        if (ex.status !== 202) throw new Error(`export: ${ex.status} ${JSON.stringify(ex.body)}`);
        const done = await waitJob(user.token, ex.body.id);
        if (done.status !== 'succeeded') throw new Error(`export: ${JSON.stringify(done)}`);
        exports[format] = { rows: done.rowsWritten, seconds: Number(((Date.now() - e0) / 1000).toFixed(2)) };
        log(`  export ${format}: ${done.rowsWritten.toLocaleString('en')} rows in ${exports[format].seconds} s, server peak RSS ${mb(peak)} MB`);
      }
      figures.runs.push({
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: rate,
        vsParseAlone: Number((rate / parseRate).toFixed(2)),
        parseAloneRowsPerSecond: parseRate,
        peakRssMb: mb(importWorkerPeak),
        serverPeakRssMb: mb(importPeak),
        serverRssGrowthMb: mb(importPeak - rssBefore),
        exportPeakRssMb: mb(peak),
        exportRssGrowthMb: mb(peak - rssBeforeExport),
        phasesMs: timings,
        exportXlsxSeconds: exports.xlsx.seconds,
        exportCsvSeconds: exports.csv.seconds,
        exportRows: exports.xlsx.rows,
        loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
      });
      fs.rmSync(file, { force: true });
    }

    // Memory of an export as rows grow: every imported case of the office (RUNS x ROWS) in one
    // xlsx, by the head of the field (office scope), against one village's ROWS above.
    {
      const kabid = await login('magetan.kabid');
      resetPeak('server');
      const before = rssOf(serverPid);
      const e0 = Date.now();
      const ex = await api(kabid.token, '/api/panel/exports', { method: 'POST', json: { kind: 'cases', format: 'xlsx', filter: { serviceSlug: SERVICE, status: 'in-progress' } } });
      if (ex.status !== 202) throw new Error(`export: ${ex.status} ${JSON.stringify(ex.body)}`);
      const done = await waitJob(kabid.token, ex.body.id);
      if (done.status !== 'succeeded') throw new Error(`export: ${JSON.stringify(done)}`);
      figures.exportAll = { rows: done.rowsWritten, seconds: Number(((Date.now() - e0) / 1000).toFixed(2)), serverRssGrowthMb: mb(peak - before) };
      log(
        `export xlsx of the office's ${done.rowsWritten.toLocaleString('en')} imported cases: ${figures.exportAll.seconds} s, server RSS growth ${figures.exportAll.serverRssGrowthMb} MB (one village's ${ROWS.toLocaleString('en')}: ${Math.max(...figures.runs.map((r) => r.exportRssGrowthMb))} MB at most)`,
      );
    }

    // Baseline: Strapi's document service, one applicant, case and event per row.
    const user = await login('magetan.desa3');
    const { seconds: docSeconds } = await ask(`docsample ${SAMPLE} ${user.region}`);
    const docRate = Math.round(SAMPLE / docSeconds);
    log(`Strapi document service (applicant + case + event per row), ${SAMPLE} rows: ${docSeconds.toFixed(2)} s = ${docRate} rows/s`);

    const best = figures.runs.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
    Object.assign(figures, {
      parseAlone: parse,
      endToEndRowsPerSecond: best.rowsPerSecond,
      endToEndVsParseAlone: best.vsParseAlone,
      peakRssMb: Math.max(...figures.runs.map((r) => r.peakRssMb)),
      serverPeakRssMb: Math.max(...figures.runs.map((r) => r.serverPeakRssMb)),
      serverRssGrowthMb: Math.max(...figures.runs.map((r) => r.serverRssGrowthMb)),
      documentServiceRowsPerSecond: docRate,
      endToEndVsDocumentService: Number((best.rowsPerSecond / docRate).toFixed(1)),
      exportXlsxSeconds: Math.min(...figures.runs.map((r) => r.exportXlsxSeconds)),
      exportCsvSeconds: Math.min(...figures.runs.map((r) => r.exportCsvSeconds)),
      loadAverageEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
      cpus: os.cpus().length,
    });
    figures.targets = {
      endToEnd10k: figures.endToEndRowsPerSecond >= 10_000,
      halfOfParseAlone: figures.endToEndVsParseAlone >= 0.5,
      peakRss400: figures.peakRssMb <= 400,
      export10s: figures.exportXlsxSeconds <= 10,
    };
  } finally {
    server.stdin.write('stop\n');
    await new Promise((r) => server.on('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures));
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
