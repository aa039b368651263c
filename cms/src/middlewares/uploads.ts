/**
 * /uploads: the Media Library's files (office logos, pictures and PDFs of public pages), read
 * from DATA_DIR/uploads and served inert. Whatever a file holds, it never runs as a page of this
 * origin, where the staff panel keeps its session:
 *   - pictures and PDFs (the types the Media Library takes, by extension, which the upload
 *     check sets from the content) inline with their type; anything else (a file put into the
 *     folder by hand: HTML, SVG, scripts) as an application/octet-stream attachment;
 *   - nosniff and a sandboxing CSP (modules/files/inert.ts).
 * Case files are not here: they live in the private store (src/modules/files), read through the staff API.
 * Runs before the router: the upload plugin's own /uploads route (cms/public/uploads) is never reached.
 */
import path from 'path';
import send from 'koa-send';
import { errors } from '@strapi/utils';
import { uploadsDir, setInertHeaders } from '../modules/files';

const PREFIX = '/uploads/';
/** Stored names are Strapi's <hash><ext>, thumbnail_<hash><ext>, ...: flat, no paths. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const INLINE: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
};

/**
 * The stored name a request path asks for: undefined when the path is not under /uploads,
 * null when it is but names no storable file. Decoded and normalised as the static file servers
 * do, so that /%75ploads/x and /a/../uploads/x are /uploads/x too.
 */
export function uploadName(requestPath: string): string | null | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  const normal = path.posix.normalize(decoded);
  if (!normal.startsWith(PREFIX)) return undefined;
  const name = normal.slice(PREFIX.length);
  return NAME.test(name) ? name : null;
}

export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
  const name = uploadName(ctx.path);
  if (name === undefined) return next();
  const missing = () => new errors.NotFoundError('Not Found');
  if (name === null) throw missing();
  // (The name holds no "%": koa-send's own decoding changes nothing.)
  const served = await send(ctx, name, { root: uploadsDir(), hidden: false }).catch((err) => {
    if (err?.status === 404) return null;
    throw err;
  });
  if (!served) throw missing();
  const type = INLINE[path.extname(name).toLowerCase()];
  setInertHeaders(ctx, type ?? 'application/octet-stream');
  if (type) {
    ctx.type = type;
  } else {
    // (attachment() sets the type from the name: the type comes after it.)
    ctx.attachment(name);
    ctx.type = 'application/octet-stream';
  }
};
