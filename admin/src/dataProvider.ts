import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { getToken } from './authProvider';

const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
};

/** A month filter ("2026-10") as the staff API's receivedAt range (cases' "by month" tab). */
function withMonth(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const { month, ...rest } = filter;
  if (typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month)) return rest;
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { ...rest, receivedAt_gte: `${month}-01T00:00:00`, receivedAt_lt: `${next}-01T00:00:00` };
}

const rest = simpleRestProvider('/api/panel', httpClient);

/** The staff API speaks ra-data-simple-rest's protocol under /api/panel. */
export const dataProvider: DataProvider = {
  ...rest,
  getList: (resource, params) => rest.getList(resource, { ...params, filter: withMonth(params.filter) }),
};

/**
 * Calls a staff-API route outside the resource protocol (case actions, timeline, open) with the
 * session token; errors come back as react-admin HttpErrors with the server's Indonesian message.
 */
export async function apiFetch<T = any>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${getToken()}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(path, { ...init, headers, body });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new HttpError(data?.message ?? data?.error?.message ?? res.statusText, res.status, data);
  return data as T;
}

/**
 * Opens a private file (case files, letter PDFs) in a new tab: fetched with the token, shown
 * from a blob URL, since these files are never reachable without it.
 */
export async function openPrivateFile(path: string, target?: Window | null): Promise<string> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${getToken()}` } });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new HttpError(data?.message ?? data?.error?.message ?? res.statusText, res.status, data);
  }
  const url = URL.createObjectURL(await res.blob());
  const win = target ?? window.open('', '_blank');
  if (win) win.location.href = url;
  // The tab has loaded it by then; free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}
