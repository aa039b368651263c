// api::document.pdf: Strapi finds it here by name; the code lives in its module.
export { pdfServiceFactory as default } from '../../../modules/documents';
