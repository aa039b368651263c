/**
 * The one definition of an opened case's row: the engine's open, Form 35's generic writer and
 * the staged SQL (which maps each value to an SQL expression) all build it here, so the three
 * paths write the same columns with the same values.
 */

/** What every case opened together shares: its service, first activity, deadlines and SOP version. */
export interface OpenedCaseCommon {
  serviceSlug: string;
  officeCode: string;
  activity: number;
  executor: string | null;
  queueRoles: string | null;
  priority: string;
  track: string | null;
  now: Date;
  dueAt: Date | null;
  activityDueAt: Date | null;
  sopVersion: string;
}

/** What each opened case has of its own: values, or for the staged SQL the expressions that give them. */
export interface OpenedCaseOwn<V> {
  code: V;
  villageCode: V;
  districtCode: V;
  openKey: V;
}

/** The opened case's attributes in order; `fixed` turns a shared value into the caller's form (itself, or an SQL literal). */
export function openedCaseRow<V, W>(c: OpenedCaseCommon, own: OpenedCaseOwn<V>, fixed: (value: unknown) => W): [string, V | W][] {
  return [
    ['code', own.code],
    ['serviceSlug', fixed(c.serviceSlug)],
    ['officeCode', fixed(c.officeCode)],
    ['villageCode', own.villageCode],
    ['districtCode', own.districtCode],
    ['currentActivity', fixed(c.activity)],
    ['currentExecutor', fixed(c.executor)],
    ['queueRoles', fixed(c.queueRoles)],
    ['status', fixed('in-progress')],
    ['priority', fixed(c.priority)],
    ['track', fixed(c.track)],
    ['receivedAt', fixed(c.now)],
    ['dueAt', fixed(c.dueAt)],
    ['activityStartedAt', fixed(c.now)],
    ['activityDueAt', fixed(c.activityDueAt)],
    ['sopVersion', fixed(c.sopVersion)],
    ['openKey', own.openKey],
    ['version', fixed(1)],
  ];
}

/** The row as plain values (the engine's open and the generic writer). */
export const openedCaseData = (c: OpenedCaseCommon, own: OpenedCaseOwn<string | null>): Record<string, unknown> => Object.fromEntries(openedCaseRow(c, own, (v) => v));
