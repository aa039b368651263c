import crypto from 'crypto';
import type { TestServer } from '../helpers/strapi';
import { STAFF_AUDIENCE } from '../../cms/src/modules/security/staff-token';

/** Keys an attacker might hold or make, and the real ones, for probing the doors over HTTP. */

export const DEMO_PASSWORD = 'Demo-PBI-2026!';

export async function staffLogin(server: TestServer, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await server.http('/api/panel/login', { method: 'POST', json: { identifier: username, password } });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`staff login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.jwt;
}

export async function cmsLogin(server: TestServer, email: string, password = DEMO_PASSWORD): Promise<{ token: string; cookie: string }> {
  const res = await server.http('/admin/login', { method: 'POST', json: { email, password } });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`CMS login ${email}: ${res.status} ${JSON.stringify(body)}`);
  return { token: body.data.token, cookie: res.headers.getSetCookie().join('; ') };
}

/**
 * A JWT as users-permissions' own login (POST /api/auth/local) issued it: signed with the real
 * secret, the account's id and its token version, but not by the staff login.
 */
export async function usersPermissionsToken(server: TestServer, username: string): Promise<string> {
  const user = await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } });
  return server.strapi
    .plugin('users-permissions')
    .service('jwt')
    .issue({ id: user.id, tv: user.tokenVersion ?? 0 });
}

/** A staff token in every claim, signed with a secret that is not the server's. */
export async function forgedStaffToken(server: TestServer, username: string): Promise<string> {
  const user = await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username } });
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ id: user.id, tv: user.tokenVersion ?? 0, aud: STAFF_AUDIENCE, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${crypto.createHmac('sha256', 'not-the-server-secret').update(unsigned).digest('base64url')}`;
}

/** A full-access API token of Strapi's (what a super admin can make in the CMS settings). */
export async function apiToken(server: TestServer): Promise<string> {
  const token = await server.strapi.service('admin::api-token').create({ name: `probe-${Date.now()}`, type: 'full-access', lifespan: null, description: 'tests/security' });
  return token.accessKey;
}

/** The response's body as JSON, or its text. */
export async function bodyOf(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
