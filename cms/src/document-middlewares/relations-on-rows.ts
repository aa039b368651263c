import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The relations the high-volume tables store on the row ("useJoinTable": false) get from here
 * what Strapi's document service does for link tables only (its relation transform skips join
 * columns): a documentId, in any of the forms the CMS and the API send (string, { documentId },
 * set, connect), becomes the target row's id. Registered last, so it sees what the other
 * middlewares set (applicant-scope names the village and office by documentId).
 */
export function relationsOnRows(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const onRow = new Map<string, [string, string][]>();
  const relationsOf = (uid: string) => {
    let list = onRow.get(uid);
    if (!list) {
      const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
      list = Object.entries(attributes).flatMap(([name, a]) => (a.type === 'relation' && a.useJoinTable === false ? [[name, a.target as string] as [string, string]] : []));
      onRow.set(uid, list);
    }
    return list;
  };

  /** The row id a relation input names; null for none, undefined for "leave as it is". */
  async function rowId(name: string, target: string, input: any): Promise<number | null | undefined> {
    if (input === null) return null;
    if (typeof input === 'number') return input;
    if (Array.isArray(input)) return input.length ? rowId(name, target, input[input.length - 1]) : null;
    if (typeof input === 'string') {
      const row = await strapi.db.query(target as any).findOne({ where: { documentId: input }, select: ['id'] });
      if (!row) throw new errors.ValidationError(`${name}: data terkait tidak ditemukan`, { errors: [{ path: [name], message: 'Data terkait tidak ditemukan', name: 'ValidationError' }] });
      return row.id;
    }
    if (typeof input === 'object') {
      if (typeof input.id === 'number') return input.id;
      if (typeof input.documentId === 'string') return rowId(name, target, input.documentId);
      if (Array.isArray(input.set)) return rowId(name, target, input.set);
      if (Array.isArray(input.connect) && input.connect.length) return rowId(name, target, input.connect);
      if (Array.isArray(input.disconnect) && input.disconnect.length) return null;
    }
    return undefined;
  }

  return async (ctx, next) => {
    if (!['create', 'update'].includes(ctx.action)) return next();
    const data = (ctx.params as any)?.data;
    if (!data || typeof data !== 'object') return next();
    for (const [name, target] of relationsOf(ctx.uid)) {
      if (!(name in data)) continue;
      const id = await rowId(name, target, data[name]);
      if (id === undefined) delete data[name];
      else data[name] = id;
    }
    return next();
  };
}
