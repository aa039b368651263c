import { HttpError } from 'react-admin';

/** A staff-API error body: Strapi's envelope plus a top-level message (docs/staff-api.md). */
interface ApiErrorBody {
  message?: string;
  error?: { message?: string; details?: { field?: string; errors?: { path?: (string | number)[]; message?: string }[] } };
}

type Tree = { [key: string]: string | Tree };

function put(tree: Tree, path: (string | number)[], message: string) {
  let node = tree;
  path.slice(0, -1).forEach((key) => {
    const next = node[key];
    node = node[key] = typeof next === 'object' ? next : {};
  });
  const last = String(path[path.length - 1]);
  // The first problem of a field is the one shown.
  if (node[last] === undefined) node[last] = message;
}

/**
 * The server's validation details as react-admin's form errors ({ errors: { phone: '…' } }):
 * SimpleForm shows them at their fields and keeps what was typed. A problem that names no field
 * goes to root.serverError (shown as the form's notification).
 */
export function formErrors(body: ApiErrorBody | null | undefined): Tree | null {
  const error = body?.error;
  if (!error) return null;
  const message = body?.message ?? error.message ?? '';
  const details = error.details ?? {};
  // A stale version (409: someone saved first) is no field's fault: the whole form hears it, and
  // keeps what was typed.
  if (details.field === 'version') return { root: { serverError: message } };
  const errors: Tree = {};
  for (const e of details.errors ?? []) {
    if (e.path?.length && e.message) put(errors, e.path, e.message);
  }
  if (details.field && !Object.keys(errors).length) {
    // "phone: formatnya tidak valid" reads "formatnya tidak valid" under the phone field.
    const prefix = `${details.field}: `;
    put(errors, details.field.split('.'), message.startsWith(prefix) ? message.slice(prefix.length) : message);
  }
  if (!Object.keys(errors).length) {
    if (!message) return null;
    errors.root = { serverError: message };
  }
  return errors;
}

/** An HttpError with the server's message and, in body.errors, the form errors react-admin reads. */
export function apiError(status: number, body: unknown, fallback: string): HttpError {
  const data = (body && typeof body === 'object' ? body : {}) as ApiErrorBody & Record<string, unknown>;
  const errors = status >= 400 && status < 500 ? formErrors(data) : null;
  return new HttpError(data.message ?? data.error?.message ?? fallback, status, errors ? { ...data, errors } : data);
}
