import { caseCodesInScope, nothing } from './scopes';
import { OFFICE_AND_REGION } from './role-groups';
import type { ResourceDefinition } from './types';

/** The history of cases: read-only here, written by the case engine's actions. */
export const caseEvents: ResourceDefinition = {
  name: 'case-events',
  uid: 'api::case-event.case-event',
  label: ['action'],
  fields: ['caseCode', 'officeCode', 'actorName', 'role', 'action', 'fromActivity', 'toActivity', 'fromStatus', 'toStatus', 'note', 'at', 'data'],
  relations: { case: 'cases', actor: 'users' },
  filters: { case: ['eq'], caseCode: ['eq'], action: ['eq'], role: ['eq'], at: ['gte', 'lte', 'gt', 'lt'] },
  sortable: ['at', 'action', 'caseCode'],
  defaultSort: ['at', 'DESC'],
  access: { read: OFFICE_AND_REGION },
  scope: (qb, staff, sql) => {
    qb.where(sql.col('officeCode'), staff.officeCode);
    // Only what the engine wrote: an event with a CMS author is a forgery from before the CMS refused them.
    qb.whereNull(`t.${sql.linkOf('api::case-event.case-event', 'createdBy').target}`);
    if (staff.scope === 'bpjs') nothing(qb);
    else if (staff.scope !== 'office') qb.whereIn(sql.col('caseCode'), caseCodesInScope(staff, sql));
  },
};
