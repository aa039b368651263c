/**
 * What the staff API answers about a case (GET /api/panel/cases/:id/actions and /timeline):
 * the server's case view builds these shapes and the panel reads them by the same types
 * (import type), so neither side can change a field alone. `When` is a moment: a Date or ISO
 * string on the server, an ISO string once it has crossed JSON.
 */
import type { ActionOption, BatchStep } from './sop-walker';

export interface FlowActivity {
  number: number;
  text: string;
  executor: string;
  symbol: string;
  next: number | null;
  yesNext: number | null;
  yesLabel: string | null;
  noNext: number | null;
  noLabel: string | null;
}

export interface CaseFileLink {
  id: number;
  name: string;
  mime: string;
  url: string;
}

export interface ChecklistItemView {
  key: string;
  label: string;
  required: boolean;
  checked: boolean;
  file: CaseFileLink | null;
}

export interface ActivitySummary {
  number: number;
  text: string;
  symbol: string;
  effect: string | undefined;
  executor: { key: string; label: string; roles: string[]; external: boolean } | null;
  output: string | null;
  time: string | null;
  letterKind: string | null;
}

export interface BatchRef {
  documentId: string;
  code: string;
  level: string;
  month: string;
  status: string;
}

export interface CaseSummary {
  documentId: string;
  code: string;
  version: number;
  status: string;
  statusLabel: string;
  waitingFor: string | null;
  priority: string;
  track: { key: string; label: string } | null;
  service: { documentId?: string; slug: string; title?: string };
  sop: { name: string; number: string | null; version: string; activities: FlowActivity[] };
  applicant: { documentId: string; name: string } | null;
  currentActivity: ActivitySummary | null;
  queueRoles: string[];
  assignee: { id: number; username: string; fullName: string | null } | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  activityStartedAt: string | null;
  activityDueAt: string | null;
  activityOverdue: boolean;
  closedAt: string | null;
  outcome: string | null;
  bpjsResult: string | null;
  bpjsReason: string | null;
  activeFrom: string | null;
  batch: BatchRef | null;
  sentIn: BatchRef | null;
  checklist: ChecklistItemView[];
  missingRequirements: string[];
  attachments: CaseFileLink[];
  letter: { number: string | null; kind: string; status: string; initials: unknown[] } | null;
}

export interface CaseView {
  case: CaseSummary;
  actions: ActionOption[];
  batchStep: BatchStep | null;
  /** Accounts the case may be reassigned to now (when reassign is offered). */
  assignees: { username: string; name: string; role: string; roleName: string; roleNameEn: string }[];
}

export interface Timeline<When = string> {
  activities: { activity: number; text: string | null; executor: string | null; enteredAt: When; leftAt: When | null; minutes: number; ms: number; dueAt: When | null; overdue: boolean }[];
  events: {
    action: string;
    at: When;
    actor: string | null;
    role: string | null;
    fromActivity: number | null;
    toActivity: number | null;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    data: unknown;
  }[];
}
