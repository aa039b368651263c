import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkDate, checkDateTime, pastInstantProblem } from '../../core/dates';

type Attributes = Record<string, { type?: string; component?: string; repeatable?: boolean }>;
type Problem = { path: string[]; message: string };

/**
 * When things happened, per content type: not in the future, not before the date given. A
 * complaint received by phone is recorded afterwards, but never before it was received.
 */
const PAST_EVENTS: Record<string, Record<string, string>> = {
  'api::complaint.complaint': { receivedAt: '2000-01-01' },
};

const WRITES = ['create', 'update', 'clone'];

/**
 * Every date a writer sends — the CMS, the staff API, the public forms, jobs — is a real calendar
 * day between 1900 and 2100 (core/dates.ts), in the document's own fields and in its components;
 * the events above are also in the past. Strapi itself stores "2026-02-31" as 3 March and a year
 * 99999 as given. Birth dates have their own rule with the NIK (validate-identity.ts).
 */
export function datesInRange(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const attributesOf = (uid: string): Attributes => ((strapi.getModel(uid as any) as any)?.attributes ?? {}) as Attributes;

  function check(uid: string, data: Record<string, unknown>, path: string[], problems: Problem[], now: Date): void {
    for (const [name, attr] of Object.entries(attributesOf(uid))) {
      const value = data[name];
      if (value === undefined || value === null || value === '') continue;
      const at = [...path, name];
      if (attr.type === 'date') {
        const checked = checkDate(value instanceof Date ? value.toISOString().slice(0, 10) : value);
        if ('problem' in checked) problems.push({ path: at, message: checked.problem });
      } else if (attr.type === 'datetime' || attr.type === 'timestamp') {
        const checked = checkDateTime(typeof value === 'number' ? new Date(value) : value);
        if ('problem' in checked) problems.push({ path: at, message: checked.problem });
        else if (!path.length && PAST_EVENTS[uid]?.[name]) {
          const problem = pastInstantProblem(checked.at, PAST_EVENTS[uid][name], now);
          if (problem) problems.push({ path: at, message: problem });
        }
      } else if (attr.type === 'component' && attr.component && typeof value === 'object') {
        const items = attr.repeatable && Array.isArray(value) ? value : [value];
        items.forEach((item, i) => {
          if (item && typeof item === 'object') check(attr.component!, item as Record<string, unknown>, attr.repeatable ? [...at, String(i)] : at, problems, now);
        });
      }
    }
  }

  return async (ctx, next) => {
    const data = (ctx.params as any)?.data;
    if (!WRITES.includes(ctx.action) || !data || typeof data !== 'object') return next();
    const problems: Problem[] = [];
    check(ctx.uid, data, [], problems, new Date());
    if (problems.length) {
      const message = problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
      throw new errors.ValidationError(message, { errors: problems.map((p) => ({ ...p, name: 'ValidationError' })) });
    }
    return next();
  };
}
