// api::panel.records: Strapi finds it here by name; the code lives in its module.
export { recordsServiceFactory as default } from '../../../modules/staff-api';
