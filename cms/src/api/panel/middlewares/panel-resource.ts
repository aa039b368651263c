// api::panel.panel-resource (route middleware): Strapi finds it here by name; the code lives in its module.
export { panelResourceMiddleware as default } from '../../../modules/staff-api';
