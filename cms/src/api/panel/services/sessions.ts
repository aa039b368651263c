// api::panel.sessions: Strapi finds it here by name; the code lives in its module.
export { sessionsServiceFactory as default } from '../../../modules/staff-api';
