// api::public-site.catalog: Strapi finds it here by name; the code lives in its module.
export { catalogServiceFactory as default } from '../../../modules/public-site';
