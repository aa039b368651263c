import fs from 'fs';
import { TEMPLATE, postgresReachable, recreatePg, sqliteFile, urlFor } from './databases';
import { applyTestEnv, cmsDir, distDir } from './test-env';

/**
 * Once per run: compile the Strapi app, build the staff panel if stale, pick the database, and build a seeded template that
 * each test file copies (seeding once keeps the suite fast).
 */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const t0 = Date.now();
  await compileStrapi({ appDir: cmsDir });
  // The panel suites (tests/panel) open /panel in Chromium: build it when its sources changed,
  // with the same stamp as `npm start` (scripts/build-stamp.js), so an unchanged panel costs nothing.
  require('../../scripts/build-stamp').buildPanel((line: string) => console.log(line));
  const pg = await postgresReachable();
  process.env.TEST_DB_KIND = pg ? 'postgres' : 'sqlite';
  if (pg) {
    await recreatePg(TEMPLATE);
    process.env.DATABASE_URL = urlFor(TEMPLATE);
  } else {
    const file = sqliteFile(TEMPLATE);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    process.env.DATABASE_FILENAME = file;
  }
  const app = await createStrapi({ appDir: cmsDir, distDir }).load();
  await app.destroy();
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_FILENAME;
  console.log(
    `\nTests run on ${pg ? `PostgreSQL (${urlFor(TEMPLATE).replace(/\/[^/]*$/, '')})` : 'SQLite (no PostgreSQL reachable)'}; compiled and seeded the template in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
