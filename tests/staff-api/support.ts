import type { TestServer } from '../helpers/strapi';

/** HTTP helpers for the staff API tests: log in as a demo user, call /api/panel. */

export const DEMO_PASSWORD = 'Demo-PBI-2026!';

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/** Query string of ra-data-simple-rest's list parameters, each JSON-encoded. */
export function listQuery(params: { sort?: unknown; range?: unknown; filter?: unknown }): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export async function call(server: TestServer, method: string, path: string, token?: string, json?: unknown): Promise<Reply> {
  const res = await server.http(`/api/panel${path}`, { method, token, json });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body, headers: res.headers };
}

export async function login(server: TestServer, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await call(server, 'POST', '/login', undefined, { identifier: username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.jwt;
}

/** Tokens of several demo users, logged in once. */
export async function logins(server: TestServer, usernames: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const u of usernames) out[u] = await login(server, u);
  return out;
}
