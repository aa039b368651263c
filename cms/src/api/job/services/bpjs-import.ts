// api::job.bpjs-import: Strapi finds it here by name; the code lives in its module.
export { default } from '../../../modules/bulk/bpjs-import';
