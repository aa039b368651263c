import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { api, download } from '../common/api';
import { isFinished, type Job } from './job';
import { JobReport } from './JobReport';
import { useOfficeDate } from '../common/OfficeDateField';
import { useJob } from './useJob';
import { errorMessage } from '../common/errors';

const SEVERITY: Record<Job['status'], 'info' | 'success' | 'error' | 'warning'> = { queued: 'info', running: 'info', succeeded: 'success', failed: 'error', cancelled: 'warning' };

/** Percentage done: rows read of the total when known, else indeterminate (null). */
export function jobPercent(job: Pick<Job, 'status' | 'rowsRead' | 'rowsTotal'>): number | null {
  if (job.status === 'succeeded') return 100;
  if (!job.rowsTotal) return null;
  return Math.min(100, Math.round((job.rowsRead / job.rowsTotal) * 100));
}

export const JobBar = ({ job }: { job: Job }) => {
  const translate = useTranslate();
  const percent = jobPercent(job);
  const running = !isFinished(job);
  return (
    <Box data-testid="job-progress" data-status={job.status}>
      <LinearProgress
        variant={percent === null && running ? 'indeterminate' : 'determinate'}
        value={percent ?? (running ? 0 : 100)}
        color={job.status === 'failed' ? 'error' : job.status === 'cancelled' ? 'warning' : 'primary'}
      />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {translate(`jobs.status.${job.status}`)}
        {percent !== null ? ` · ${percent}%` : ''} · {translate('jobs.rows', { read: job.rowsRead ?? 0, valid: job.rowsValid ?? 0, written: job.rowsWritten ?? 0, total: job.rowsTotal ?? '?' })}
      </Typography>
    </Box>
  );
};

/** A job followed live: progress bar, cancel while it runs, then its message, report and file. */
export const JobProgress = ({ id, fileName, onFinished }: { id: string; fileName?: string; onFinished?: (job: Job) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const officeDate = useOfficeDate();
  const { job, error } = useJob(id);
  const done = !!job && isFinished(job);
  useEffect(() => {
    if (done && job && onFinished) onFinished(job);
    // Once per job: when it turns finished.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!job) return <LinearProgress />;
  const cancel = async () => {
    try {
      await api(`/jobs/${id}/cancel`, { method: 'POST' });
      notify('jobs.cancelRequested', { type: 'info' });
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
  };
  const finished = isFinished(job);
  return (
    <Stack spacing={1.5} sx={{ my: 2 }}>
      <JobBar job={job} />
      {finished && (
        <Alert severity={job.problemCount ? 'warning' : SEVERITY[job.status]} data-testid="job-result" data-job={job.id}>
          {job.message || `${translate(`jobs.status.${job.status}`)}${job.problemCount ? ` · ${translate('jobs.problems', { smart_count: job.problemCount })}` : ''}`}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        {!finished && (
          <Button variant="outlined" color="warning" onClick={() => void cancel()} data-testid="job-cancel">
            {translate('jobs.cancel')}
          </Button>
        )}
        {finished && job.hasFile && (
          <Button
            variant="contained"
            data-testid="job-download"
            onClick={() => void download(`/jobs/${id}/file`, fileName ?? job.fileName ?? `ekspor-${id}`).catch((e) => notify(errorMessage(e), { type: 'error' }))}
          >
            {translate('jobs.downloadFile')}
          </Button>
        )}
      </Stack>
      {finished && job.filesRemovedAt && (
        <Alert severity="info" data-testid="job-files-removed">
          {translate('jobs.filesRemoved', { date: officeDate(job.filesRemovedAt) })}
        </Alert>
      )}
      {finished && job.hasReport && <JobReport id={id} />}
    </Stack>
  );
};
