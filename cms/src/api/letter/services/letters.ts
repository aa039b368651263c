// api::letter.letters: Strapi finds it here by name; the code lives in its module.
export { letterRegisterServiceFactory as default } from '../../../modules/documents';
