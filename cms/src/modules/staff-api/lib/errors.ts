/**
 * Errors of the staff API. Each carries the HTTP status and, for bad input, the field it is
 * about, so that the panel can show the message next to the right input.
 */
export class PanelError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = PANEL_ERROR_NAMES[status] ?? 'PanelError';
  }
}

const PANEL_ERROR_NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  409: 'ConflictError',
  429: 'TooManyRequestsError',
};

/** 400 about one field (of the body, or of a query parameter such as "filter.status"). */
export function fieldError(field: string, message: string, value?: unknown): PanelError {
  return new PanelError(400, `${field}: ${message}`, { field, errors: [{ path: field.split('.'), message }], ...(value === undefined ? {} : { value }) });
}

export const forbidden = (message = 'Anda tidak berwenang untuk tindakan ini', details: Record<string, unknown> = {}) => new PanelError(403, message, details);
export const notFound = (message = 'Data tidak ditemukan') => new PanelError(404, message);
export const conflict = (message: string, details: Record<string, unknown> = {}) => new PanelError(409, message, details);
export const notAllowed = (message: string) => new PanelError(405, message);
export const gone = (message: string) => new PanelError(410, message);
