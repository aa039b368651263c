'use strict';
/**
 * npm run bench:pdf — PDF rendering throughput with the warm page pool against launching a
 * browser per document (the baseline), measured in the same run; plus an SK with a 1,000-line
 * BNBA. Targets: >= 25 one-page letters/s on 2 cores, >= 15x the baseline, SK < 10 s.
 * The last line of output is one JSON object with the figures.
 */
require('./ts-register');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { letterData } = require('./letter-fixtures');
const { PagePool } = require('../cms/src/modules/documents/page-pool.ts');
const { findChromium } = require('../cms/src/modules/documents/chromium-path.ts');
const { buildLetterView } = require('../cms/src/modules/documents/letter-view.ts');
const { letterHtml } = require('../cms/src/modules/documents/letter-html.ts');
const { standardHtml } = require('../cms/src/modules/documents/standard-template.ts');

const root = path.resolve(__dirname, '..');
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE) || 4;
const POOLED_LETTERS = Number(process.env.BENCH_LETTERS) || 200;
const POOLED_STANDARDS = Number(process.env.BENCH_STANDARDS) || 40;
const LAUNCH_DOCS = Number(process.env.BENCH_LAUNCH_DOCS) || 8;

function standards() {
  const dir = path.join(root, 'database', 'seed', 'documents');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const office = JSON.parse(fs.readFileSync(path.join(root, 'config', 'offices', `${d.office}.json`), 'utf8'));
      const s = d.sop;
      const sop = { ...s, activities: s.activities.map((a) => ({ ...a, yesNext: a.yes && a.yes.next, yesLabel: a.yes && a.yes.label, noNext: a.no && a.no.next, noLabel: a.no && a.no.label })) };
      return { std: { ...d.standard, requirements: d.standard.requirements.map((r) => r.text), sop }, office };
    });
}

const STANDARDS = standards();
const LETTER_KINDS = [
  ['reaktivasi', 'magetan'],
  ['reaktivasi', 'karangasem'],
  ['keputusan-asesmen', 'tarakan'],
];
const letterHtmlAt = (i) => {
  const [kind, office] = LETTER_KINDS[i % LETTER_KINDS.length];
  const data = letterData(kind, office, 1);
  data.letter.number = `400.9.2/${String(i).padStart(4, '0')}/403.107/2026`;
  return letterHtml(buildLetterView(data));
};
const standardHtmlAt = (i) => {
  const { std, office } = STANDARDS[i % STANDARDS.length];
  return standardHtml(std, office);
};

async function runConcurrent(count, concurrency, work) {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await work(i);
      }
    }),
  );
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** The baseline: a fresh Chromium for every document, closed afterwards. */
async function launchPerDocument(html, tagged) {
  const puppeteer = require('puppeteer');
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged }));
  } finally {
    await browser.close();
  }
}

/** CPU seconds used so far by a process and all its descendants (Linux /proc), plus this Node process. */
function cpuSeconds(rootPid) {
  const hz = 100; // USER_HZ on Linux
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, st] of stats)
      if (!tree.has(pid) && tree.has(st.ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of tree) ticks += stats.get(pid)?.ticks ?? 0;
  const own = process.cpuUsage();
  return ticks / hz + (own.user + own.system) / 1e6;
}

