import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { api } from '../common/api';
import { useMe } from '../common/useMe';
import { ServicePicker } from './ServicePicker';
import { errorMessage } from '../common/errors';

/** Which recap a role makes: village operators their village, district operators their district, the office its BPJS recap. */
export const RECAP_OF_SCOPE: Record<string, 'village' | 'district' | 'office' | undefined> = { village: 'village', district: 'district', office: 'office' };
const OFFICE_RECAPPERS = ['petugas', 'admin-kantor'];

interface Skipped {
  code: string;
  reason: string;
}

interface RecapBatch {
  documentId: string;
  code: string;
  recapped?: string[];
}

/** POST /batches/<level>-recap: one batch (village, district) or one per district (office). */
interface RecapAnswer {
  batch?: RecapBatch;
  batches?: RecapBatch[];
  recapped?: string[];
  skipped?: Skipped[];
}

/** A refused recap names what it skipped in the error's details. */
const skippedOf = (err: unknown): Skipped[] | undefined => (err instanceof HttpError ? (err.body as { error?: { details?: { skipped?: Skipped[] } } } | null)?.error?.details?.skipped : undefined);

/** Recaps this month's ready proposals of the staff member's scope into a batch, then lists what was skipped and why. */
export const RecapButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [service, setService] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ recapped: string[]; skipped: Skipped[]; batches: { id: string; code: string }[] } | null>(null);
  const level = me ? RECAP_OF_SCOPE[me.role.scope] : undefined;
  if (!me || !level || (level === 'office' && !OFFICE_RECAPPERS.includes(me.role.type))) return null;

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const data = await api<RecapAnswer>(`/batches/${level}-recap`, { json: { service } });
      const batches = data.batches ?? (data.batch ? [data.batch] : []);
      setResult({ recapped: data.recapped ?? batches.flatMap((b) => b.recapped ?? []), skipped: data.skipped ?? [], batches: batches.map((b) => ({ id: b.documentId, code: b.code })) });
      notify('batches.recapDone', { type: 'success', messageArgs: { smart_count: batches.length } });
      refresh();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
      const skipped = skippedOf(e);
      if (skipped) setResult({ recapped: [], skipped, batches: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)} data-testid="recap-open">
        {translate(`batches.recap.${level}`)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`batches.recap.${level}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Typography variant="body2">{translate(`batches.recapHelp.${level}`)}</Typography>
            <ServicePicker value={service} onChange={setService} />
            {result && (
              <Alert severity={result.recapped.length ? 'success' : 'warning'} data-testid="recap-result">
                {translate('batches.recapped', { smart_count: result.recapped.length, batches: result.batches.map((b) => b.code).join(', ') || '-' })}
              </Alert>
            )}
            {result?.batches.length ? (
              <Stack spacing={0.5}>
                {result.batches.map((b) => (
                  <Link key={b.id} to={`/batches/${b.id}/show`} onClick={() => setOpen(false)} data-testid="recap-batch-link">
                    {b.code}
                  </Link>
                ))}
              </Stack>
            ) : null}
            {result?.skipped.length ? (
              <List dense>
                {result.skipped.map((s) => (
                  <ListItem key={s.code}>
                    <ListItemText primary={s.code} secondary={s.reason} />
                  </ListItem>
                ))}
              </List>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
          <Button variant="contained" disabled={!service || busy} onClick={() => void run()} data-testid="recap-run">
            {translate('batches.recapRun')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
