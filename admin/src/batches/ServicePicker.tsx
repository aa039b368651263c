import { TextField } from '@mui/material';
import { useEffect } from 'react';
import { useGetList, useTranslate } from 'react-admin';

/** The office's services (by slug), for recaps and imports. */
export const ServicePicker = ({ value, onChange }: { value: string; onChange: (slug: string) => void }) => {
  const translate = useTranslate();
  const { data = [] } = useGetList('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'title', order: 'ASC' } });
  // One entry per service (a standard may have several stored versions).
  const services = [...new Map(data.map((s: any) => [s.slug, s])).values()];
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
      {services.map((s: any) => (
        <option key={s.slug} value={s.slug}>
          {s.title}
        </option>
      ))}
    </TextField>
  );
};
