import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../dataProvider';

/** What GET /api/panel/cases/:id/actions returns (cms/src/api/case/services/engine/view.ts). */
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
export interface ChecklistItem {
  key: string;
  label: string;
  required: boolean;
  checked: boolean;
  file: { id: number; name: string; mime: string; url: string } | null;
}
export interface ActionOption {
  action: string;
  label: string;
  labelEn: string;
  fields: { name: string; required: boolean }[];
  disabledReason?: string;
}
export interface CaseView {
  case: {
    documentId: string;
    code: string;
    version: number;
    status: string;
    statusLabel: string;
    waitingFor: string | null;
    priority: string;
    track: { key: string; label: string } | null;
    service: { documentId?: string; slug: string; title?: string };
    sop: { name: string; number: string | null; activities?: FlowActivity[] };
    applicant: { documentId: string; name: string } | null;
    currentActivity: { number: number; text: string; executor: { label: string } | null; time: string | null } | null;
    receivedAt: string;
    dueAt: string | null;
    overdue: boolean;
    activityDueAt: string | null;
    activityOverdue: boolean;
    outcome: string | null;
    checklist: ChecklistItem[];
    missingRequirements: string[];
    attachments: { id: number; name: string; mime: string; url: string }[];
    letter: { number: string | null; kind: string; status: string } | null;
  };
  actions: ActionOption[];
  batchStep: { stage: string; label: string; labelEn: string } | null;
  /** Accounts the case may be reassigned to now (when reassign is offered). */
  assignees: { username: string; name: string; role: string; roleName: string; roleNameEn: string }[];
}
export interface Timeline {
  activities: { activity: number; text: string | null; executor: string | null; enteredAt: string; leftAt: string | null; minutes: number; dueAt: string | null; overdue: boolean }[];
  events: {
    action: string;
    at: string;
    actor: string | null;
    role: string | null;
    fromActivity: number | null;
    toActivity: number | null;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
  }[];
}

export const useCaseView = (id: string | undefined) =>
  useQuery({
    queryKey: ['case-view', id],
    enabled: !!id,
    retry: false,
    queryFn: async () => (await apiFetch<{ data: CaseView }>(`/api/panel/cases/${id}/actions`)).data,
  });

export const useCaseTimeline = (id: string | undefined) =>
  useQuery({
    queryKey: ['case-timeline', id],
    enabled: !!id,
    retry: false,
    queryFn: async () => (await apiFetch<{ data: Timeline }>(`/api/panel/cases/${id}/timeline`)).data,
  });

/** After an action: the case, its actions, timeline and the lists are stale. */
export const useRefreshCase = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries();
};
