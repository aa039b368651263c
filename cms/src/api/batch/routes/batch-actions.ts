/** Batch routes of the staff API (/api/panel/batches/...). */
import { STAFF_MIDDLEWARES } from '../../../modules/staff-api';
const staff = { auth: false as const, middlewares: STAFF_MIDDLEWARES, policies: [] };

export default {
  routes: [
    { method: 'POST', path: '/panel/batches/village-recap', handler: 'batch-actions.villageRecap', config: staff },
    { method: 'POST', path: '/panel/batches/district-recap', handler: 'batch-actions.districtRecap', config: staff },
    { method: 'POST', path: '/panel/batches/office-recap', handler: 'batch-actions.officeRecap', config: staff },
    { method: 'POST', path: '/panel/batches/:id/actions/send', handler: 'batch-actions.send', config: staff },
    { method: 'POST', path: '/panel/batches/:id/actions/result', handler: 'batch-actions.result', config: staff },
    { method: 'GET', path: '/panel/batches/:id/lines', handler: 'batch-actions.lines', config: staff },
  ],
};
