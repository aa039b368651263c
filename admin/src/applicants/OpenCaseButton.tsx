import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useCreatePath, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiFetch } from '../dataProvider';

/**
 * Opens a case of a service for this applicant (POST /api/panel/cases/open): the case engine
 * starts it at the first activity of the service's SOP, one open case per service and NIK.
 */
export const OpenCaseButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  const [service, setService] = useState('');
  const [priority, setPriority] = useState('regular');
  const [track, setTrack] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data = [] } = useGetList('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'slug', order: 'ASC' } }, { enabled: open });
  const services = [...new Map(data.map((s) => [s.slug, s])).values()];
  if (!record) return null;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await apiFetch<{ data: { case: { documentId: string } } }>('/api/panel/cases/open', {
        method: 'POST',
        json: { service, applicant: record.id, priority, ...(track ? { track } : {}) },
      });
      navigate(createPath({ resource: 'cases', id: res.data.case.documentId, type: 'show' }));
    } catch (err: any) {
      setError(err?.message ?? String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="open-case">{translate('applicants.open_case.button')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="open-case-dialog">
        <DialogTitle>{translate('applicants.open_case.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <TextField select fullWidth margin="dense" name="service" label={translate('applicants.open_case.service')} value={service} onChange={(e) => setService(e.target.value)}>
            {services.map((s) => (
              <MenuItem key={s.slug} value={s.slug} data-testid={`service-${s.slug}`}>{s.serviceName ?? s.title}</MenuItem>
            ))}
          </TextField>
          <TextField select fullWidth margin="dense" name="priority" label={translate('resources.cases.fields.priority')} value={priority} onChange={(e) => setPriority(e.target.value)}>
            <MenuItem value="regular">{translate('priority.regular')}</MenuItem>
            <MenuItem value="emergency">{translate('priority.emergency')}</MenuItem>
          </TextField>
          <TextField fullWidth margin="dense" name="track" label={translate('applicants.open_case.track')} helperText={translate('applicants.open_case.track_help')} value={track} onChange={(e) => setTrack(e.target.value)} />
          {error && <Alert severity="error" sx={{ mt: 1 }} data-testid="open-case-error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!service || busy} onClick={send} data-testid="open-case-confirm">{translate('applicants.open_case.confirm')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
