import type { Core, Modules } from '@strapi/strapi';
import { storedActivityIndexes, toDefinition, validateSop } from '../../../core/sop-walker';
import { isPublishing, publishRefused } from '../../../platform/document-middlewares/publish-check';

const SOP_UID = 'api::sop.sop';
const WALKED = ['executors', 'activities', 'tracks'] as const;

/**
 * An SOP is the program cases run: it can only be published when every activity has an
 * executor with roles, every branch leads to an existing activity and an end is reachable.
 * Drafts may be incomplete. Problems come back in Indonesian, naming the field.
 */
export function sopValidation(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== SOP_UID) return next();
    if (!isPublishing(ctx)) return next();
    const params = ctx.params as any;
    let sop: any = {};
    if (ctx.action !== 'create' && params.documentId) {
      sop = (await strapi.documents(SOP_UID as any).findOne({ documentId: params.documentId, status: 'draft', populate: { executors: true, activities: true, tracks: true } } as any)) ?? {};
    }
    const data = params.data ?? {};
    for (const field of WALKED) if (field in data) sop[field] = data[field];
    sop.name = data.name ?? sop.name;
    // The walker sorts activities by number; a path names the activity as stored (the form's order).
    const stored = storedActivityIndexes(sop);
    const problems = validateSop(toDefinition(sop)).map((p) => ({ ...p, path: p.path.replace(/^activities\.(\d+)/, (_m, i) => `activities.${stored[Number(i)]}`) }));
    if (problems.length) throw publishRefused('SOP', problems);
    return next();
  };
}
