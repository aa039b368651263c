import { useLocaleState, useRecordContext } from 'react-admin';
import { formatDate } from './format';
import { useOfficeTimeZone } from './useOfficeTimeZone';

/** A date field in the office's time zone and the panel's language. */
export const DateText = ({ source, withTime = false }: { source: string; withTime?: boolean; label?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const tz = useOfficeTimeZone();
  return <span>{formatDate(record?.[source], locale, tz, withTime)}</span>;
};
