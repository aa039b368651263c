import { Alert, Box, Button, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { readNik } from './nik';

/**
 * Under the NIK input, as the clerk types: digits so far, the problem, or the birth date and
 * sex the NIK holds (filled into the form when still empty), and a warning when an applicant
 * with this NIK is already registered (asked from the API once the NIK is valid).
 */
export const NikCheck = ({ excludeId }: { excludeId?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const nik = useWatch({ name: 'nik' }) as string | undefined;
  const { getValues, setValue } = useFormContext();
  const reading = readNik(nik ?? '');
  const valid = reading.state === 'valid';
  const { data: same = [] } = useGetList('applicants', { filter: { nik }, pagination: { page: 1, perPage: 1 } }, { enabled: valid });
  const duplicate = same.find((a) => a.id !== excludeId);

  useEffect(() => {
    if (reading.state !== 'valid') return;
    if (!getValues('birthDate')) setValue('birthDate', reading.birthDate, { shouldDirty: true });
    if (!getValues('sex')) setValue('sex', reading.sex, { shouldDirty: true });
  }, [nik]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Box sx={{ mb: 2, width: '100%', maxWidth: 600 }} data-testid="nik-check" data-state={reading.state}>
      {reading.state === 'incomplete' && <Typography variant="caption">{translate('applicants.nik.digits', { n: reading.digits })}</Typography>}
      {reading.state === 'invalid' && <Alert severity="error">{reading.message}</Alert>}
      {reading.state === 'valid' && (
        <Alert severity="success" data-testid="nik-reading">
          {translate('applicants.nik.reads', { date: formatDate(`${reading.birthDate}T12:00:00Z`, locale, 'UTC'), sex: translate(`sex.${reading.sex}`) })}
        </Alert>
      )}
      {duplicate && (
        <Alert
          severity="warning"
          sx={{ mt: 1 }}
          data-testid="nik-duplicate"
          action={
            <Button component={Link} to={`/applicants/${duplicate.id}/show`} size="small">
              {translate('applicants.nik.open_existing')}
            </Button>
          }
        >
          {translate('applicants.nik.duplicate', { name: duplicate.name })}
        </Alert>
      )}
    </Box>
  );
};
