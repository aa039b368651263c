import { getToken } from '../authProvider';

/** Calls of the staff API beyond ra-data-simple-rest's protocol (actions, stats, jobs, files). */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: any,
  ) {
    super(message);
  }
}

function authHeaders(extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

async function failure(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null);
  return new ApiError(body?.message ?? body?.error?.message ?? `HTTP ${res.status}`, res.status, body);
}

/** GET or POST JSON under /api/panel; the answer's `data` envelope (batch actions) is unwrapped. */
export async function api<T = any>(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<T> {
  const headers = authHeaders(init.json !== undefined ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' });
  const res = await fetch(`/api/panel${path}`, { method: init.method ?? (init.json !== undefined || init.form ? 'POST' : 'GET'), headers, body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined) });
  if (!res.ok) throw await failure(res);
  const body = await res.json();
  return body && typeof body === 'object' && 'data' in body && Object.keys(body).length <= 2 ? body.data : body;
}

/** Downloads a file of the staff API (bearer token) and hands it to the browser as a download. */
export const download = (path: string, fallbackName: string) => downloadUrl(`/api/panel${path}`, fallbackName);

/** Downloads a private file (staff token) under any API path, e.g. a letter's PDF. */
export async function downloadUrl(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { headers: authHeaders() });
  if (!res.ok) throw await failure(res);
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

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  dryRun: boolean;
  fileName: string | null;
  rowsTotal: number | null;
  rowsRead: number;
  rowsValid: number;
  rowsWritten: number;
  problemCount: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  hasReport: boolean;
  hasFile: boolean;
}

export const FINISHED = ['succeeded', 'failed', 'cancelled'];
export const isFinished = (job: Pick<Job, 'status'>) => FINISHED.includes(job.status);

export interface ReportRow {
  row: number;
  field: string | null;
  problem: string;
}
