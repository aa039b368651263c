/** Bulk-data routes of the staff API (/api/panel/imports, /exports, /jobs/:id/...). */
import { STAFF_ROUTE as staff } from '../../../modules/staff-api';

export default {
  routes: [
    { method: 'GET', path: '/panel/imports/form35/template', handler: 'bulk.template', config: staff },
    { method: 'POST', path: '/panel/imports', handler: 'bulk.importFile', config: staff },
    { method: 'POST', path: '/panel/exports', handler: 'bulk.exportFile', config: staff },
    { method: 'POST', path: '/panel/jobs/:id/cancel', handler: 'bulk.cancel', config: staff },
    { method: 'GET', path: '/panel/jobs/:id/report', handler: 'bulk.report', config: staff },
    { method: 'GET', path: '/panel/jobs/:id/file', handler: 'bulk.file', config: staff },
  ],
};
