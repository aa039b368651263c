import { Alert, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Loading, Title, useGetOne, useGetRecordId, useLocaleState, useTranslate } from 'react-admin';
import { api } from '../common/api';
import { errorMessage } from '../common/errors';
import type { Job } from '../jobs';
import { JobProgress } from '../jobs';
import { useMe } from '../common/useMe';
import { BatchActions } from './BatchActions';
import { BatchLetters } from './BatchLetters';
import { BatchLines, type BatchLine } from './BatchLines';
import { BatchStatus, monthName } from './BatchList';

/** One batch: what it is, what can be done with it, the job running for it, and its lines. */
export const BatchShow = () => {
  const id = String(useGetRecordId());
  const translate = useTranslate();
  const me = useMe();
  const [locale] = useLocaleState();
  const { data: batch, refetch, error } = useGetOne('batches', { id });
  const [lines, setLines] = useState<BatchLine[] | null>(null);
  const [linesError, setLinesError] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const loadLines = useCallback(() => {
    api<{ lines: BatchLine[] }>(`/batches/${id}/lines`)
      .then((out) => setLines(out.lines))
      .catch((e) => setLinesError(errorMessage(e)));
  }, [id]);
  useEffect(loadLines, [loadLines]);
  const changed = () => {
    void refetch();
    loadLines();
  };
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!batch) return <Loading />;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`${translate('resources.batches.name', { smart_count: 1 })} ${batch.code}`} />
      <CardContent>
        <Stack spacing={2}>
          <Stack sx={{ alignItems: 'center', flexWrap: 'wrap' }} direction="row" spacing={2}>
            <Typography variant="h5" data-testid="batch-code">
              {batch.code}
            </Typography>
            <BatchStatus status={batch.status} />
            <Typography variant="body2">
              {translate(`batches.level.${batch.level}`)} · {monthName(batch.month, locale)} · {batch.serviceLabel ?? batch.serviceSlug} · {batch.regionLabel ?? batch.officeLabel ?? batch.officeCode}
            </Typography>
          </Stack>
          <BatchActions batch={batch} onJob={setJob} onChanged={changed} />
          {job && (
            <>
              <Divider />
              <JobProgress id={job.id} key={job.id} onFinished={(j) => j.kind === 'bpjs-result' && j.status === 'succeeded' && changed()} />
            </>
          )}
          {me?.access.letters?.includes('read') && <BatchLetters batchId={id} />}
          <Divider />
          {linesError && <Alert severity="error">{linesError}</Alert>}
          {lines && <BatchLines batchId={id} lines={lines} canRecord={me?.role.type === 'petugas-bpjs' && ['sent-to-bpjs', 'cleansed'].includes(batch.status)} onRecorded={changed} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
