/** The SLA state of a complaint, for color and text: by its due time and whether it is answered. */
export type SlaState = 'on-time' | 'due-soon' | 'overdue' | 'answered-on-time' | 'answered-late';

const OPEN = ['new', 'in-progress'];
/** Due within this share of the SLA window counts as "due soon". */
const SOON_SHARE = 0.25;

export function complaintSla(c: { status: string; receivedAt?: string | null; dueAt?: string | null; repliedAt?: string | null }, now = new Date()): SlaState | null {
  if (!c.dueAt) return null;
  const due = new Date(c.dueAt).getTime();
  if (!OPEN.includes(c.status)) return c.repliedAt && new Date(c.repliedAt).getTime() > due ? 'answered-late' : 'answered-on-time';
  if (now.getTime() > due) return 'overdue';
  const window = c.receivedAt ? due - new Date(c.receivedAt).getTime() : 72 * 3600_000;
  return due - now.getTime() <= window * SOON_SHARE ? 'due-soon' : 'on-time';
}

export const SLA_COLOR: Record<SlaState, 'success' | 'warning' | 'error' | 'default'> = {
  'on-time': 'success',
  'due-soon': 'warning',
  overdue: 'error',
  'answered-on-time': 'default',
  'answered-late': 'default',
};
