import { liveProgress, PROGRESS_FIELDS } from '../../../platform/live-progress';
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
  fields: [
    'kind',
    'status',
    'dryRun',
    'fileName',
    'format',
    'rowsTotal',
    'rowsRead',
    'rowsValid',
    'rowsWritten',
    'problemCount',
    'message',
    'hasReport',
    'hasFile',
    'ownerName',
    'createdAt',
    'startedAt',
    'finishedAt',
    'filesRemovedAt',
  ],
  // A running job's progress as it is now (on SQLite its row is written only when it ends).
  computed: Object.fromEntries(PROGRESS_FIELDS.map((field) => [field, (record) => (record.status === 'running' ? liveProgress.get(String(record.id))?.[field] : undefined) ?? record[field]])),
  filters: { kind: ['eq'], status: ['eq'], dryRun: ['eq'], createdAt: ['gte', 'lte'] },
  sortable: ['createdAt', 'status', 'kind', 'finishedAt'],
  defaultSort: ['createdAt', 'DESC'],
  access: { read: ALL_STAFF },
  scope: (qb, staff, sql) => {
    qb.where(sql.col('officeCode'), staff.officeCode);
    if (staff.scope !== 'office') qb.where(sql.col('ownerId'), staff.userId);
  },
};
