import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { getToken } from './authProvider';
import { apiError } from './serverErrors';

const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (err) {
    // The server's field errors go to the form's fields (react-admin reads body.errors).
    if (err instanceof HttpError) throw apiError(err.status, err.body, err.message);
    throw err;
  }
};

const rest = simpleRestProvider('/api/panel', httpClient);

/** The staff API speaks ra-data-simple-rest's protocol under /api/panel. */
// The cases' month filter ("2026-10") goes to the server as is: months are the office's, in its time zone.
export const dataProvider: DataProvider = rest;

/**
 * Calls a staff-API route outside the resource protocol (case actions, timeline, open) with the
 * session token; errors come back as react-admin HttpErrors with the server's Indonesian message.
 */
export async function apiFetch<T = unknown>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${getToken()}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(path, { ...init, headers, body });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw apiError(res.status, data, res.statusText);
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
    throw apiError(res.status, data, res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const win = target ?? window.open('', '_blank');
  if (win) win.location.href = url;
  // The tab has loaded it by then; free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}
