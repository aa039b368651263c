// api::stats.stats: Strapi finds it here by name; the code lives in its module.
export { statsServiceFactory as default } from '../../../modules/stats';
