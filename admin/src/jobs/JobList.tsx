import { Button } from '@mui/material';
import { Datagrid, FunctionField, List, SelectInput, TextField, useNotify, useRefresh, useTranslate, BooleanField } from 'react-admin';
import { api } from '../common/api';
import { isFinished, type Job } from './job';
import { JobBar } from './JobProgress';
import { OfficeDateField } from '../common/OfficeDateField';
import { errorMessage } from '../common/errors';

const KINDS = ['form35', 'bpjs-result', 'batch-recap', 'bnba', 'cases'];
const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

const CancelButton = ({ job }: { job: Job }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (isFinished(job)) return null;
  return (
    <Button
      size="small"
      color="warning"
      onClick={(e) => {
        e.stopPropagation();
        void api(`/jobs/${job.id}/cancel`, { method: 'POST' })
          .then(() => notify('jobs.cancelRequested', { type: 'info' }))
          .catch((err) => notify(errorMessage(err), { type: 'error' }))
          .finally(refresh);
      }}
    >
      {translate('jobs.cancel')}
    </Button>
  );
};

/** Imports and exports running in the background, newest first, refreshed while any runs. */
export const JobList = () => {
  const translate = useTranslate();
  const filters = [
    <SelectInput key="kind" source="kind" alwaysOn choices={KINDS.map((k) => ({ id: k, name: translate(`jobs.kind.${k}`) }))} />,
    <SelectInput key="status" source="status" alwaysOn choices={STATUSES.map((s) => ({ id: s, name: translate(`jobs.status.${s}`) }))} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={{ refetchInterval: (q: { state: { data?: { data?: Job[] } } }) => (q.state.data?.data?.some((j) => !isFinished(j)) ? 2000 : false) }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <OfficeDateField source="createdAt" showTime />
        <FunctionField source="kind" render={(j: Job) => translate(`jobs.kind.${j.kind}`, { _: j.kind })} />
        <TextField source="fileName" />
        <BooleanField source="dryRun" />
        <FunctionField label="jobs.progress" render={(j: Job) => <JobBar job={j} />} sx={{ minWidth: 260 }} />
        <TextField source="problemCount" />
        <FunctionField render={(j: Job) => <CancelButton job={j} />} />
      </Datagrid>
    </List>
  );
};
