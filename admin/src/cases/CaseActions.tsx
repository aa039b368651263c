import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiFetch } from '../dataProvider';
import { useRefreshCase, type ActionOption, type CaseView } from './useCaseView';
import { errorMessage } from '../common/errors';

// The values the server reads (parseBpjsResult in the case engine), as on the batch page.
const BPJS_RESULTS = ['accepted', 'rejected', 'already-member'] as const;

/**
 * The actions the server offers now (GET /actions), each behind a confirmation that asks for
 * the fields the action reads; sent with the case's version (a stale page gets a 409).
 */
export const CaseActions = ({ view }: { view: CaseView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState<ActionOption | null>(null);
  const label = (a: ActionOption) => (locale === 'en' ? a.labelEn : a.label);
  // Notes can be added anywhere; they go last so that the SOP's steps lead.
  const actions = [...view.actions].sort((a, b) => Number(a.action === 'note') - Number(b.action === 'note'));
  return (
    <Box data-testid="case-actions">
      {view.batchStep && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {locale === 'en' ? view.batchStep.labelEn : view.batchStep.label}
        </Alert>
      )}
      {actions.length <= 1 && !view.batchStep && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('cases.show.no_actions')}
        </Typography>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {actions.map((a) => (
          <Box key={a.action}>
            <Button
              variant={a.action === 'note' ? 'text' : a.action === 'reject' || a.action === 'decide-no' ? 'outlined' : 'contained'}
              color={a.action === 'reject' ? 'error' : 'primary'}
              disabled={!!a.disabledReason}
              onClick={() => setOpen(a)}
              data-testid={`action-${a.action}`}
            >
              {label(a)}
            </Button>
            {a.disabledReason && (
              <Typography variant="caption" component="div" color="text.secondary" sx={{ maxWidth: 320 }}>
                {a.disabledReason}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
      {open && <ActionDialog view={view} action={open} label={label(open)} onClose={() => setOpen(null)} />}
    </Box>
  );
};

const ActionDialog = ({ view, action, label, onClose }: { view: CaseView; action: ActionOption; label: string; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefreshCase();
  const [values, setValues] = useState<Record<string, any>>({});
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (name: string, value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const missing = action.fields.filter((f) => f.required && f.name !== 'file' && f.name !== 'items' && !String(values[f.name] ?? '').trim());
  const canSend = !busy && !missing.length && (!action.fields.some((f) => f.name === 'file' && f.required) || file);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const path = `/api/panel/cases/${view.case.documentId}/actions/${action.action}`;
      if (action.action === 'attach') {
        const form = new FormData();
        form.set('version', String(view.case.version));
        if (values.key) form.set('key', values.key);
        if (values.note) form.set('note', values.note);
        form.set('file', file!);
        await apiFetch(path, { method: 'POST', body: form });
      } else {
        const body: Record<string, unknown> = { version: view.case.version, ...values };
        if (action.action === 'check') body.items = Object.fromEntries(view.case.checklist.map((i) => [i.key, values.items?.[i.key] ?? i.checked]));
        await apiFetch(path, { method: 'POST', json: body });
      }
      notify('cases.show.done', { type: 'success' });
      onClose();
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="action-dialog">
      <DialogTitle>{translate('cases.show.confirm_title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{translate('cases.show.confirm_content', { action: label })}</Typography>
        {action.fields.map((f) => {
          const fieldLabel = `${translate(`cases.fields.${f.name}`)}${f.required ? ` (${translate('cases.show.required')})` : ''}`;
          if (f.name === 'items')
            return (
              <Box key="items">
                {view.case.checklist.map((i) => (
                  <FormControlLabel
                    key={i.key}
                    sx={{ display: 'flex' }}
                    control={<Checkbox defaultChecked={i.checked} onChange={(e) => set('items', { ...values.items, [i.key]: e.target.checked })} />}
                    label={i.label}
                  />
                ))}
              </Box>
            );
          if (f.name === 'file')
            return (
              <Box key="file" sx={{ my: 1 }}>
                <input type="file" name="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="action-file" />
              </Box>
            );
          if (f.name === 'assignee')
            return (
              <TextField
                key="assignee"
                select
                fullWidth
                margin="dense"
                label={fieldLabel}
                value={values.assignee ?? ''}
                onChange={(e) => set('assignee', e.target.value)}
                name="assignee"
                data-testid="assignee-select"
              >
                {view.assignees.length === 0 && (
                  <MenuItem disabled value="">
                    {translate('cases.show.no_assignees')}
                  </MenuItem>
                )}
                {view.assignees.map((a) => (
                  <MenuItem key={a.username} value={a.username} data-testid={`assignee-${a.username}`}>
                    {a.name} · {locale === 'en' ? a.roleNameEn : a.roleName}
                  </MenuItem>
                ))}
              </TextField>
            );
          if (f.name === 'key' || f.name === 'result')
            return (
              <TextField key={f.name} select fullWidth margin="dense" label={fieldLabel} value={values[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)} name={f.name}>
                {f.name === 'key'
                  ? view.case.checklist.map((i) => (
                      <MenuItem key={i.key} value={i.key} data-testid={`key-${i.key}`}>
                        {i.label}
                      </MenuItem>
                    ))
                  : BPJS_RESULTS.map((r) => (
                      <MenuItem key={r} value={r} data-testid={`result-${r}`}>
                        {translate(`cases.bpjs.${r}`)}
                      </MenuItem>
                    ))}
              </TextField>
            );
          return (
            <TextField
              key={f.name}
              fullWidth
              margin="dense"
              multiline={f.name === 'note' || f.name === 'reason'}
              minRows={f.name === 'note' || f.name === 'reason' ? 2 : 1}
              label={fieldLabel}
              name={f.name}
              value={values[f.name] ?? ''}
              onChange={(e) => set(f.name, e.target.value)}
              required={f.required}
            />
          );
        })}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="action-error">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="action-cancel">
          {translate('ra.message.no')}
        </Button>
        <Button variant="contained" disabled={!canSend} onClick={() => void send()} data-testid="action-confirm">
          {translate('ra.message.yes')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
