import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The relations the high-volume tables store on the row ("useJoinTable": false) get from here
 * what Strapi's document service does for link tables only (its relation transform and its
 * clone skip join columns): a documentId, in any of the forms the CMS and the API send (string,
 * { documentId }, { id }, set, connect, disconnect), becomes the target row's id, and an input
 * it can't read is refused (400, naming the field) rather than dropped. Registered last, so it
 * sees what the other middlewares set (applicant-scope names the village and office by
 * documentId).
 */
const WRITES = ['create', 'update', 'clone'];

const refuse = (name: string, message: string) => new errors.ValidationError(`${name}: ${message}`, { errors: [{ path: [name], message, name: 'ValidationError' }] });

export function relationsOnRows(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const onRow = new Map<string, { name: string; target: string; column: string }[]>();
  const relationsOf = (uid: string) => {
    let list = onRow.get(uid);
    if (!list) {
      const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
      const meta = strapi.db.metadata.get(uid as any) as any;
      list = Object.entries(attributes).flatMap(([name, a]) =>
        a.type === 'relation' && a.useJoinTable === false ? [{ name, target: a.target as string, column: meta.attributes[name].joinColumn.name as string }] : [],
      );
      onRow.set(uid, list);
    }
    return list;
  };

  /** The row id one reference names: a row id, a documentId, or an object with either. */
  async function idOf(name: string, target: string, ref: any): Promise<number> {
    if (typeof ref === 'number' && Number.isInteger(ref)) return ref;
    if (ref && typeof ref === 'object') {
      if (typeof ref.id === 'number') return ref.id;
      if (typeof ref.documentId === 'string') return idOf(name, target, ref.documentId);
    }
    if (typeof ref === 'string' && ref) {
      const row = await strapi.db.query(target as any).findOne({ where: { documentId: ref }, select: ['id'] });
      if (!row) throw refuse(name, 'data terkait tidak ditemukan');
      return row.id;
    }
    throw refuse(name, 'rujukan data terkait tidak dikenali');
  }
  const list = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

  /** The row id the input leaves the relation at: a number, null (none), or undefined (unchanged). */
  async function rowId(name: string, target: string, input: any, current: () => Promise<number | null>): Promise<number | null | undefined> {
    if (input === null) return null;
    if (Array.isArray(input)) return input.length ? idOf(name, target, input[input.length - 1]) : null;
    if (input && typeof input === 'object' && ('set' in input || 'connect' in input || 'disconnect' in input)) {
      if ('set' in input) {
        const set = list(input.set);
        return set.length ? idOf(name, target, set[set.length - 1]) : null;
      }
      const connect = list(input.connect);
      if (connect.length) return idOf(name, target, connect[connect.length - 1]);
      const disconnect = list(input.disconnect);
      if (!disconnect.length) return undefined;
      // Disconnecting clears the relation only when it names the current target.
      const now = await current();
      for (const ref of disconnect) if ((await idOf(name, target, ref)) === now) return null;
      return undefined;
    }
    return idOf(name, target, input);
  }

  return async (ctx, next) => {
    if (!WRITES.includes(ctx.action)) return next();
    const params = ctx.params as any;
    const data = params?.data;
    if (!data || typeof data !== 'object') return next();
    const table = (strapi.db.metadata.get(ctx.uid as any) as any)?.tableName;
    for (const { name, target, column } of relationsOf(ctx.uid)) {
      if (!(name in data)) continue;
      const current = async () => {
        if (!params.documentId) return null;
        const row = await strapi.db.connection(table).where({ document_id: params.documentId }).first(column);
        return row?.[column] ?? null;
      };
      const id = await rowId(name, target, data[name], current);
      if (id === undefined) delete data[name];
      else data[name] = id;
    }
    return next();
  };
}
