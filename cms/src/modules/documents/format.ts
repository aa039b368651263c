import { offsetMs } from '../../core/calendar';

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/**
 * A date written the Indonesian way, "05 Juni 2023". Date-only values (YYYY-MM-DD) are already
 * the office's local date; instants are converted to the office's time zone first.
 */
export function formatDateId(value: string | Date | null | undefined, timeZone = 'Asia/Jakarta'): string {
  if (!value) return '';
  let parts: { y: number; m: number; d: number };
  const dateOnly = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (dateOnly) parts = { y: Number(dateOnly[1]), m: Number(dateOnly[2]), d: Number(dateOnly[3]) };
  else {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return '';
    // The office's wall clock, read by field: an ISO string's fixed slice drops the day past year 9999.
    const local = new Date(at.getTime() + offsetMs(timeZone));
    parts = { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
  }
  const month = MONTHS_ID[parts.m - 1];
  if (!month || !(parts.d >= 1 && parts.d <= 31) || !Number.isFinite(parts.y)) return '';
  return `${String(parts.d).padStart(2, '0')} ${month} ${parts.y}`;
}

/** "2026-03" -> "Maret 2026". */
export function formatMonthId(month: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  const name = m ? MONTHS_ID[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : (month ?? '');
}

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** Indonesian number words ("terbilang"), as written in letters: 15 -> "lima belas". */
export function numberWords(n: number): string {
  n = Math.floor(Math.abs(n));
  if (n < 12) return n === 0 ? 'nol' : ONES[n];
  if (n < 20) return `${ONES[n - 10]} belas`;
  if (n < 100) return `${ONES[Math.floor(n / 10)]} puluh${n % 10 ? ` ${ONES[n % 10]}` : ''}`;
  if (n < 200) return `seratus${n % 100 ? ` ${numberWords(n % 100)}` : ''}`;
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} ratus${n % 100 ? ` ${numberWords(n % 100)}` : ''}`;
  if (n < 2000) return `seribu${n % 1000 ? ` ${numberWords(n % 1000)}` : ''}`;
  if (n < 1_000_000) return `${numberWords(Math.floor(n / 1000))} ribu${n % 1000 ? ` ${numberWords(n % 1000)}` : ''}`;
  return `${numberWords(Math.floor(n / 1_000_000))} juta${n % 1_000_000 ? ` ${numberWords(n % 1_000_000)}` : ''}`;
}

/** "12 (dua belas)". */
export const countWithWords = (n: number): string => `${n} (${numberWords(n)})`;

const UNIT_ID: Record<string, string> = { minutes: 'menit', hours: 'jam', days: 'hari', workdays: 'hari kerja', months: 'bulan' };

/** A duration as the documents write it: the text written in the CMS, else "5 menit". */
export function formatDuration(amount: number | string | null | undefined, unit: string | null | undefined, text?: string | null): string {
  if (text) return text;
  if (amount === null || amount === undefined || !unit) return '';
  return `${Number(amount)} ${UNIT_ID[unit] ?? unit}`;
}

/** The place a head of office signs in, from "Pemerintah Kabupaten Magetan" -> "Magetan". */
export function placeOf(government: string | null | undefined): string {
  return (government ?? '').replace(/^Pemerintah\s+(Kabupaten|Kota|Provinsi)\s+/i, '').trim();
}
