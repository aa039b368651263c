// api::job.jobs: Strapi finds it here by name; the code lives in its module.
export { jobsServiceFactory as default } from '../../../modules/bulk';
