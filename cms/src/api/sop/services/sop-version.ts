// api::sop.sop-version: Strapi finds it here by name; the code lives in its module.
export { default } from '../../../modules/cases/sop-versions';
