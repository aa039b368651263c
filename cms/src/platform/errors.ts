import { errors } from '@strapi/utils';

/** 409: someone else changed the record first; the client reloads and tries again. */
export class ConflictError extends Error {
  readonly status = 409;
  readonly expose = true;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
// Strapi's error middleware answers an http-errors HttpError with its status (and logs
// nothing); HttpError is abstract, so ConflictError joins its prototype chain instead.
Object.setPrototypeOf(ConflictError.prototype, errors.HttpError.prototype);

/** 400 naming the field, in Strapi's ValidationError shape. */
export function invalid(field: string, message: string, extra: Record<string, unknown> = {}) {
  return new errors.ValidationError(message, { errors: [{ path: field.split('.'), message, name: 'ValidationError' }], ...extra });
}

// A PolicyError is a 403 whose message reaches the client (Strapi hides other ForbiddenErrors' messages).
export const forbidden = (message: string) => new errors.PolicyError(message);
export const notFound = (message: string) => new errors.NotFoundError(message);

export const STALE_MESSAGE = 'Kasus ini baru saja diubah oleh pengguna lain. Muat ulang kasus, periksa perubahannya, lalu ulangi tindakan Anda.';

export function staleCase(current: number, sent: unknown) {
  return new ConflictError(STALE_MESSAGE, { field: 'version', currentVersion: current, sentVersion: sent });
}

/** Unique-index violations of PostgreSQL and SQLite. */
export function isUniqueViolation(err: any): boolean {
  return err?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT_UNIQUE/.test(String(err?.message ?? err?.code ?? ''));
}
