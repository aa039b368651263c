/**
 * What a stored date may be. JavaScript's Date accepts "2026-02-31" (rolled over to 3 March)
 * and "99999-01-01", and both reached the database; every writer now checks dates here: the
 * staff API (lib/validate.ts), the document middleware behind the CMS and every other writer
 * (platform/document-middlewares/dates-in-range.ts), and the NIK rules (birth date).
 *
 * Hand-written rather than a date library: the rules are three (a real calendar day, a strict
 * ISO 8601 shape, a range), and the one calendar fact needed — does Y-M-D exist — is what
 * Date.UTC round-trips; a parser that accepts more (locales, loose formats) is what let these in.
 */

/** The span any stored date must fall in: this system holds nothing before 1900 or after 2100. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;
/** Clock skew allowed between a client and the server for "when did it happen" instants. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;
/** The easternmost time zone of Indonesia: a date that is "today" anywhere in the country is not in the future. */
const LATEST_ZONE = 'Asia/Jayapura';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** YYYY-MM-DD, then optionally Thh:mm[:ss[.fff]] with Z or ±hh:mm (what toISOString and the panel send). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const inSpan = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;
const SPAN = `antara tahun ${EARLIEST_YEAR} dan ${LATEST_YEAR}`;

/** A date-only value: "YYYY-MM-DD" of a real day in the span; the problem in Indonesian otherwise. */
export function checkDate(value: unknown): { date: string } | { problem: string } {
  const m = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (!m) return { problem: 'harus tanggal berformat YYYY-MM-DD' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(year, month, day)) return { problem: `${value} bukan tanggal yang ada di kalender` };
  if (!inSpan(year)) return { problem: `harus ${SPAN}` };
  return { date: value as string };
}

/** An instant: a Date, or an ISO 8601 string whose calendar day and time exist, in the span. */
export function checkDateTime(value: unknown): { at: Date } | { problem: string } {
  const shape = 'harus tanggal dan waktu ISO 8601 (misalnya 2026-03-01T08:30:00+07:00)';
  let at: Date;
  if (value instanceof Date) at = value;
  else {
    const m = typeof value === 'string' ? DATE_TIME.exec(value.trim()) : null;
    if (!m) return { problem: shape };
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(year, month, day)) return { problem: `${m[1]}-${m[2]}-${m[3]} bukan tanggal yang ada di kalender` };
    if ((m[4] !== undefined && Number(m[4]) > 23) || (m[5] !== undefined && Number(m[5]) > 59) || (m[6] !== undefined && Number(m[6]) > 59)) return { problem: shape };
    at = new Date(value as string);
  }
  if (Number.isNaN(at.getTime())) return { problem: shape };
  if (!inSpan(at.getUTCFullYear())) return { problem: `harus ${SPAN}` };
  return { at };
}

/** Today's date where it is latest in Indonesia (WIT). */
export function latestToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: LATEST_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A birth date: a real day, not before 1900 and not after today. Null when plausible. */
export function birthDateProblem(value: unknown, now = new Date()): string | null {
  const checked = checkDate(value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value);
  if ('problem' in checked) return `Tanggal lahir ${checked.problem}`;
  if (checked.date > latestToday(now)) return 'Tanggal lahir tidak boleh di masa depan';
  return null;
}

/** When something happened (a complaint received): not in the future, not before `earliest`. Null when plausible. */
export function pastInstantProblem(value: unknown, earliest: string, now = new Date()): string | null {
  const checked = checkDateTime(value);
  if ('problem' in checked) return checked.problem;
  if (checked.at.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'tidak boleh di masa depan';
  if (checked.at.getTime() < Date.parse(`${earliest}T00:00:00Z`)) return `tidak boleh sebelum ${earliest}`;
  return null;
}
