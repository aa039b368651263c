import { Alert, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { api, download } from '../common/api';
import { type ReportRow } from './job';
import { errorMessage } from '../common/errors';

const SHOWN = 200;

/** The per-row report of an import (row, field, problem), with the xlsx download. */
export const JobReport = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [rows, setRows] = useState<ReportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<ReportRow[] | { rows?: ReportRow[]; problems?: ReportRow[] } | null>(`/jobs/${id}/report?format=json`)
      .then((body) => setRows(Array.isArray(body) ? body : (body?.rows ?? body?.problems ?? [])))
      .catch((e) => setError(errorMessage(e)));
  }, [id]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!rows) return null;
  return (
    <Stack spacing={1} data-testid="job-report">
      <Stack sx={{ alignItems: 'center' }} direction="row" spacing={2}>
        <Typography variant="subtitle1">{translate('jobs.report', { smart_count: rows.length })}</Typography>
        <Button size="small" variant="outlined" onClick={() => void download(`/jobs/${id}/report?format=xlsx`, `laporan-${id}.xlsx`).catch((e) => notify(errorMessage(e), { type: 'error' }))}>
          {translate('jobs.downloadReport')}
        </Button>
      </Stack>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate('jobs.noProblems')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('jobs.row')}</TableCell>
              <TableCell>{translate('jobs.field')}</TableCell>
              <TableCell>{translate('jobs.problem')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, SHOWN).map((r, i) => (
              <TableRow key={i}>
                <TableCell>{r.row}</TableCell>
                <TableCell>{r.field ?? '-'}</TableCell>
                <TableCell>{r.problem}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {rows.length > SHOWN && <Typography variant="caption">{translate('jobs.moreInFile', { count: rows.length - SHOWN })}</Typography>}
    </Stack>
  );
};
