#!/usr/bin/env node
'use strict';
/**
 * Large synthetic data for benchmarks: applicants, cases and their first history events,
 * written with multi-row inserts through knex (tens of thousands of rows/s), not Strapi's
 * per-document create (~170 rows/s).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/layanan_pbi_bench \
 *     node database/generate/run.js --cases 1000000 --applicants 500000 [--events 1] [--seed 7]
 *
 * The database is migrated and seeded first (a normal Strapi boot). Rows are added on top of
 * what is there; the last line of output is one JSON object with the figures.
 */
const path = require('path');
const env = require('../../scripts/env');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const cases = flag('cases', 1_000_000);
  const applicants = flag('applicants', Math.ceil(cases / 2));
  const eventsPerCase = flag('events', 1);
  const seed = flag('seed', 7);
  if (!process.env.DATABASE_URL) throw new env.SettingError('Set DATABASE_URL to the PostgreSQL database to fill (the generator is for benchmarks).');
  env.baseEnv();
  env.loadSecrets();
  await env.checkDatabase(process.env.DATABASE_URL);
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: env.cmsDir });
  const strapi = await createStrapi({ appDir: env.cmsDir, distDir: path.join(env.cmsDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    const { generateLarge } = require(path.join(env.cmsDir, 'dist', 'src', 'seed', 'generate-large.js'));
    const figures = await generateLarge(strapi, { cases, applicants, eventsPerCase, seed, log: (m) => console.log(m) });
    console.log(JSON.stringify(figures));
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    if (err instanceof env.SettingError) console.error(`generate: ${err.message}`);
    else console.error(err);
    process.exit(1);
  },
);
