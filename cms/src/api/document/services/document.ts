// api::document.document: Strapi finds it here by name; the code lives in its module.
export { default } from '../../../modules/documents/document';
