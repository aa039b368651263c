import { TextField } from '@mui/material';
import { useEffect } from 'react';
import { useGetList, useTranslate } from 'react-admin';

/** The office's services (by slug), for recaps and imports. */
export const ServicePicker = ({ value, onChange }: { value: string; onChange: (slug: string) => void }) => {
  const translate = useTranslate();
  const { data = [] } = useGetList('service-standards', { pagination: { page: 1, perPage: 100 }, sort: { field: 'title', order: 'ASC' } });
  useEffect(() => {
    if (!value && data.length === 1) onChange(data[0].slug);
  }, [data, value, onChange]);
  return (
    <TextField select fullWidth size="small" label={translate('batches.service')} value={value} onChange={(e) => onChange(e.target.value)} slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'service-picker' } }}>
      <option value="" />
      {data.map((s: any) => (
        <option key={s.id} value={s.slug}>
          {s.title}
        </option>
      ))}
    </TextField>
  );
};
