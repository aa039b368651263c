import { errors } from '@strapi/utils';

/** Ids as the admin API sends them (numbers or digit strings); anything else is a 400 naming the field. */
export function idsOf(value: unknown, field: string): number[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    const id = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(id) || id < 1) throw new errors.ValidationError(`${field} harus berisi nomor (id)`, { field });
    return id;
  });
}

/**
 * The id of /upload/files/:id, /upload/folders/:id and POST /upload?id=: the plugin hands it to
 * the database as it came, and PostgreSQL answers a 500 for "abc".
 */
export const checkIdParams = async (ctx: any, next: () => Promise<unknown>) => {
  if (ctx.params?.id !== undefined) idsOf(ctx.params.id, 'id');
  if (ctx.query?.id !== undefined) idsOf(ctx.query.id, 'id');
  return next();
};
