import fs from 'fs';
import type { AddressInfo } from 'net';
import { DB_PREFIX, TEMPLATE, dropPg, recreatePg, sqliteFile, urlFor } from '../setup/databases';
import { applyTestEnv, cmsDir, distDir } from '../setup/test-env';

export interface TestServer {
  strapi: any;
  url: string;
  /** fetch against the server: path like "/api/..." */
  http: (path: string, init?: RequestInit & { json?: unknown; token?: string }) => Promise<Response>;
  stop: () => Promise<void>;
}

/**
 * Boots the real Strapi app on a fresh copy of the seeded template database and listens on a
 * free port. One database per jest worker, recreated for each test file. `database: 'sqlite'`
 * asks for SQLite (what `npm start` uses) whatever the run's database: when the run is on
 * PostgreSQL, that server seeds a new SQLite file as it starts.
 */
export async function startServer(options: { database?: 'sqlite' } = {}): Promise<TestServer> {
  applyTestEnv();
  const name = `${DB_PREFIX}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  const pg = process.env.TEST_DB_KIND === 'postgres' && options.database !== 'sqlite';
  if (pg) {
    await recreatePg(name, TEMPLATE);
    process.env.DATABASE_URL = urlFor(name);
  } else {
    delete process.env.DATABASE_URL;
    const file = sqliteFile(name);
    // (A write-ahead log left by an earlier server on this name belongs to the old file.)
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    if (process.env.TEST_DB_KIND !== 'postgres') fs.copyFileSync(sqliteFile(TEMPLATE), file);
    process.env.DATABASE_FILENAME = file;
  }
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: cmsDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  await strapi.server.mount();
  // The tests' client and this server share one event loop: after a long synchronous step in a
  // test (building a 100,000-row file), the server's expired keep-alive timer fires before it
  // reads the request the client has just sent on that idle socket, and the client gets
  // ECONNRESET. An idle timeout longer than any such step (fetch follows the server's hint) avoids it.
  strapi.server.httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const http = httpClient(url);
  return {
    strapi,
    url,
    http,
    stop: async () => {
      await strapi.destroy();
      if (pg) await dropPg(name);
    },
  };
}

/** Requests to a server at `url`: a bearer token and a JSON body as options. */
export function httpClient(url: string): TestServer['http'] {
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${url}${path}`, { ...init, headers, body });
  };
}