function pdfPages(buffer) {
  const file = path.join(os.tmpdir(), `bench-${process.pid}.pdf`);
  fs.writeFileSync(file, buffer);
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

(async () => {
  const cores = os.cpus().length;
  const load = os.loadavg()[0];
  console.log(`PDF benchmark: ${cores} core(s), load average ${load.toFixed(1)}, pool of ${POOL_SIZE} pages, Chromium ${findChromium()}`);
  if (load > cores) console.log(`note: the machine is busy (load ${load.toFixed(1)} on ${cores} cores); wall-clock rates are lower than on an idle machine, the CPU cost per letter is not.`);
  const pool = new PagePool({ size: POOL_SIZE });
  try {
    // Warm up: launch, create the pool's pages.
    await runConcurrent(POOL_SIZE * 2, POOL_SIZE, (i) => pool.pdf({ html: letterHtmlAt(i), tagged: false }));
    const letterPages = pdfPages(await pool.pdf({ html: letterHtmlAt(0), tagged: false }));

    const browserPid = await pool.browserProcessId();
    const cpu0 = cpuSeconds(browserPid);
    const tLetters = await runConcurrent(POOLED_LETTERS, POOL_SIZE, (i) => pool.pdf({ html: letterHtmlAt(i), tagged: false }));
    const cpuPerLetterMs = ((cpuSeconds(browserPid) - cpu0) * 1000) / POOLED_LETTERS;
    const lettersPool = POOLED_LETTERS / tLetters;
    console.log(
      `pool:   ${POOLED_LETTERS} letters (${letterPages} page each) in ${tLetters.toFixed(2)} s = ${lettersPool.toFixed(1)} letters/s; ${cpuPerLetterMs.toFixed(1)} ms of CPU per letter (Node + Chromium)`,
    );
    const tStandards = await runConcurrent(POOLED_STANDARDS, POOL_SIZE, (i) => pool.pdf({ html: standardHtmlAt(i) }));
    const standardsPool = POOLED_STANDARDS / tStandards;
    console.log(`pool:   ${POOLED_STANDARDS} standards in ${tStandards.toFixed(2)} s = ${standardsPool.toFixed(1)} standards/s`);

    // Baseline, same documents, one browser launch per document; the better of 1 and 2 at a time.
    let lettersLaunch = 0;
    let standardsLaunch = 0;
    for (const concurrency of [1, 2]) {
      const tl = await runConcurrent(LAUNCH_DOCS, concurrency, (i) => launchPerDocument(letterHtmlAt(i), false));
      const ts = await runConcurrent(LAUNCH_DOCS, concurrency, (i) => launchPerDocument(standardHtmlAt(i), true));
      console.log(`launch: ${concurrency} at a time: ${(LAUNCH_DOCS / tl).toFixed(2)} letters/s, ${(LAUNCH_DOCS / ts).toFixed(2)} standards/s`);
      lettersLaunch = Math.max(lettersLaunch, LAUNCH_DOCS / tl);
      standardsLaunch = Math.max(standardsLaunch, LAUNCH_DOCS / ts);
    }

    // An SK with a 1,000-line BNBA, from data to PDF, on the warm pool.
    const t0 = process.hrtime.bigint();
    const sk = await pool.pdf({ html: letterHtml(buildLetterView(letterData('sk-bnba', 'banjarbaru', 1000))), tagged: false });
    const skMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const skPages = pdfPages(sk);
    console.log(`SK with 1,000-line BNBA: ${skPages} pages in ${(skMs / 1000).toFixed(2)} s`);

    const figures = {
      cores,
      loadAverageAtStart: Number(load.toFixed(1)),
      loadAverageAtEnd: Number(os.loadavg()[0].toFixed(1)),
      poolSize: POOL_SIZE,
      lettersPerSecPool: Number(lettersPool.toFixed(1)),
      cpuMsPerLetter: Number(cpuPerLetterMs.toFixed(1)),
      lettersPerSecIdleEstimate: Number(((cores * 1000) / cpuPerLetterMs).toFixed(1)),
      lettersPerSecLaunch: Number(lettersLaunch.toFixed(2)),
      lettersSpeedup: Number((lettersPool / lettersLaunch).toFixed(1)),
      standardsPerSecPool: Number(standardsPool.toFixed(1)),
      standardsPerSecLaunch: Number(standardsLaunch.toFixed(2)),
      standardsSpeedup: Number((standardsPool / standardsLaunch).toFixed(1)),
      sk1000Ms: Math.round(skMs),
      sk1000Pages: skPages,
      targets: { lettersPerSec: 25, speedup: 15, sk1000Ms: 10000 },
      met: lettersPool >= 25 && lettersPool / lettersLaunch >= 15 && skMs < 10000,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await pool.close();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
