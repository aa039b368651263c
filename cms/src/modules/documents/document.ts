import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { identityAsShown, seesIdentityInFull } from '../../core/identity-visibility';
import type { StaffContext } from '../../core/staff';
import { letterHtml } from './letter-html';
import { buildLetter, withIdentityAs } from './letter-view';
import { recordPersonalDataAccess } from '../privacy';
import { sopHtml } from './sop-template';
import { standardHtml } from './standard-template';

type Status = 'published' | 'draft';

/**
 * Public standards and SOPs are downloaded far more often than they change: the PDF of the same
 * HTML is the same, so the last few are kept by a hash of their HTML. Letters are not cached.
 */
const CACHE_SIZE = 32;
const cache = new Map<string, Buffer>();
async function cached(html: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const key = createHash('sha256').update(html).digest('base64');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pdf = await render();
  cache.set(key, pdf);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return pdf;
}

/** Renders the five kinds of documents to PDF through the shared page pool. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const views = () => strapi.service('api::document.views');
  const letters = () => strapi.service('api::document.letters');
  const pdf = () => strapi.service('api::document.pdf');
  return {
    async standardHtml(slug: string, status: Status = 'published') {
      const found = await views().standardBySlug(slug, status);
      if (!found) throw new errors.NotFoundError('Standar pelayanan tidak ditemukan');
      return { ...found, html: standardHtml(found.standard, found.office) };
    },

    async renderStandard(slug: string, status: Status = 'published'): Promise<Buffer> {
      const { html } = await this.standardHtml(slug, status);
      return cached(html, () => pdf().render({ html }));
    },

    async sopHtml(documentId: string, status: Status = 'published') {
      const found = await views().sopByDocumentId(documentId, status);
      if (!found) throw new errors.NotFoundError('SOP tidak ditemukan');
      return { ...found, ...sopHtml(found.sop, found.office) };
    },

    async renderSop(documentId: string, status: Status = 'published'): Promise<Buffer> {
      const { html } = await this.sopHtml(documentId, status);
      return cached(html, () => pdf().render({ html }));
    },

    /**
     * A letter as `staff` may print it: identity numbers in full or masked by the same rule as
     * on screen and in exports (core/identity-visibility.ts), and whose it printed in full.
     */
    async letterHtml(letterDocumentId: string, staff: StaffContext) {
      const { letter, data } = await letters().letterData(letterDocumentId);
      const { view, printed } = buildLetter(withIdentityAs(data, (field, value) => identityAsShown(staff, field, value)));
      return { letter, html: letterHtml(view), printed: seesIdentityInFull(staff) ? printed : { fields: [], applicants: [] } };
    },

    /** The letter as a PDF buffer for `staff`; identity numbers it gives in full are recorded (cms/src/modules/privacy) first. */
    async renderLetter(letterDocumentId: string, staff: StaffContext): Promise<Buffer> {
      const { letter, html, printed } = await this.letterHtml(letterDocumentId, staff);
      const buffer = await pdf().render({ html, tagged: false });
      await recordPersonalDataAccess(strapi, {
        staff,
        kind: 'letter-pdf',
        route: `GET /api/documents/letters/${letterDocumentId}/pdf`,
        purpose: `surat PDF ${letter.number || `${letter.kind} (draf)`}`,
        reference: letterDocumentId,
        fields: printed.fields,
        applicants: printed.applicants,
      });
      return buffer;
    },
  };
};
