import { localDate } from '../domain/calendar';

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/**
 * A date written the Indonesian way, "05 Juni 2023". Date-only values (YYYY-MM-DD) are already
 * the office's local date; instants are converted to the office's time zone first.
 */
export function formatDateId(value: string | Date | null | undefined, timeZone = 'Asia/Jakarta'): string {
  if (!value) return '';
  const iso = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDate(new Date(value), timeZone);
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')} ${MONTHS_ID[m - 1]} ${y}`;
}

/** "2026-03" -> "Maret 2026". */
export function formatMonthId(month: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  return m ? `${MONTHS_ID[Number(m[2]) - 1]} ${m[1]}` : month ?? '';
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
