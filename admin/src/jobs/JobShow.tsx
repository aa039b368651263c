import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetRecordId, useTranslate } from 'react-admin';
import { JobProgress } from './JobProgress';

/** One job followed live: progress, cancel, message, per-row report and file. */
export const JobShow = () => {
  const id = String(useGetRecordId());
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('jobs.one')} />
      <CardContent>
        <Typography variant="h6">{translate('jobs.one')}</Typography>
        <JobProgress id={id} />
      </CardContent>
    </Card>
  );
};
