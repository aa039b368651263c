// global::staff-context: Strapi finds it here by name; the code lives in its module.
export { staffContextMiddleware as default } from '../modules/staff-api';
