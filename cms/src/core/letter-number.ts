/**
 * Outgoing-letter numbers ("nomor surat"), sequential per office and year. The format is an
 * office setting; placeholders: {seq} (or {seq:3} zero-padded to 3 digits), {year},
 * {month} (01-12), {romanMonth} (I-XII), {kind} (letter kind, e.g. "reaktivasi").
 */
export const DEFAULT_LETTER_NUMBER_FORMAT = '400.9.6/{seq}/Dinsos/{year}';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function formatLetterNumber(format: string | null | undefined, parts: { seq: number; year: number; month: number; kind?: string | null }): string {
  return (format || DEFAULT_LETTER_NUMBER_FORMAT).replace(/\{(seq(?::(\d+))?|year|month|romanMonth|kind)\}/g, (_m, key: string, pad?: string) => {
    if (key.startsWith('seq')) return pad ? String(parts.seq).padStart(Number(pad), '0') : String(parts.seq);
    if (key === 'year') return String(parts.year);
    if (key === 'month') return String(parts.month).padStart(2, '0');
    if (key === 'romanMonth') return ROMAN[parts.month - 1];
    return parts.kind ?? '';
  });
}

/** Problems with a format an admin typed (it must contain {seq} so that numbers differ). */
export function letterFormatProblem(format: string): string | null {
  if (!/\{seq(?::\d+)?\}/.test(format)) return 'Format nomor surat harus memuat {seq} (nomor urut)';
  const unknown = format.match(/\{[^}]*\}/g)?.filter((p) => !/^\{(seq(?::\d+)?|year|month|romanMonth|kind)\}$/.test(p));
  return unknown?.length ? `Format nomor surat memuat penanda yang tidak dikenal: ${unknown.join(', ')}` : null;
}
