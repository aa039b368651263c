/** Case engine routes of the staff API (/api/panel/...): explicit actions, never a raw status write. */
import { STAFF_MIDDLEWARES } from '../../../modules/staff-api';
const staff = { auth: false as const, middlewares: STAFF_MIDDLEWARES, policies: [] };

export default {
  routes: [
    { method: 'POST', path: '/panel/cases/open', handler: 'engine.open', config: staff },
    { method: 'GET', path: '/panel/cases/:id/actions', handler: 'engine.actions', config: staff },
    { method: 'POST', path: '/panel/cases/:id/actions/:action', handler: 'engine.act', config: staff },
    { method: 'GET', path: '/panel/cases/:id/timeline', handler: 'engine.timeline', config: staff },
    { method: 'GET', path: '/panel/cases/:id/files/:fileId', handler: 'engine.file', config: staff },
  ],
};
