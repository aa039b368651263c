import { officeScope } from './scopes';
import { OFFICE_AND_REGION } from './role-groups';
import type { ResourceDefinition } from './types';

const EDITABLE = ['title', 'serviceName', 'documentNumber', 'revision', 'issueDate', 'effectiveDate', 'completionTimeText', 'fee', 'signingPlace', 'signingDate'] as const;

/**
 * Service standards (draft and publish): the list shows the draft, the edited version, with
 * "published" telling whether a published version exists. Edits change the draft only.
 */
export const serviceStandards: ResourceDefinition = {
  name: 'service-standards',
  uid: 'api::service-standard.service-standard',
  label: ['title'],
  fields: [
    'slug',
    'title',
    'serviceName',
    'documentNumber',
    'revision',
    'issueDate',
    'effectiveDate',
    'completionTimeText',
    'fee',
    'signingPlace',
    'signingDate',
    'officeCode',
    'updatedAt',
    'version',
  ],
  relations: { sop: 'sops', office: 'offices' },
  components: ['requirements', 'completionTime', 'approver'],
  filters: { slug: ['eq'] },
  search: (qb, term, _staff, sql) => {
    sql.contains(qb, sql.col('title'), term);
  },
  sortable: ['title', 'slug', 'updatedAt'],
  defaultSort: ['title', 'ASC'],
  writable: { update: EDITABLE },
  access: { read: OFFICE_AND_REGION, update: ['admin-kantor', 'kabid'] },
  scope: officeScope(),
  versionField: 'version',
};
