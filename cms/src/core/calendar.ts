/**
 * Office calendar arithmetic. Indonesian time zones have no daylight saving, so a zone is a
 * fixed offset; dates are reasoned about in the office's local time and stored in UTC.
 */

export type TimeUnit = 'minutes' | 'hours' | 'days' | 'workdays' | 'months';

export interface OfficeCalendar {
  timeZone: string;
  /** ISO weekdays (1 = Monday ... 7 = Sunday). */
  workingWeekdays?: number[];
  /** Local dates, YYYY-MM-DD. */
  holidays?: { date: string }[];
}

const OFFSET_HOURS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function offsetMs(timeZone: string): number {
  const h = OFFSET_HOURS[timeZone];
  if (h === undefined) throw new Error(`Unsupported time zone ${timeZone}`);
  return h * HOUR;
}

/** The local calendar date (YYYY-MM-DD) of an instant in the office's zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetMs(timeZone)).toISOString().slice(0, 10);
}

function isoWeekday(localIso: string): number {
  const d = new Date(`${localIso}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWorkingDay(localIso: string, cal: OfficeCalendar): boolean {
  const weekdays = cal.workingWeekdays?.length ? cal.workingWeekdays : [1, 2, 3, 4, 5];
  if (!weekdays.includes(isoWeekday(localIso))) return false;
  return !(cal.holidays ?? []).some((h) => h.date === localIso);
}

/** Adds a duration to an instant: minutes and hours on the clock, days on the calendar, working days skipping weekends and holidays. */
export function addDuration(start: Date, amount: number, unit: TimeUnit, cal: OfficeCalendar): Date {
  switch (unit) {
    case 'minutes':
      return new Date(start.getTime() + amount * 60_000);
    case 'hours':
      return new Date(start.getTime() + amount * HOUR);
    case 'days':
      return new Date(start.getTime() + amount * DAY);
    case 'months': {
      const off = offsetMs(cal.timeZone);
      const local = new Date(start.getTime() + off);
      const day = local.getUTCDate();
      local.setUTCDate(1);
      local.setUTCMonth(local.getUTCMonth() + amount);
      const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
      local.setUTCDate(Math.min(day, last));
      return new Date(local.getTime() - off);
    }
    case 'workdays': {
      // Each working day counted ends at the same local clock time; non-working days are skipped.
      let at = start;
      let left = Math.ceil(amount);
      while (left > 0) {
        at = new Date(at.getTime() + DAY);
        if (isWorkingDay(localDate(at, cal.timeZone), cal)) left -= 1;
      }
      return at;
    }
    default:
      throw new Error(`Unknown time unit ${unit as string}`);
  }
}

/** The first day of the month after the instant's local month, as a local date (membership becomes active then). */
export function firstOfNextMonth(at: Date, timeZone: string): string {
  const [y, m] = localDate(at, timeZone).split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The instant a local date ends (23:59:59.999 in the office's zone). */
export function endOfLocalDay(localIso: string, timeZone: string): Date {
  return new Date(new Date(`${localIso}T00:00:00Z`).getTime() + DAY - 1 - offsetMs(timeZone));
}

/** The instant a local month (YYYY-MM) begins: its first midnight in the office's zone. */
export function startOfLocalMonth(month: string, timeZone: string): Date {
  return new Date(new Date(`${month}-01T00:00:00Z`).getTime() - offsetMs(timeZone));
}

/** The local month (YYYY-MM) of an instant. */
export function localMonth(at: Date, timeZone: string): string {
  return localDate(at, timeZone).slice(0, 7);
}

/** The month after a YYYY-MM month. */
export function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last day of a YYYY-MM month, as a local date. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * A monthly fixed day (the village input cut-off on the 15th, the BPJS mutation day on the
 * 25th): the month whose fixed day is still ahead of (or is) the instant's local day, and the
 * end of that day. Day 31 in a 30-day month means the month's last day.
 */
export function monthlyDay(at: Date, day: number, timeZone: string): { month: string; date: string; endsAt: Date } {
  const today = localDate(at, timeZone);
  const dateIn = (month: string) => {
    const last = lastDayOfMonth(month);
    return Number(last.slice(8)) < day ? last : `${month}-${String(day).padStart(2, '0')}`;
  };
  let month = today.slice(0, 7);
  if (dateIn(month) < today) month = monthAfter(month);
  const date = dateIn(month);
  return { month, date, endsAt: endOfLocalDay(date, timeZone) };
}
