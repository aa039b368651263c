import { officeScope } from './scopes';
import { OFFICE_AND_REGION } from './role-groups';
import type { ResourceDefinition } from './types';

const EDITABLE = ['name', 'number', 'revision', 'madeOn', 'revisedOn', 'effectiveOn', 'issuedOn'] as const;

/** SOPs (draft and publish); their activities and executors come with get-one. */
export const sops: ResourceDefinition = {
  name: 'sops',
  uid: 'api::sop.sop',
  label: ['name'],
  fields: ['name', 'number', 'revision', 'madeOn', 'revisedOn', 'effectiveOn', 'issuedOn', 'officeCode', 'updatedAt', 'version'],
  relations: { office: 'offices' },
  components: ['executors', 'activities', 'tracks', 'totalTime', 'approver'],
  filters: { number: ['eq'] },
  search: (qb, term, _staff, sql) => {
    sql.contains(qb, sql.col('name'), term);
  },
  sortable: ['name', 'number', 'updatedAt'],
  defaultSort: ['name', 'ASC'],
  writable: { update: EDITABLE },
  access: { read: OFFICE_AND_REGION, update: ['admin-kantor', 'kabid'] },
  scope: officeScope(),
  versionField: 'version',
};
