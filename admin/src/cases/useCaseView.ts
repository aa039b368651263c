import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../dataProvider';
import type { CaseView, Timeline } from '../../../cms/src/core/case-view';

/** What GET /api/panel/cases/:id/actions and /timeline return: the server's own types. */
export type { ActionOption } from '../../../cms/src/core/sop-walker';
export type { CaseView, ChecklistItemView as ChecklistItem, FlowActivity, Timeline } from '../../../cms/src/core/case-view';

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
