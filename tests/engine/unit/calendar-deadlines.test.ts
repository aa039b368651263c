/** Deadlines from mutu baku times and office calendar rules, in the office's time zone (pure). */
import { addDuration, endOfLocalDay, monthlyDay } from '../../../cms/src/core/calendar';
import { activeFrom, activityDue, activityVisits, bpjsMonth, caseDue, durationDue, isOverdue, proposalMonth, timeSpentPerActivity, type OfficeRules } from '../../../cms/src/core/deadlines';

const magetan: OfficeRules = { timeZone: 'Asia/Jakarta', inputCutoffDay: 15, activeOnFirstOfNextMonth: true, holidays: [{ date: '2026-08-17' }, { date: '2026-08-25' }] };
const banjarbaru: OfficeRules = { timeZone: 'Asia/Makassar', bpjsMutationDay: 25, activeOnFirstOfNextMonth: true };
const karangasem: OfficeRules = { timeZone: 'Asia/Makassar', activeOnFirstOfNextMonth: false };
const at = (iso: string) => new Date(iso);

test('minutes and hours run on the clock, days on the calendar', () => {
  const start = at('2026-08-14T09:00:00+07:00');
  expect(durationDue(start, { amount: 5, unit: 'minutes' }, magetan)!.toISOString()).toBe('2026-08-14T02:05:00.000Z');
  expect(durationDue(start, { amount: '1.5', unit: 'hours' }, magetan)!.toISOString()).toBe('2026-08-14T03:30:00.000Z');
  expect(durationDue(start, { amount: 15, unit: 'days' }, magetan)!.toISOString()).toBe('2026-08-29T02:00:00.000Z');
  expect(durationDue(start, { amount: null, unit: 'days' }, magetan)).toBeNull();
});

test('working days skip weekends and the office holidays', () => {
  // Friday 14 Aug 2026 + 2 working days: Mon 17 Aug is Independence Day -> Tue 18, Wed 19.
  expect(addDuration(at('2026-08-14T10:00:00+07:00'), 2, 'workdays', magetan).toISOString()).toBe('2026-08-19T03:00:00.000Z');
  // Without the holiday list, Monday and Tuesday.
  expect(addDuration(at('2026-08-14T10:00:00+07:00'), 2, 'workdays', { timeZone: 'Asia/Jakarta' }).toISOString()).toBe('2026-08-18T03:00:00.000Z');
  // 0 working days on a Saturday means the end of Monday.
  expect(durationDue(at('2026-08-15T10:00:00+07:00'), { amount: 0, unit: 'workdays' }, magetan)!.toISOString()).toBe(endOfLocalDay('2026-08-18', 'Asia/Jakarta').toISOString());
});

test('"the same day" ends at midnight in the office\'s zone, not in UTC', () => {
  // 23:30 WITA on 3 Sept is 15:30 UTC: still the 3rd in Karangasem.
  const due = durationDue(at('2026-09-03T15:30:00Z'), { amount: 0, unit: 'days' }, karangasem)!;
  expect(due.toISOString()).toBe('2026-09-03T15:59:59.999Z');
  // 00:30 WITA on 4 Sept (16:30 UTC on the 3rd) is the next day.
  expect(durationDue(at('2026-09-03T16:30:00Z'), { amount: 0, unit: 'days' }, karangasem)!.toISOString()).toBe('2026-09-04T15:59:59.999Z');
});

test("Magetan: proposals entered after the 15th go to next month's recap; the village step is due on the cut-off day", () => {
  expect(proposalMonth(at('2026-07-15T16:59:00Z'), magetan)).toBe('2026-07'); // 23:59 WIB on the 15th
  expect(proposalMonth(at('2026-07-15T17:00:00Z'), magetan)).toBe('2026-08'); // 00:00 WIB on the 16th
  expect(proposalMonth(at('2026-12-20T03:00:00Z'), magetan)).toBe('2027-01');
  const due = activityDue(at('2026-07-16T02:00:00Z'), { effect: 'village-recap', timeAmount: 5, timeUnit: 'minutes' }, magetan);
  expect(due!.toISOString()).toBe('2026-08-15T16:59:59.999Z');
});

