// api::case.engine: Strapi finds it here by name; the code lives in its module.
export { engineServiceFactory as default } from '../../../modules/cases';
