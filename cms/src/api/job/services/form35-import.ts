// api::job.form35-import: Strapi finds it here by name; the code lives in its module.
export { form35ImportServiceFactory as default } from '../../../modules/bulk';
