// Routing's calls: the suggestion on an appeal's card (topic and body with confidences, and
// the decision recorded against it), the body's acceptance rate, and bulk-answer groups.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface AppealSuggestion {
  topics: { code: string; confidence: number }[];
  bodies: { id: string; code: string; confidence: number; unitId: string | null }[];
  decision: { suggestedTopic: string | null; suggestedBodyId: string | null; decidedTopic: string | null; decidedBodyId: string | null; accepted: boolean | null; decidedAt: string | null } | null;
}

export function useAppealSuggestion(appealId: string) {
  return useQuery({
    queryKey: ['routing', 'appeal', appealId],
    queryFn: ({ signal }) => api<AppealSuggestion>(`/routing/appeals/${appealId}`, { signal }),
    staleTime: 60_000,
  });
}
