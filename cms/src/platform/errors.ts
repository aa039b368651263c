import { errors } from '@strapi/utils';

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  409: 'ConflictError',
  410: 'GoneError',
  413: 'PayloadTooLargeError',
  429: 'TooManyRequestsError',
};

/**
 * The one error type of every refusal the server makes: HTTP status, a code (sent as the
 * envelope's "name"), the field it is about (where the panel shows it) and an Indonesian
 * message for the user. Build it with the constructors below, not with `new`.
 */
export class AppError extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = NAMES[status] ?? 'ApplicationError';
  }
  get code(): string {
    return this.name;
  }
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}
// Strapi's error middleware answers an http-errors HttpError with its status and envelope
// (and logs nothing); HttpError is abstract, so AppError joins its prototype chain instead.
Object.setPrototypeOf(AppError.prototype, errors.HttpError.prototype);

/** 400 about one field (of the body, or of a query parameter such as "filter.status"): "<field>: <message>". */
export function invalid(field: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(400, `${field}: ${message}`, { field, errors: [{ path: field.split('.'), message }], ...extra });
}
/** 400 naming the field and the value that was refused. */
export const fieldError = (field: string, message: string, value?: unknown): AppError => invalid(field, message, value === undefined ? {} : { value });

export const unauthorized = (message: string, details: Record<string, unknown> = {}) => new AppError(401, message, details);
export const forbidden = (message = 'Anda tidak berwenang untuk tindakan ini', details: Record<string, unknown> = {}) => new AppError(403, message, details);
export const notFound = (message = 'Data tidak ditemukan') => new AppError(404, message);
export const notAllowed = (message: string) => new AppError(405, message);
/** 409: someone else changed the record first, or its state forbids the action; the client reloads. */
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError(409, message, details);
export const gone = (message: string) => new AppError(410, message);
export const tooManyRequests = (message: string, details: Record<string, unknown> = {}) => new AppError(429, message, details);

export const STALE_MESSAGE = 'Kasus ini baru saja diubah oleh pengguna lain. Muat ulang kasus, periksa perubahannya, lalu ulangi tindakan Anda.';

export function staleCase(current: number, sent: unknown): AppError {
  return conflict(STALE_MESSAGE, { field: 'version', currentVersion: current, sentVersion: sent });
}

/** Unique-index violations of PostgreSQL and SQLite. */
export function isUniqueViolation(err: any): boolean {
  return err?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT_UNIQUE/.test(String(err?.message ?? err?.code ?? ''));
}

const STRAPI_STATUS: [abstract new (...args: never[]) => Error, number][] = [
  [errors.ValidationError, 400],
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
  [errors.RateLimitError, 429],
];

/**
 * The refusal an error stands for, as an AppError: itself, or one of Strapi's own errors
 * (its request validation, its policies, and rules that run inside its document service and
 * so must speak its types on the CMS's routes too). Undefined for unexpected errors (a 500).
 */
export function asAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (!(err instanceof Error)) return undefined;
  const status = STRAPI_STATUS.find(([type]) => err instanceof type)?.[1] ?? (err instanceof errors.HttpError && err.status < 500 ? err.status : undefined);
  if (!status) return undefined;
  let details = ((err as { details?: Record<string, unknown> }).details ?? {}) as Record<string, unknown>;
  // The field a validation error is about, where the panel shows it.
  const path = (details.errors as { path?: unknown }[] | undefined)?.[0]?.path;
  if (details.field === undefined && Array.isArray(path) && path.length) details = { ...details, field: path.join('.') };
  // Strapi's validation messages name no field; say what kind of refusal it is.
  const refusal = new AppError(status, status === 400 ? `Data tidak valid: ${err.message}` : err.message, details);
  refusal.name = err.name;
  return refusal;
}
