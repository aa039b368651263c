// api::job.exports: Strapi finds it here by name; the code lives in its module.
export { exportsServiceFactory as default } from '../../../modules/bulk';
