/**
 * The staff API under /api/panel/<resource>: one generic list/get/write engine driven by a
 * declaration per resource (resources/), sessions, scoping and masking, and its errors.
 * Strapi reaches it as api::panel.* and the global staff-context middleware.
 * This file is the module's front door: other code imports only from here.
 */
export { bootstrapPanel } from './lib/bootstrap';
export { AppError, conflict, fieldError, forbidden, gone, invalid, notFound } from '../../platform/errors';
export { parseListQuery } from './lib/params';
export { STAFF_MIDDLEWARES, STAFF_ROUTE } from './lib/route-config';
export { columnOf, modelInfo } from './lib/schema';
export { scopedQuery } from './lib/sql';
export { default as panelErrorsMiddleware } from './panel-errors';
export { default as panelResourceMiddleware } from './panel-resource';
export { default as recordsServiceFactory, type ListResult, recordsService } from './records';
export { resourceNamed, RESOURCES } from './resources';
export { OFFICE_AND_REGION, OFFICE_STAFF } from './resources/role-groups';
export { type Action, type ResourceDefinition } from './resources/types';
export { default as sessionsServiceFactory, sessionsService } from './sessions';
export { default as staffContextMiddleware } from './staff-context';
export { default as writesServiceFactory, writesService } from './writes';
