import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { letterHtml } from '../../../documents/letter-html';
import { buildLetterView } from '../../../documents/letter-view';
import { sopHtml } from '../../../documents/sop-template';
import { standardHtml } from '../../../documents/standard-template';

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

    async letterHtml(letterDocumentId: string) {
      const { letter, data } = await letters().letterData(letterDocumentId);
      return { letter, html: letterHtml(buildLetterView(data)) };
    },

    /** The letter as a PDF buffer, from its letter record. */
    async renderLetter(letterDocumentId: string): Promise<Buffer> {
      const { html } = await this.letterHtml(letterDocumentId);
      return pdf().render({ html, tagged: false });
    },
  };
};
