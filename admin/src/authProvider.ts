import type { AuthProvider } from 'react-admin';

const KEY = 'layanan-pbi.jwt';
/** The profile of the token, kept across reloads so that a page's access checks need no request. */
const ME_KEY = 'layanan-pbi.me';
export const getToken = () => localStorage.getItem(KEY);

export type ApiAction = 'read' | 'create' | 'update' | 'delete';

/** GET /api/panel/me: who is logged in and what the role may do per staff-API resource. */
export interface Me {
  id: string;
  username: string;
  email?: string;
  fullName: string | null;
  role: { type: string; name: string; nameEn: string; scope: 'village' | 'district' | 'office' | 'bpjs'; seesFullIdentity: boolean };
  office: { id: string; code: string; name: string; timeZone: string; regencyCode?: string };
  region: { id: string; code: string; name: string; level: string } | null;
  access: Record<string, ApiAction[]>;
}

/** react-admin's actions mapped to the staff API's (see cms/src/api/panel/resources/*.ts `access`). */
const API_ACTION: Record<string, ApiAction> = { list: 'read', show: 'read', export: 'read', create: 'create', edit: 'update', delete: 'delete' };

/**
 * Access to panel pages that are not staff-API resources (dashboard, imports…): each screen
 * registers a rule here (`customAccess.dashboard = (me) => …`). A resource listed neither here
 * nor in /me is refused.
 */
export const customAccess: Record<string, (me: Me, action: string) => boolean> = {};

let meCache: { token: string; me: Promise<Me> } | null = null;

function request(token: string): Promise<Me> {
  const me = (async () => {
    const res = await fetch('/api/panel/me', { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) {
      if (getToken() === token) forget();
      throw Object.assign(new Error('ra.auth.auth_check_error'), { status: res.status });
    }
    const profile = (await res.json()) as Me;
    if (getToken() === token) localStorage.setItem(ME_KEY, JSON.stringify({ token, me: profile }));
    return profile;
  })();
  me.catch(() => {
    if (meCache?.me === me) meCache = null;
  });
  return me;
}

/**
 * The current user's profile, fetched once per token: every caller (canAccess per resource,
 * getPermissions, getIdentity) shares the same request. After a reload the stored profile
 * answers at once and is refreshed in the background (the server checks every request anyway).
 */
export function fetchMe(): Promise<Me> {
  const token = getToken();
  if (!token) return Promise.reject(Object.assign(new Error('ra.auth.auth_check_error'), { status: 401 }));
  if (meCache?.token === token) return meCache.me;
  try {
    const stored = JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as { token: string; me: Me } | null;
    if (stored?.token === token && stored.me?.access) {
      meCache = { token, me: Promise.resolve(stored.me) };
      request(token).then(
        (me) => {
          if (meCache?.token === token) meCache = { token, me: Promise.resolve(me) };
        },
        () => undefined,
      );
      return meCache.me;
    }
  } catch {
    // an unreadable stored profile is fetched again
  }
  meCache = { token, me: request(token) };
  return meCache.me;
}

function forget() {
  meCache = null;
  localStorage.removeItem(KEY);
  localStorage.removeItem(ME_KEY);
}

/** Whether the profile allows a react-admin action on a resource (pure; used by canAccess and the menu). */
export function allows(me: Me, resource: string, action: string): boolean {
  const custom = customAccess[resource];
  if (custom) return custom(me, action);
  const apiAction = API_ACTION[action] ?? 'read';
  return (me.access[resource] ?? []).includes(apiAction);
}

/** Logs in through the staff API (lockout, token versions, logout that revokes the token). */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/panel/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: username, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body?.message ?? body?.error?.message ?? 'ra.auth.sign_in_error');
    forget();
    localStorage.setItem(KEY, body.jwt);
    await fetchMe();
  },
  async logout() {
    const token = getToken();
    forget();
    if (token) await fetch('/api/panel/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
  },
  async checkAuth() {
    if (!getToken()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error) {
    if (error?.status === 401) {
      forget();
      throw error;
    }
  },
  async getIdentity() {
    const me = await fetchMe();
    return { id: me.id, fullName: me.fullName ?? me.username, role: me.role, office: me.office };
  },
  async getPermissions() {
    return fetchMe();
  },
  async canAccess({ resource, action }) {
    const me = await fetchMe();
    return allows(me, resource, action);
  },
};
