// api::case-event.history: Strapi finds it here by name; the code lives in its module.
export { historyServiceFactory as default } from '../../../modules/cases';
