#!/usr/bin/env node
'use strict';
/**
 * `npm start`: check the settings, build what changed (server code, Strapi admin, staff panel),
 * then boot Strapi, which seeds an empty database on its first run.
 *   --build-only   build and stop        --no-admin   skip the Strapi admin build (also SKIP_ADMIN_BUILD=true)
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

/** Runs a build unless the stamp beside its output says the inputs are unchanged. */
function buildStep(name, inputs, stampFile, run) {
  const hash = hashOf(inputs);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return;
  console.log(`layanan-pbi: building ${name}…`);
  const t0 = Date.now();
  run();
  fs.writeFileSync(stampFile, hash);
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
  // The admin app reads content types at run time: only its own customisations and versions rebuild it.
  const adminInputs = ['cms/src/admin', 'cms/config/admin.ts', 'cms/package.json', 'package-lock.json'].map((p) => path.join(env.repoRoot, p));
  const withAdmin = !args.has('--no-admin') && process.env.SKIP_ADMIN_BUILD !== 'true';
  const distDir = path.join(env.cmsDir, 'dist');
  if (withAdmin) {
    // `strapi build` compiles the server code and builds the admin app into dist/build.
    buildStep('Strapi admin', adminInputs, path.join(distDir, 'build', '.stamp'), () =>
      runOrFail(process.execPath, [strapiBin, 'build', '--minify'], env.cmsDir));
  }
  // Incremental: rewrites nothing when the server code is unchanged.
  runOrFail(process.execPath, [path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc'), '-p', env.cmsDir], env.repoRoot);
  const panelDir = path.join(env.repoRoot, 'admin');
  const panelInputs = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(panelDir, p));
  buildStep('staff panel', panelInputs, path.join(panelDir, 'dist', '.stamp'), () =>
    runOrFail(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'], panelDir));
  if (args.has('--build-only')) return;

  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: env.cmsDir, distDir, autoReload: false, serveAdminPanel: withAdmin });
  await app.start();
  const port = app.server.httpServer.address().port;
  const base = `http://localhost:${port}`;
  const { DEMO_PASSWORD } = require(path.join(distDir, 'src', 'seed', 'users.js'));
  const demo = await app.db.query('plugin::users-permissions.user').findMany({ select: ['username'], orderBy: { id: 'asc' } });
  const offices = [...new Set(demo.map((u) => u.username.split('.')[0]))];
  const accounts = [...new Set(demo.map((u) => u.username.split('.')[1]).filter(Boolean))];
  console.log([
    '',
    'layanan-pbi is running',
    `  Database      ${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite (${path.join(env.dataDir, 'layanan-pbi.db')})`}`,
    withAdmin ? `  CMS (Strapi)  ${base}/admin   (demo login: admin@demo.layanan-pbi.id / ${DEMO_PASSWORD})` : '  CMS (Strapi)  admin build skipped',
    `  Staff panel   ${base}/panel`,
    `  Public site   ${base}/`,
    `  Staff API     ${base}/api/panel`,
    demo.length ? `  Demo staff    <office>.<account>, password ${DEMO_PASSWORD}, e.g. ${demo[0].username}\n                offices: ${offices.join(', ')}\n                accounts: ${accounts.join(', ')}` : '',
    '',
  ].join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
