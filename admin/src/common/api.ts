import { HttpError } from 'react-admin';
import { getToken } from '../authProvider';
import { apiFetch } from '../dataProvider';

/** Calls of the staff API beyond ra-data-simple-rest's protocol (actions, stats, jobs, files). */

/** GET or POST JSON (or a form) under /api/panel; the answer's `data` envelope (batch actions) is unwrapped. */
export async function api<T = unknown>(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<T> {
  const method = init.method ?? (init.json !== undefined || init.form ? 'POST' : 'GET');
  const body = await apiFetch<unknown>(`/api/panel${path}`, { method, json: init.json, body: init.form, headers: { Accept: 'application/json' } });
  // The caller names the answer's shape (T): the staff API's JSON is trusted as documented in docs/staff-api.md.
  return (body && typeof body === 'object' && 'data' in body && Object.keys(body).length <= 2 ? body.data : body) as T;
}

/** Downloads a file of the staff API (bearer token) and hands it to the browser as a download. */
export const download = (path: string, fallbackName: string) => downloadUrl(`/api/panel${path}`, fallbackName);

/** Downloads a private file (staff token) under any API path, e.g. a letter's PDF. */
export async function downloadUrl(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${getToken()}` } });
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
    throw new HttpError(data?.message ?? data?.error?.message ?? `HTTP ${res.status}`, res.status, data);
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
