// api::job.bpjs-import: Strapi finds it here by name; the code lives in its module.
export { bpjsImportServiceFactory as default } from '../../../modules/bulk';
