/**
 * Route middlewares of every staff-API route outside the resource protocol (stats, imports,
 * jobs): panel-errors shapes errors, staff-context resolves the user from the JWT. Access is
 * ours, not users-permissions' (auth: false).
 */
export const STAFF_MIDDLEWARES = ['api::panel.panel-errors', 'global::staff-context'];
export const STAFF_ROUTE = { auth: false as const, middlewares: STAFF_MIDDLEWARES, policies: [] };
