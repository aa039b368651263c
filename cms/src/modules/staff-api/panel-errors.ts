import { errors } from '@strapi/utils';
import { PanelError } from './lib/errors';

const STRAPI_STATUS: [new (...args: any[]) => Error, number][] = [
  [errors.ValidationError, 400],
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
  [errors.RateLimitError, 429],
];

/**
 * First route middleware of the staff API: errors come back in Strapi's envelope
 * ({ data: null, error: { status, name, message, details } }) plus a top-level "message",
 * which react-admin's fetchJson shows to the user. Unexpected errors go on to Strapi (500).
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (err: any) {
    let status: number | undefined;
    let details: Record<string, unknown> = {};
    if (err instanceof PanelError) ({ status, details } = err);
    else {
      // Strapi's own errors, and the case engine's (its ConflictError is an HttpError with a status).
      status = STRAPI_STATUS.find(([type]) => err instanceof type)?.[1] ?? (err instanceof errors.HttpError && (err as any).status < 500 ? (err as any).status : undefined);
      details = err?.details ?? {};
      // The field a validation error is about, where the panel shows it.
      const path = (details.errors as any[] | undefined)?.[0]?.path;
      if (details.field === undefined && Array.isArray(path) && path.length) details = { ...details, field: path.join('.') };
    }
    if (!status) throw err;
    const message = status === 400 && !(err instanceof PanelError) ? `Data tidak valid: ${err.message}` : err.message;
    ctx.status = status;
    ctx.body = { data: null, error: { status, name: err.name, message, details }, message };
  }
};
