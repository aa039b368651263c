import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRIVATE_FILE_OWNERS } from '../api/case/services/engine/requirements';

const FILE_UID = 'plugin::upload.file';
const PREFIX = '/uploads/';

/**
 * The hashes a requested /uploads name may belong to: the file's own (<hash><ext>) and, for an
 * image format (thumbnail_<hash><ext>, small_<hash><ext>, ...), the original's.
 */
export function hashCandidates(requestPath: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return [];
  }
  // Normalised like koa-send does, so that /uploads/x/../<name> is looked up as <name>.
  const normal = path.posix.normalize(decoded);
  if (!normal.startsWith(PREFIX)) return [];
  const name = path.posix.basename(normal);
  const hash = name.slice(0, name.length - path.posix.extname(name).length);
  if (!hash) return [];
  const original = hash.replace(/^[A-Za-z0-9-]+_/, '');
  return original && original !== hash ? [hash, original] : [hash];
}

/**
 * Global middleware in front of the upload plugin's public /uploads route (and strapi::public):
 * files linked to a case, a checklist item or a letter hold personal data and answer 404, as if
 * absent, so that their names are not confirmed either. Staff read them through
 * GET /api/panel/cases/:id/files/:fileId. One indexed query (files.hash) per /uploads request.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let query: ((hashes: string[]) => Promise<unknown>) | null = null;
  const isPrivate = (hashes: string[]) => {
    if (!query) {
      const meta = strapi.db.metadata.get(FILE_UID as any) as any;
      const jt = meta.attributes.related.joinTable;
      const typeCol = jt.morphColumn.typeColumn.name;
      const knex = strapi.db.connection;
      query = (h) =>
        knex(`${meta.tableName} as f`)
          .join(`${jt.name} as m`, `m.${jt.joinColumn.name}`, 'f.id')
          .whereIn('f.hash', h)
          .whereIn(`m.${typeCol}`, PRIVATE_FILE_OWNERS)
          .first(knex.raw('1 as hit'));
    }
    return query(hashes);
  };

  return async (ctx: any, next: () => Promise<void>) => {
    // No raw prefix test: strapi::public decodes and normalises (/%75ploads/... is /uploads/...).
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const hashes = hashCandidates(ctx.path);
    // The same answer as for a name that does not exist.
    if (hashes.length && (await isPrivate(hashes))) throw new errors.NotFoundError('Not Found');
    return next();
  };
};
