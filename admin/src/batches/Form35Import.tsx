import { Alert, Button, Card, CardContent, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { api, download } from '../common/api';
import type { Job } from '../jobs';
import { JobProgress } from '../jobs';
import { ServicePicker } from './ServicePicker';
import { errorMessage } from '../common/errors';

const MAX_MB = 20;

/**
 * Form 35 (the village's proposal list) from a spreadsheet: download the template, pick the
 * service and the file, try a dry run (validation only), then import; all rows or none.
 */
export const Form35Import = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [service, setService] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    if (!file) return;
    setBusy(true);
    const form = new FormData();
    form.append('file', file);
    form.append('kind', 'form35');
    form.append('service', service);
    form.append('dryRun', String(dryRun));
    try {
      setJob(await api<Job>('/imports', { form }));
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const tooBig = !!file && file.size > MAX_MB * 1024 * 1024;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('form35.title')} />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <Typography variant="h5">{translate('form35.title')}</Typography>
          <Typography variant="body2">{translate('form35.help')}</Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => void download('/imports/form35/template?format=xlsx', 'form35.xlsx').catch((e) => notify(errorMessage(e), { type: 'error' }))}>
              {translate('form35.templateXlsx')}
            </Button>
            <Button
              variant="outlined"
              data-testid="template-csv"
              onClick={() => void download('/imports/form35/template?format=csv', 'form35.csv').catch((e) => notify(errorMessage(e), { type: 'error' }))}
            >
              {translate('form35.templateCsv')}
            </Button>
          </Stack>
          <ServicePicker value={service} onChange={setService} />
          <Button variant="outlined" component="label">
            {file ? file.name : translate('form35.chooseFile')}
            <input type="file" hidden accept=".xlsx,.csv" data-testid="form35-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Button>
          {tooBig && <Alert severity="error">{translate('form35.tooBig', { mb: MAX_MB })}</Alert>}
          <FormControlLabel control={<Switch checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />} label={translate('form35.dryRun')} />
          <Stack direction="row">
            <Button variant="contained" disabled={!file || !service || busy || tooBig} onClick={() => void start()} data-testid="form35-start">
              {translate(dryRun ? 'form35.check' : 'form35.import')}
            </Button>
          </Stack>
          {job && <JobProgress id={job.id} key={job.id} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
