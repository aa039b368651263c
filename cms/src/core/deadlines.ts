/**
 * Due times of cases and activities, from the SOP's mutu baku, the standard's jangka waktu
 * and the office's calendar rules. Pure: every function takes the instant it reasons about.
 */
import { addDuration, endOfLocalDay, firstOfNextMonth, isWorkingDay, lastDayOfMonth, localDate, localMonth, monthAfter, monthlyDay, type OfficeCalendar, type TimeUnit } from './calendar';
import type { SopActivity, SopTrack } from './sop-walker';

/** An office's calendar with its service rules (office.calendar in the CMS). */
export interface OfficeRules extends OfficeCalendar {
  /** Villages enter proposals by this day of the month (Magetan: 15). */
  inputCutoffDay?: number | null;
  /** BPJS accepts mutations on this day of the month (Banjarbaru: 25). */
  bpjsMutationDay?: number | null;
  /** Membership becomes active on the 1st of the month after submission. */
  activeOnFirstOfNextMonth?: boolean | null;
}

export interface TimeSpan {
  amount?: number | string | null;
  unit?: TimeUnit | null;
}

const DAY = 24 * 3600_000;

/**
 * Adds a mutu baku duration. "0 days" (or 0 working days) is read as "the same day": due at the
 * end of the local day (of the next working day when today is not one), which is how
 * "diproses hari yang sama" is written as a time.
 */
export function durationDue(start: Date, span: TimeSpan | null | undefined, rules: OfficeRules): Date | null {
  if (!span || span.amount === null || span.amount === undefined || span.amount === '' || !span.unit) return null;
  const amount = Number(span.amount);
  if (!Number.isFinite(amount) || amount < 0) return null;
  if (amount === 0 && (span.unit === 'days' || span.unit === 'workdays')) {
    let day = localDate(start, rules.timeZone);
    if (span.unit === 'workdays') {
      while (!isWorkingDay(day, rules)) day = new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY).toISOString().slice(0, 10);
    }
    return endOfLocalDay(day, rules.timeZone);
  }
  return addDuration(start, amount, span.unit, rules);
}

/** The month a village proposal belongs to: after the input cut-off day it goes to next month's recap. */
export function proposalMonth(at: Date, rules: OfficeRules): string {
  return rules.inputCutoffDay ? monthlyDay(at, rules.inputCutoffDay, rules.timeZone).month : localMonth(at, rules.timeZone);
}

/** The month of the BPJS submission a case sent now goes with: after the mutation day, next month's. */
export function bpjsMonth(at: Date, rules: OfficeRules): string {
  return rules.bpjsMutationDay ? monthlyDay(at, rules.bpjsMutationDay, rules.timeZone).month : localMonth(at, rules.timeZone);
}

/**
 * When the activity a case enters at `start` is due. Calendar rules beat the mutu baku where
 * the work waits for a fixed day: a village recap is due on the input cut-off day, a BPJS
 * submission on the mutation day (or, for a monthly track, at the end of the month).
 */
export function activityDue(start: Date, activity: Pick<SopActivity, 'effect' | 'timeAmount' | 'timeUnit'>, rules: OfficeRules, track?: SopTrack | null): Date | null {
  if (activity.effect === 'village-recap' && rules.inputCutoffDay) {
    return monthlyDay(start, rules.inputCutoffDay, rules.timeZone).endsAt;
  }
  if ((activity.effect === 'bpjs-send' || activity.effect === 'office-recap') && track?.bpjsSend !== 'direct') {
    if (rules.bpjsMutationDay) return monthlyDay(start, rules.bpjsMutationDay, rules.timeZone).endsAt;
    if (track?.bpjsSend === 'monthly') return endOfLocalDay(lastDayOfMonth(localMonth(start, rules.timeZone)), rules.timeZone);
  }
  return durationDue(start, { amount: activity.timeAmount, unit: activity.timeUnit }, rules);
}

/** The case's overall due time: the track's time when it has one, else the standard's jangka waktu. */
export function caseDue(received: Date, completionTime: TimeSpan | null | undefined, rules: OfficeRules, track?: SopTrack | null): Date | null {
  if (track && track.timeUnit && track.timeAmount !== null && track.timeAmount !== undefined) {
    return durationDue(received, { amount: track.timeAmount, unit: track.timeUnit }, rules);
  }
  return durationDue(received, completionTime, rules);
}

/**
 * The local date membership starts once BPJS accepts: the 1st of the month after the
 * submission month when the office says so (monthly batches count from their month), else the
 * day of acceptance.
 */
export function activeFrom(acceptedAt: Date, rules: OfficeRules, submissionMonth?: string | null): string {
  if (!rules.activeOnFirstOfNextMonth) return localDate(acceptedAt, rules.timeZone);
  if (submissionMonth) return `${monthAfter(submissionMonth)}-01`;
  return firstOfNextMonth(acceptedAt, rules.timeZone);
}

export function isOverdue(due: Date | string | null | undefined, now: Date, open = true): boolean {
  return !!due && open && new Date(due).getTime() < now.getTime();
}

export interface HistoryEvent {
  at: Date | string;
  action: string;
  fromActivity?: number | null;
  toActivity?: number | null;
}

export interface ActivityVisit {
  activity: number;
  enteredAt: Date;
  leftAt: Date | null;
  ms: number;
}

/**
 * Time spent per activity, from the case's history: a visit starts when an event brings the
 * case to an activity and ends at the next event that moves it elsewhere (or closes it).
 * Notes and other events that stay on the activity don't split a visit.
 */
export function activityVisits(events: HistoryEvent[], until: Date, closedAt?: Date | string | null): ActivityVisit[] {
  const sorted = [...events].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const end = closedAt ? new Date(closedAt) : until;
  const visits: ActivityVisit[] = [];
  let current: ActivityVisit | null = null;
  for (const e of sorted) {
    const at = new Date(e.at);
    if (e.toActivity === null || e.toActivity === undefined) continue;
    if (current && current.activity === e.toActivity) continue;
    if (current) {
      current.leftAt = at;
      current.ms = at.getTime() - current.enteredAt.getTime();
    }
    current = { activity: e.toActivity, enteredAt: at, leftAt: null, ms: 0 };
    visits.push(current);
  }
  if (current && current.leftAt === null) {
    current.ms = Math.max(0, end.getTime() - current.enteredAt.getTime());
    if (closedAt) current.leftAt = end;
  }
  return visits;
}

/** Total time per activity number (a case may visit an activity twice). */
export function timeSpentPerActivity(visits: ActivityVisit[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of visits) out.set(v.activity, (out.get(v.activity) ?? 0) + v.ms);
  return out;
}
