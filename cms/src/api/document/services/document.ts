// api::document.document: Strapi finds it here by name; the code lives in its module.
export { documentServiceFactory as default } from '../../../modules/documents';
