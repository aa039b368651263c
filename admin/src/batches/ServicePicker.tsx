import { TextField } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useGetList, useTranslate } from 'react-admin';

interface ServiceStandard {
  id: string;
  slug: string;
  title: string;
}

/** The office's services (by slug), for recaps and imports. */
export const ServicePicker = ({ value, onChange }: { value: string; onChange: (slug: string) => void }) => {
  const translate = useTranslate();
  const { data } = useGetList<ServiceStandard>('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'title', order: 'ASC' } });
  // One entry per service (a standard may have several stored versions).
  const services = useMemo(() => [...new Map((data ?? []).map((s) => [s.slug, s])).values()], [data]);
  useEffect(() => {
    if (!value && services.length === 1) onChange(services[0].slug);
  }, [services, value, onChange]);
  return (
    <TextField
      select
      fullWidth
      size="small"
      label={translate('batches.service')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'service-picker' } }}
    >
      <option value="" />
      {services.map((s) => (
        <option key={s.slug} value={s.slug}>
          {s.title}
        </option>
      ))}
    </TextField>
  );
};
