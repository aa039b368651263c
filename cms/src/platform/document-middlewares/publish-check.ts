import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Context = Parameters<Modules.Documents.Middleware.Middleware>[0];

/** Whether a document-service call publishes: publish itself, or a create/update straight to published. */
export function isPublishing(ctx: Context): boolean {
  const params = ctx.params as any;
  return ctx.action === 'publish' || (['create', 'update'].includes(ctx.action) && params?.status === 'published');
}

/** A 400 listing every problem in Indonesian, each under its field ("a.b.c" paths). */
export function publishRefused(what: string, problems: { path: string; message: string }[]) {
  return new errors.ValidationError(`${what} belum dapat diterbitkan: ${problems.map((p) => p.message).join('; ')}`, {
    errors: problems.map((p) => ({ path: p.path.split('.'), message: p.message, name: 'ValidationError' })),
  });
}
