// api::public-site.limits: Strapi finds it here by name; the code lives in its module.
export { limitsServiceFactory as default } from '../../../modules/public-site';
