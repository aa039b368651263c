import { FunctionField, useLocaleState, type FunctionFieldProps } from 'react-admin';
import { useMe } from './useMe';

/** A date the Indonesian way ("05 Juni 2023", "05 Juni 2023 pukul 14.30") in the office's time zone. */
export function formatOfficeDate(value: string | Date | null | undefined, opts: { timeZone?: string; locale?: string; showTime?: boolean } = {}): string {
  if (!value) return '-';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '-';
  return new Intl.DateTimeFormat(opts.locale === 'en' ? 'en-GB' : 'id-ID', {
    day: '2-digit',
    month: 'long',
    year: 'numeric',
    ...(opts.showTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: opts.timeZone ?? 'Asia/Jakarta',
  }).format(d);
}

export function useOfficeDate() {
  const me = useMe();
  const [locale] = useLocaleState();
  return (value: string | Date | null | undefined, showTime = false) => formatOfficeDate(value, { timeZone: me?.office?.timeZone, locale, showTime });
}

export const OfficeDateField = ({ source, showTime, ...rest }: Omit<FunctionFieldProps, 'render'> & { source: string; showTime?: boolean }) => {
  const format = useOfficeDate();
  return <FunctionField source={source} {...rest} render={(r: Record<string, unknown>) => format(r?.[source] as string | null | undefined, showTime)} />;
};
