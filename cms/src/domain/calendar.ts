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
