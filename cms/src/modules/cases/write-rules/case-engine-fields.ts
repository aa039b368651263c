import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const CASE_UID = 'api::case.case';

/** Fields only the case engine writes: where the case stands and how it got there. */
export const ENGINE_FIELDS = [
  'status',
  'currentActivity',
  'currentExecutor',
  'queueRoles',
  'version',
  'sopVersion',
  'openKey',
  'waitingFor',
  'bpjsResult',
  'bpjsReason',
  'outcome',
  'closedAt',
  'activityStartedAt',
  'activityDueAt',
  'activeFrom',
] as const;

const same = (a: unknown, b: unknown) => {
  if (a === b || ((a === null || a === undefined) && (b === null || b === undefined))) return true;
  const ta = a instanceof Date || typeof a === 'string' ? Date.parse(String(a instanceof Date ? a.toISOString() : a)) : NaN;
  const tb = b instanceof Date || typeof b === 'string' ? Date.parse(String(b instanceof Date ? b.toISOString() : b)) : NaN;
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && typeof a !== 'number') return ta === tb;
  return String(a) === String(b);
};

/**
 * A case's status and position change only through the engine's explicit actions
 * (POST /api/panel/cases/:id/actions/:action), never by editing the record: an update through
 * the document service (CMS, generic APIs) may resend these fields unchanged, not change them.
 */
export function caseEngineFields(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== CASE_UID || ctx.action !== 'update') return next();
    const data = (ctx.params as any)?.data ?? {};
    const touched = ENGINE_FIELDS.filter((f) => f in data);
    if (!touched.length) return next();
    const current = await strapi.db.query(CASE_UID).findOne({ where: { documentId: (ctx.params as any).documentId }, select: [...touched] });
    // An edit of the other fields (priority, assignee) bumps the version by one: optimistic locking, not a move.
    const bumped = (f: string) => f === 'version' && current && Number(data[f]) === Number(current[f]) + 1;
    const changed = touched.filter((f) => current && !same(data[f], current[f]) && !bumped(f));
    if (changed.length) {
      const message = 'Status dan posisi kasus hanya dapat diubah melalui tindakan kasus (POST /api/panel/cases/:id/actions/:action)';
      throw new errors.ValidationError(message, { errors: changed.map((f) => ({ path: [f], message, name: 'ValidationError' })) });
    }
    return next();
  };
}
