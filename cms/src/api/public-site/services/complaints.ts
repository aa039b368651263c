// api::public-site.complaints: Strapi finds it here by name; the code lives in its module.
export { complaintsServiceFactory as default } from '../../../modules/public-site';
