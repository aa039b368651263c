import { Button, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate } from '../common/format';
import { useOfficeTimeZone } from '../common/useOfficeTimeZone';
import { api } from '../common/api';
import { errorMessage } from '../common/errors';

export interface BatchLine {
  case: string;
  code: string;
  nik: string | null;
  name: string | null;
  status: string;
  currentActivity: number | null;
  bpjsResult: string | null;
  bpjsReason: string | null;
  activeFrom: string | null;
}

const RESULTS = ['accepted', 'rejected', 'already-member'] as const;

/**
 * The lines of a batch. The BPJS liaison can record results line by line here (the file import
 * does the same for whole lists): each pending line gets a result and, when rejected, a reason.
 */
export const BatchLines = ({ batchId, lines, canRecord, onRecorded }: { batchId: string; lines: BatchLine[]; canRecord: boolean; onRecorded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const tz = useOfficeTimeZone();
  const [entries, setEntries] = useState<Record<string, { result: string; reason: string }>>({});
  const [busy, setBusy] = useState(false);
  const pending = lines.filter((l) => l.bpjsResult === 'pending');
  const chosen = Object.entries(entries).filter(([, e]) => e.result);

  const save = async () => {
    setBusy(true);
    try {
      const body = { lines: chosen.map(([nik, e]) => ({ nik, result: e.result, ...(e.reason ? { reason: e.reason } : {}) })) };
      const out = await api<{ applied?: Record<string, number> }>(`/batches/${batchId}/actions/result`, { json: body });
      notify('batches.resultsSaved', { type: 'success', messageArgs: { smart_count: Object.values<number>(out.applied ?? {}).reduce((a, b) => a + b, 0) } });
      setEntries({});
      onRecorded();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Typography variant="h6">{translate('batches.lines', { smart_count: lines.length })}</Typography>
      <Table size="small" data-testid="batch-lines">
        <TableHead>
          <TableRow>
            <TableCell>{translate('batches.line.code')}</TableCell>
            <TableCell>NIK</TableCell>
            <TableCell>{translate('batches.line.name')}</TableCell>
            <TableCell>{translate('batches.line.activity')}</TableCell>
            <TableCell>{translate('batches.line.result')}</TableCell>
            <TableCell>{translate('batches.line.activeFrom')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.case}>
              <TableCell>
                <Link to={`/cases/${l.case}/show`}>{l.code}</Link>
              </TableCell>
              <TableCell>{l.nik}</TableCell>
              <TableCell>{l.name}</TableCell>
              <TableCell>
                {translate(`batches.caseStatus.${l.status}`, { _: l.status })}
                {l.currentActivity ? ` · ${translate('batches.line.activityNo', { n: l.currentActivity })}` : ''}
              </TableCell>
              <TableCell>
                {canRecord && l.bpjsResult === 'pending' && l.nik ? (
                  <Stack direction="row" spacing={1}>
                    <Select
                      size="small"
                      native
                      value={entries[l.nik]?.result ?? ''}
                      inputProps={{ 'data-testid': `result-${l.code}` }}
                      onChange={(e) => setEntries({ ...entries, [l.nik!]: { reason: entries[l.nik!]?.reason ?? '', result: String(e.target.value) } })}
                    >
                      <option value="">{translate('batches.result.pending')}</option>
                      {RESULTS.map((r) => (
                        <option key={r} value={r}>
                          {translate(`batches.result.${r}`)}
                        </option>
                      ))}
                    </Select>
                    {entries[l.nik]?.result === 'rejected' && (
                      <TextField
                        size="small"
                        label={translate('batches.line.reason')}
                        value={entries[l.nik].reason}
                        onChange={(e) => setEntries({ ...entries, [l.nik!]: { ...entries[l.nik!], reason: e.target.value } })}
                      />
                    )}
                  </Stack>
                ) : (
                  <>
                    {l.bpjsResult ? translate(`batches.result.${l.bpjsResult}`, { _: l.bpjsResult }) : '-'}
                    {l.bpjsReason ? ` (${l.bpjsReason})` : ''}
                  </>
                )}
              </TableCell>
              <TableCell data-testid={`active-from-${l.code}`}>{formatDate(l.activeFrom, locale, tz) || '-'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canRecord && pending.length > 0 && (
        <Stack direction="row">
          <Button variant="contained" disabled={busy || !chosen.length} onClick={() => void save()} data-testid="save-results">
            {translate('batches.saveResults', { smart_count: chosen.length })}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
