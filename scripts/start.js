#!/usr/bin/env node
'use strict';
/**
 * `npm start`: check the settings, build what changed (server code, Strapi admin, staff panel),
 * then boot Strapi, which seeds an empty database on its first run.
 *   --build-only   build and stop        --no-admin   skip the Strapi admin build
 */
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const env = require('./env');

const args = new Set(process.argv.slice(2));

function fail(message) {
  console.error(`layanan-pbi: ${message}`);
  process.exit(1);
}

/** Content hash of the files a build reads, to skip builds that would change nothing. */
function hashOf(paths) {
  const h = crypto.createHash('sha1');
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!['node_modules', 'dist', '.cache', '.strapi', 'build'].includes(name)) walk(path.join(p, name));
    } else {
      h.update(path.relative(env.repoRoot, p));
      h.update(fs.readFileSync(p));
    }
  };
  paths.forEach(walk);
  return h.digest('hex');
}

function buildStep(name, inputs, outputCheck, run) {
  const stateFile = path.join(env.dataDir, `.build-${name}`);
  const hash = hashOf(inputs);
  if (fs.existsSync(stateFile) && fs.readFileSync(stateFile, 'utf8') === hash && outputCheck()) return;
  console.log(`layanan-pbi: building ${name}…`);
  const t0 = Date.now();
  run();
  fs.mkdirSync(env.dataDir, { recursive: true });
  fs.writeFileSync(stateFile, hash);
  console.log(`layanan-pbi: ${name} built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function runOrFail(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(`${path.basename(argv[0] || cmd)} ${argv.slice(1).join(' ')} failed (exit ${r.status}); see the output above`);
}

async function main() {
  env.baseEnv();
  try {
    env.loadSecrets();
    if (process.env.DATABASE_URL) await env.checkDatabase(process.env.DATABASE_URL);
  } catch (err) {
    if (err instanceof env.SettingError) fail(err.message);
    throw err;
  }
  fs.mkdirSync(env.dataDir, { recursive: true });

  const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  const cmsInputs = ['cms/src', 'cms/config', 'cms/tsconfig.json', 'cms/package.json', 'tsconfig.json'].map((p) => path.join(env.repoRoot, p));
  const withAdmin = !args.has('--no-admin') && process.env.SKIP_ADMIN_BUILD !== 'true';
  if (withAdmin) {
    buildStep('cms-admin', cmsInputs, () => fs.existsSync(path.join(env.cmsDir, 'dist', 'build', 'index.html')), () =>
      runOrFail(process.execPath, [strapiBin, 'build', '--minify'], env.cmsDir));
  } else {
    buildStep('cms', cmsInputs, () => fs.existsSync(path.join(env.cmsDir, 'dist', 'src', 'index.js')), () =>
      runOrFail(process.execPath, [path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc'), '-p', env.cmsDir], env.repoRoot));
  }
  const panelDir = path.join(env.repoRoot, 'admin');
  if (fs.existsSync(path.join(panelDir, 'index.html'))) {
    buildStep('panel', [path.join(panelDir, 'src'), path.join(panelDir, 'index.html'), path.join(panelDir, 'vite.config.ts'), path.join(panelDir, 'package.json')],
      () => fs.existsSync(path.join(panelDir, 'dist', 'index.html')),
      () => runOrFail(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'], panelDir));
  }
  if (args.has('--build-only')) return;

  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: env.cmsDir, distDir: path.join(env.cmsDir, 'dist'), autoReload: false, serveAdminPanel: withAdmin });
  await app.start();
  const port = app.config.get('server.port');
  const base = `http://localhost:${port}`;
  const { DEMO_PASSWORD } = require(path.join(env.cmsDir, 'dist', 'src', 'seed', 'users.js'));
  const demo = await app.db.query('plugin::users-permissions.user').findMany({ select: ['username'], orderBy: { username: 'asc' } });
  console.log([
    '',
    'layanan-pbi is running',
    `  Database      ${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite (${path.join(env.dataDir, 'layanan-pbi.db')})`}`,
    withAdmin ? `  CMS (Strapi)  ${base}/admin   (demo: admin@demo.layanan-pbi.id / ${DEMO_PASSWORD})` : '  CMS (Strapi)  admin build skipped',
    `  Staff panel   ${base}/panel`,
    `  Public site   ${base}/`,
    `  Staff API     ${base}/api/panel`,
    demo.length ? `  Demo staff    ${demo.length} accounts, password ${DEMO_PASSWORD}: ${demo.slice(0, 12).map((u) => u.username).join(', ')}${demo.length > 12 ? ', …' : ''}` : '',
    '',
  ].join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
