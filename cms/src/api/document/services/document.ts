import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { letterHtml } from '../../../documents/letter-html';
import { buildLetterView } from '../../../documents/letter-view';
import { sopHtml } from '../../../documents/sop-template';
import { standardHtml } from '../../../documents/standard-template';

type Status = 'published' | 'draft';

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
      const { html, standard } = await this.standardHtml(slug, status);
      return pdf().render({ html, footerLabel: `Standar Pelayanan ${standard.title}` });
    },

    async sopHtml(documentId: string, status: Status = 'published') {
      const found = await views().sopByDocumentId(documentId, status);
      if (!found) throw new errors.NotFoundError('SOP tidak ditemukan');
      return { ...found, ...sopHtml(found.sop, found.office) };
    },

    async renderSop(documentId: string, status: Status = 'published'): Promise<Buffer> {
      const { html, sop } = await this.sopHtml(documentId, status);
      return pdf().render({ html, landscape: true, footerLabel: `SOP ${sop.name}` });
    },

    async letterHtml(letterDocumentId: string) {
      const { letter, data } = await letters().letterData(letterDocumentId);
      return { letter, html: letterHtml(buildLetterView(data)) };
    },

    /** The letter as a PDF buffer, from its letter record. */
    async renderLetter(letterDocumentId: string): Promise<Buffer> {
      const { letter, html } = await this.letterHtml(letterDocumentId);
      return pdf().render({ html, footerLabel: `${letter.kind} ${letter.number ?? ''}`.trim() });
    },
  };
};
