// api::document.letters: Strapi finds it here by name; the code lives in its module.
export { lettersServiceFactory as default } from '../../../modules/documents';
