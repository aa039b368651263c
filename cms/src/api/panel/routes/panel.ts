import { RESOURCES, STAFF_MIDDLEWARES } from '../../../modules/staff-api';
import type { Action } from '../../../modules/staff-api';

/**
 * Routes of the staff API under /api/panel. Access is ours, not users-permissions' (auth:
 * false): panel-errors shapes errors, staff-context resolves the user from the JWT,
 * panel-resource checks the role against the resource's declaration.
 */
const session = STAFF_MIDDLEWARES;
const resource = (name: string, action: Action) => [...session, { name: 'api::panel.panel-resource', config: { resource: name, action } }];

export default {
  routes: [
    { method: 'POST', path: '/panel/login', handler: 'session.login', config: { auth: false, middlewares: ['api::panel.panel-errors'] } },
    { method: 'POST', path: '/panel/logout', handler: 'session.logout', config: { auth: false, middlewares: session } },
    { method: 'GET', path: '/panel/me', handler: 'session.me', config: { auth: false, middlewares: session } },
    { method: 'POST', path: '/panel/me/password', handler: 'session.changePassword', config: { auth: false, middlewares: session } },
    ...RESOURCES.flatMap((def) => [
      { method: 'GET', path: `/panel/${def.name}`, handler: 'panel.list', config: { auth: false, middlewares: resource(def.name, 'read') } },
      { method: 'GET', path: `/panel/${def.name}/:id`, handler: 'panel.findOne', config: { auth: false, middlewares: resource(def.name, 'read') } },
      { method: 'POST', path: `/panel/${def.name}`, handler: 'panel.create', config: { auth: false, middlewares: resource(def.name, 'create') } },
      { method: 'PUT', path: `/panel/${def.name}/:id`, handler: 'panel.update', config: { auth: false, middlewares: resource(def.name, 'update') } },
      { method: 'DELETE', path: `/panel/${def.name}/:id`, handler: 'panel.delete', config: { auth: false, middlewares: resource(def.name, 'delete') } },
    ]),
  ],
};
