// api::document.views: Strapi finds it here by name; the code lives in its module.
export { viewsServiceFactory as default } from '../../../modules/documents';
