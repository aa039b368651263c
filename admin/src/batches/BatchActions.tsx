import { Button, Stack } from '@mui/material';
import { useRef, useState } from 'react';
import { Confirm, useNotify, useTranslate } from 'react-admin';
import { api } from '../common/api';
import type { Job } from '../jobs';
import { useMe } from '../common/useMe';
import { errorMessage } from '../common/errors';

/**
 * What can be done with one batch: send the office recap to BPJS; export it for BPJS (a
 * background job whose file is then downloaded); import BPJS's cleansing result file.
 */
export const BatchActions = ({ batch, onJob, onChanged }: { batch: { id: string; code: string; level: string; status: string }; onJob: (job: Job) => void; onChanged: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const me = useMe();
  const [confirmSend, setConfirmSend] = useState(false);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  if (!me) return null;
  const office = me.role.scope === 'office';
  const bpjs = me.role.type === 'petugas-bpjs';

  const send = async () => {
    setConfirmSend(false);
    setBusy(true);
    try {
      const out = await api<{ sent?: unknown[] }>(`/batches/${batch.id}/actions/send`, { method: 'POST' });
      notify('batches.sent', { type: 'success', messageArgs: { smart_count: out.sent?.length ?? 0 } });
      onChanged();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: 'xlsx' | 'csv', kind: 'batch-recap' | 'bnba' = 'batch-recap') => {
    try {
      onJob(await api<Job>('/exports', { json: { kind, batch: batch.id, level: batch.level, format } }));
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
  };

  const importResult = async (f: File) => {
    const form = new FormData();
    form.append('file', f);
    form.append('kind', 'bpjs-result');
    form.append('batch', batch.id);
    form.append('dryRun', 'false');
    try {
      onJob(await api<Job>('/imports', { form }));
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
    if (file.current) file.current.value = '';
  };

  return (
    <Stack sx={{ flexWrap: 'wrap' }} direction="row" spacing={1} useFlexGap>
      {office && batch.level === 'office' && batch.status === 'open' && (
        <Button variant="contained" disabled={busy} onClick={() => setConfirmSend(true)} data-testid="batch-send">
          {translate('batches.send')}
        </Button>
      )}
      {!bpjs && (
        <>
          <Button variant="outlined" onClick={() => void exportAs('xlsx')} data-testid="export-xlsx">
            {translate('batches.exportXlsx')}
          </Button>
          <Button variant="outlined" onClick={() => void exportAs('csv')}>
            {translate('batches.exportCsv')}
          </Button>
        </>
      )}
      {office && batch.level === 'office' && (
        <Button variant="outlined" onClick={() => void exportAs('xlsx', 'bnba')}>
          {translate('batches.exportBnba')}
        </Button>
      )}
      {bpjs && batch.level === 'office' && ['sent-to-bpjs', 'cleansed'].includes(batch.status) && (
        <>
          <input ref={file} type="file" accept=".xlsx,.csv" hidden data-testid="bpjs-file" onChange={(e) => e.target.files?.[0] && void importResult(e.target.files[0])} />
          <Button variant="contained" onClick={() => file.current?.click()}>
            {translate('batches.importResult')}
          </Button>
        </>
      )}
      <Confirm isOpen={confirmSend} title="batches.send" content="batches.sendConfirm" translateOptions={{ code: batch.code }} onConfirm={() => void send()} onClose={() => setConfirmSend(false)} />
    </Stack>
  );
};
