// api::sop.sop-version: Strapi finds it here by name; the code lives in its module.
export { sopVersionsServiceFactory as default } from '../../../modules/cases';
