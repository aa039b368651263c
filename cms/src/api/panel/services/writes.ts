// api::panel.writes: Strapi finds it here by name; the code lives in its module.
export { writesServiceFactory as default } from '../../../modules/staff-api';
