/** Dashboard figures of the staff API (/api/panel/stats/...), scoped by the staff context. */
import { STAFF_ROUTE as config } from '../../../modules/staff-api';

export default {
  routes: [
    { method: 'GET', path: '/panel/stats/cases-by-service', handler: 'stats.casesByService', config },
    { method: 'GET', path: '/panel/stats/sla-by-activity', handler: 'stats.slaByActivity', config },
    { method: 'GET', path: '/panel/stats/sla-by-month', handler: 'stats.slaByMonth', config },
    { method: 'GET', path: '/panel/stats/backlog-by-village', handler: 'stats.backlogByVillage', config },
    { method: 'GET', path: '/panel/stats/ikm', handler: 'stats.ikm', config },
  ],
};
