#!/usr/bin/env node
'use strict';
/**
 * `npm start`: check the settings, build what changed (server code, Strapi admin, staff panel),
 * then boot Strapi, which seeds an empty database on its first run.
 *   --build-only   build and stop        --no-admin   skip the Strapi admin build (also SKIP_ADMIN_BUILD=true)
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('./env');
const { buildStep, buildPanel } = require('./build-stamp');

const args = new Set(process.argv.slice(2));

function fail(message) {
  console.error(`layanan-pbi: ${message}`);
  process.exit(1);
}

function runOrFail(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(`${path.basename(argv[0] || cmd)} ${argv.slice(1).join(' ')} failed (exit ${r.status}); see the output above`);
}

async function main() {
  env.baseEnv();
  try {
    env.loadSecrets();
    env.checkTrustProxy();
    env.checkOrigins();
    env.checkCluster();
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
    buildStep('Strapi admin', adminInputs, path.join(distDir, 'build', '.stamp'), () => runOrFail(process.execPath, [strapiBin, 'build', '--minify'], env.cmsDir));
  }
  // Incremental: rewrites nothing when the server code is unchanged.
  runOrFail(process.execPath, [path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc'), '-p', env.cmsDir], env.repoRoot);
  try {
    buildPanel();
  } catch (err) {
    fail(err.message);
  }
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
  console.log(
    [
      '',
      'layanan-pbi is running',
      `  Database      ${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite (${path.join(env.dataDir, 'layanan-pbi.db')})`}`,
      withAdmin ? `  CMS (Strapi)  ${base}/admin   (demo login: admin@demo.layanan-pbi.id / ${DEMO_PASSWORD})` : '  CMS (Strapi)  admin build skipped',
      `  Staff panel   ${base}/panel`,
      `  Public site   ${base}/`,
      `  Staff API     ${base}/api/panel`,
      demo.length
        ? `  Demo staff    <office>.<account>, password ${DEMO_PASSWORD}, e.g. ${demo[0].username}\n                offices: ${offices.join(', ')}\n                accounts: ${accounts.join(', ')}`
        : '',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
