import { ALL_STAFF } from './role-groups';
import type { ResourceDefinition } from './types';

/**
 * Background jobs (imports and exports), read-only: created by POST /api/panel/imports and
 * /api/panel/exports, cancelled by POST /api/panel/jobs/:id/cancel (api/job). Office staff see
 * their office's jobs; village and district operators and the BPJS liaison their own.
 */
export const jobs: ResourceDefinition = {
  name: 'jobs',
  uid: 'api::job.job',
  label: ['fileName', 'kind'],
  fields: ['kind', 'status', 'dryRun', 'fileName', 'format', 'rowsTotal', 'rowsRead', 'rowsValid', 'rowsWritten', 'problemCount', 'message', 'hasReport', 'hasFile', 'ownerName', 'createdAt', 'startedAt', 'finishedAt', 'filesRemovedAt'],
  filters: { kind: ['eq'], status: ['eq'], dryRun: ['eq'], createdAt: ['gte', 'lte'] },
  sortable: ['createdAt', 'status', 'kind', 'finishedAt'],
  defaultSort: ['createdAt', 'DESC'],
  access: { read: ALL_STAFF },
  scope: (qb, staff, sql) => {
    qb.where(sql.col('officeCode'), staff.officeCode);
    if (staff.scope !== 'office') qb.where(sql.col('ownerId'), staff.userId);
  },
};
