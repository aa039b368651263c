import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkIdentity } from '../../../core/nik';

const APPLICANT_UID = 'api::applicant.applicant';
const IDENTITY_FIELDS = ['nik', 'kkNumber', 'sex', 'birthDate'] as const;

/**
 * NIK, KK, sex and birth date must agree (see domain/nik.ts). Runs for every writer: the
 * CMS, the staff API, imports. On update the stored values fill in what the request leaves out.
 */
export function validateIdentity(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== APPLICANT_UID || !['create', 'update'].includes(ctx.action)) return next();
    const data = (ctx.params as any)?.data ?? {};
    if (!IDENTITY_FIELDS.some((f) => f in data)) return next();
    let current: Record<string, unknown> = {};
    if (ctx.action === 'update' && (ctx.params as any).documentId) {
      current = (await strapi.db.query(APPLICANT_UID).findOne({ where: { documentId: (ctx.params as any).documentId }, select: [...IDENTITY_FIELDS] })) ?? {};
    }
    const merged = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, f in data ? data[f] : current[f]]));
    const problems = checkIdentity(merged);
    if (problems.length) {
      throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
        errors: problems.map((p) => ({ path: [p.field], message: p.message, name: 'ValidationError', value: merged[p.field] })),
      });
    }
    return next();
  };
}
