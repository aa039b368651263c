'use strict';
/**
 * Builds that skip themselves when their inputs are unchanged: a content hash of the inputs is
 * kept in a stamp file beside the output. Used by `npm start` (scripts/start.js) and by the
 * test setup (tests/setup/global-setup.ts), so both agree on when the staff panel is stale.
 */
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');

/** Content hash of the files a build reads. */
function hashOf(paths) {
  const h = crypto.createHash('sha1');
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!['node_modules', 'dist', '.cache', '.strapi', 'build'].includes(name)) walk(path.join(p, name));
    } else {
      h.update(path.relative(repoRoot, p));
      h.update(fs.readFileSync(p));
    }
  };
  paths.forEach(walk);
  return h.digest('hex');
}

/** Runs a build unless the stamp beside its output says the inputs are unchanged; true when it built. */
function buildStep(name, inputs, stampFile, run, log = console.log) {
  const hash = hashOf(inputs);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return false;
  log(`layanan-pbi: building ${name}…`);
  const t0 = Date.now();
  run();
  fs.writeFileSync(stampFile, hash);
  log(`layanan-pbi: ${name} built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

const panelDir = path.join(repoRoot, 'admin');
// The recipe (this file) is an input too: a change in how the panel is built rebuilds it.
const panelInputs = [...['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(panelDir, p)), __filename];

/** Gzipped copies beside the assets: koa-send (cms/src/middlewares/panel.ts) serves them to browsers that accept gzip. */
function precompress(dir) {
  const zlib = require('zlib');
  for (const name of fs.readdirSync(dir)) {
    if (/\.(js|css|svg)$/.test(name)) fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(fs.readFileSync(path.join(dir, name)), { level: 9 }));
  }
}

/** Builds the staff panel (admin/dist) with Vite when its sources changed. Throws when Vite fails. */
function buildPanel(log = console.log) {
  return buildStep(
    'staff panel',
    panelInputs,
    path.join(panelDir, 'dist', '.stamp'),
    () => {
      const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [panelDir] })), 'bin', 'vite.js');
      // Always a production build: jest runs with NODE_ENV=test, which would give React's development build.
      const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: panelDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (r.status !== 0) throw new Error(`vite build of the staff panel failed (exit ${r.status}); see the output above`);
      precompress(path.join(panelDir, 'dist', 'assets'));
    },
    log,
  );
}

module.exports = { hashOf, buildStep, buildPanel, panelDir, panelInputs };