test('Banjarbaru: BPJS takes mutations on the 25th (the month after, past it); active on the 1st of the next month', () => {
  expect(bpjsMonth(at('2026-02-25T10:00:00Z'), banjarbaru)).toBe('2026-02');
  expect(bpjsMonth(at('2026-02-25T16:00:00Z'), banjarbaru)).toBe('2026-03'); // 00:00 WITA on the 26th
  expect(activityDue(at('2026-02-26T01:00:00Z'), { effect: 'bpjs-send', timeAmount: 15, timeUnit: 'days' }, banjarbaru)!.toISOString()).toBe('2026-03-25T15:59:59.999Z');
  expect(activeFrom(at('2026-03-20T01:00:00Z'), banjarbaru, '2026-03')).toBe('2026-04-01');
  expect(activeFrom(at('2026-12-20T01:00:00Z'), banjarbaru)).toBe('2027-01-01');
  expect(activeFrom(at('2026-03-20T20:00:00Z'), karangasem)).toBe('2026-03-21');
});

test('a monthly fixed day past the end of a short month falls on its last day', () => {
  expect(monthlyDay(at('2026-02-10T00:00:00Z'), 31, 'Asia/Jakarta').date).toBe('2026-02-28');
});

test('a monthly track without a mutation day is due at the end of the month; a direct one by its mutu baku', () => {
  const start = at('2026-04-10T02:00:00Z');
  const monthly = { key: 'regular', label: 'r', priority: 'regular' as const, bpjsSend: 'monthly' as const };
  const direct = { key: 'emergency', label: 'e', priority: 'emergency' as const, bpjsSend: 'direct' as const };
  expect(activityDue(start, { effect: 'bpjs-send', timeAmount: 10, timeUnit: 'minutes' }, karangasem, monthly)!.toISOString()).toBe('2026-04-30T15:59:59.999Z');
  expect(activityDue(start, { effect: 'bpjs-send', timeAmount: 10, timeUnit: 'minutes' }, karangasem, direct)!.toISOString()).toBe('2026-04-10T02:10:00.000Z');
  // The case's due: the track's time beats the standard's.
  expect(caseDue(start, { amount: 1, unit: 'days' }, karangasem, { ...monthly, timeAmount: 3, timeUnit: 'months' })!.toISOString()).toBe('2026-07-10T02:00:00.000Z');
  expect(caseDue(start, { amount: 1, unit: 'days' }, karangasem, null)!.toISOString()).toBe('2026-04-11T02:00:00.000Z');
});

test('overdue only while open', () => {
  expect(isOverdue('2026-01-01T00:00:00Z', at('2026-01-02T00:00:00Z'))).toBe(true);
  expect(isOverdue('2026-01-01T00:00:00Z', at('2026-01-02T00:00:00Z'), false)).toBe(false);
  expect(isOverdue(null, at('2026-01-02T00:00:00Z'))).toBe(false);
});

test('time spent per activity comes from the history; notes do not split a visit', () => {
  const events = [
    { at: '2026-05-04T01:00:00Z', action: 'open', fromActivity: null, toActivity: 1 },
    { at: '2026-05-04T01:10:00Z', action: 'complete', fromActivity: 1, toActivity: 2 },
    { at: '2026-05-04T01:30:00Z', action: 'note', fromActivity: 2, toActivity: 2 },
    { at: '2026-05-04T02:10:00Z', action: 'decide-no', fromActivity: 2, toActivity: 1 },
    { at: '2026-05-04T02:15:00Z', action: 'complete', fromActivity: 1, toActivity: 2 },
  ];
  const visits = activityVisits(events, at('2026-05-04T03:15:00Z'));
  expect(visits.map((v) => [v.activity, v.ms / 60000])).toEqual([
    [1, 10],
    [2, 60],
    [1, 5],
    [2, 60],
  ]);
  expect(Object.fromEntries(timeSpentPerActivity(visits))).toEqual({ 1: 15 * 60000, 2: 120 * 60000 });
  // A closed case stops the clock at its closing.
  const closed = activityVisits(events, at('2026-05-09T00:00:00Z'), '2026-05-04T02:45:00Z');
  expect(closed.at(-1)).toMatchObject({ activity: 2, ms: 30 * 60000 });
});
