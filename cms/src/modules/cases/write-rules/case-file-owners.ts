import type { Core, Modules } from '@strapi/strapi';
import { removeUnlinkedFiles } from '../engine/files';

/** What a case file belongs to: deleting one leaves its files to nobody. */
const OWNERS = ['api::case.case', 'api::letter.letter'];

/** A deleted case or letter takes its files along (records and private bytes), whichever API deletes it. */
export function caseFileOwners(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next();
    if (ctx.action === 'delete' && OWNERS.includes(ctx.uid)) await removeUnlinkedFiles(strapi);
    return result;
  };
}
