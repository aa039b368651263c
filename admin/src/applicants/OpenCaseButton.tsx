import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useCreatePath, useGetList, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiFetch } from '../dataProvider';
import { errorMessage } from '../common/errors';

/** A track of an SOP (the sops resource's `tracks` component): the key is what the server reads. */
interface Track {
  key: string;
  label: string;
  priority?: 'regular' | 'emergency' | null;
}

/**
 * Opens a case of a service for this applicant (POST /api/panel/cases/open): the case engine
 * starts it at the first activity of the service's SOP, one open case per service and NIK.
 * Only published services can take cases; a service whose SOP has tracks needs one, and the
 * track decides the priority (the server takes the track's priority over the one sent).
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
  // The list holds the drafts too (`published` says whether a published version exists).
  const services = [...new Map(data.filter((s) => s.published).map((s) => [s.slug, s])).values()];
  const sopId = services.find((s) => s.slug === service)?.sop;
  const { data: sop, isPending: sopPending } = useGetOne('sops', { id: sopId }, { enabled: !!sopId });
  const tracks: Track[] = (sopId && sop?.tracks) || [];
  const chosen = tracks.find((t) => t.key === track);
  if (!record) return null;

  const pickService = (slug: string) => {
    setService(slug);
    setTrack('');
  };
  const pickTrack = (key: string) => {
    setTrack(key);
    const p = tracks.find((t) => t.key === key)?.priority;
    if (p) setPriority(p);
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await apiFetch<{ data: { case: { documentId: string } } }>('/api/panel/cases/open', {
        method: 'POST',
        json: { service, applicant: record.id, priority, ...(chosen ? { track: chosen.key } : {}) },
      });
      navigate(createPath({ resource: 'cases', id: res.data.case.documentId, type: 'show' }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const ready = !!service && !busy && !(sopId && sopPending) && (!tracks.length || !!chosen);
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="open-case">
        {translate('applicants.open_case.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="open-case-dialog">
        <DialogTitle>{translate('applicants.open_case.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="dense"
            name="service"
            label={translate('applicants.open_case.service')}
            value={service}
            onChange={(e) => pickService(e.target.value)}
            data-testid="open-case-service"
          >
            {services.map((s) => (
              <MenuItem key={s.slug} value={s.slug} data-testid={`service-${s.slug}`}>
                {s.serviceName ?? s.title}
              </MenuItem>
            ))}
          </TextField>
          {tracks.length > 0 && (
            <TextField
              select
              fullWidth
              margin="dense"
              name="track"
              label={translate('applicants.open_case.track')}
              helperText={translate('applicants.open_case.track_help')}
              value={track}
              onChange={(e) => pickTrack(e.target.value)}
              data-testid="open-case-track"
            >
              {tracks.map((t) => (
                <MenuItem key={t.key} value={t.key} data-testid={`track-${t.key}`}>
                  {t.label}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            select
            fullWidth
            margin="dense"
            name="priority"
            label={translate('resources.cases.fields.priority')}
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
            disabled={!!chosen?.priority}
            data-testid="open-case-priority"
          >
            <MenuItem value="regular">{translate('priority.regular')}</MenuItem>
            <MenuItem value="emergency">{translate('priority.emergency')}</MenuItem>
          </TextField>
          {error && (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="open-case-error">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!ready} onClick={() => void send()} data-testid="open-case-confirm">
            {translate('applicants.open_case.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
