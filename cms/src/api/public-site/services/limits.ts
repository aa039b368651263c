// api::public-site.limits: Strapi finds it here by name; the code lives in its module.
export { default } from '../../../modules/public-site/limits';
