import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkTemplateText } from '../../documents';

const UID = 'api::letter-template.letter-template';
export const TEMPLATE_TEXT_FIELDS = ['subject', 'addressee', 'body', 'copies', 'attachmentLabel', 'considering', 'legalBasis', 'decisions', 'decreeTitle'] as const;

/**
 * A letter template is refused when one of its texts uses a placeholder the renderer does not
 * know (or leaves a section open): the error names the field and the placeholder, and the
 * template is not saved. Runs for every writer (CMS, API, seeds).
 */
export function letterTemplatePlaceholders(_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== UID || !['create', 'update'].includes(ctx.action)) return next();
    const data = (ctx.params as any)?.data ?? {};
    const problems = TEMPLATE_TEXT_FIELDS.flatMap((field) => (typeof data[field] === 'string' ? checkTemplateText(data[field]).map((p) => ({ field, ...p })) : []));
    if (problems.length) {
      throw new errors.ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
        errors: problems.map((p) => ({ path: [p.field], message: `${p.message}`, name: 'ValidationError', value: p.placeholder })),
      });
    }
    return next();
  };
}
