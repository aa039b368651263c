// api::panel.panel-errors (route middleware): Strapi finds it here by name; the code lives in its module.
export { panelErrorsMiddleware as default } from '../../../modules/staff-api';
