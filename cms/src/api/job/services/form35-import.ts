// api::job.form35-import: Strapi finds it here by name; the code lives in its module.
export { default } from '../../../modules/bulk/form35-import';
