/**
 * Dates in the office's time zone, Indonesian style ("05 Juni 2023", as cms/src/documents/format.ts),
 * English style when the panel is in English.
 */
export function formatDate(value: unknown, locale: string, timeZone = 'Asia/Jakarta', withTime = false): string {
  if (!value) return '';
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) return '';
  // A date without time ("2026-12-01") is a calendar day, not an instant: no zone shift.
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) timeZone = 'UTC';
  const opts: Intl.DateTimeFormatOptions = { day: '2-digit', month: 'long', year: 'numeric', timeZone, ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}) };
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', opts).format(d);
}
