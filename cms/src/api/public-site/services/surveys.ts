// api::public-site.surveys: Strapi finds it here by name; the code lives in its module.
export { surveysServiceFactory as default } from '../../../modules/public-site';
