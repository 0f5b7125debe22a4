// Public tracking: number + access code -> status, terms, public history; the citizen's feedback.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Localized } from '../bodies/api.ts';

export interface TrackEvent {
  type: string;
  at: string;
  data: { from?: string; to?: string; number?: string; targetBodyName?: string | Localized; until?: string; text?: string; resolution?: string; [k: string]: unknown };
}

export interface TrackView {
  number: string;
  status: string;
  kind: string;
  channel: string;
  body: { code: string; name: Localized };
  receivedAt: string;
  legalDueAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  satisfaction: number | null;
  history: TrackEvent[];
  [k: string]: unknown;
}

export interface FeedbackInput {
  code: string;
  score: number;
  comment?: string;
  disagree?: boolean;
}

export function useTrack(key: { number: string; code: string } | null) {
  return useQuery({
    queryKey: ['track', key?.number, key?.code],
    queryFn: ({ signal }) => api<TrackView>(`/track/${encodeURIComponent(key!.number)}${qs({ code: key!.code })}`, { signal }),
    enabled: !!key,
    staleTime: 0,
  });
}

export function sendFeedback(number: string, input: FeedbackInput) {
  return api<Record<string, unknown>>(`/track/${encodeURIComponent(number)}/feedback`, { body: input });
}

export interface Correspondence {
  number: string;
  status: string;
  answer: { text: string; resolution: string; deliveryMethod: string; sentAt: string | null } | null;
  messages: Array<{ type: string; at: string; text: string | null }>;
}

/** The answer and the body's requests for information: kept out of the public history. */
export function useCorrespondence(key: { number: string; code: string } | null, status: string | undefined) {
  return useQuery({
    queryKey: ['track', key?.number, key?.code, 'correspondence', status],
    queryFn: ({ signal }) => api<Correspondence>(`/track/${encodeURIComponent(key!.number)}/correspondence${qs({ code: key!.code })}`, { signal }),
    enabled: !!key && !!status,
    retry: false,
  });
}

export interface TrackedMessage {
  id: string;
  at: string;
  channel: string;
  status: string;
  language: string;
  subject: string;
  text: string;
}

/** Every message the applicant was sent about the appeal, by whatever channel. */
export function useTrackedMessages(key: { number: string; code: string } | null, status: string | undefined) {
  return useQuery({
    queryKey: ['track', key?.number, key?.code, 'messages', status],
    queryFn: ({ signal }) => api<{ items: TrackedMessage[] }>(`/track/${encodeURIComponent(key!.number)}/messages${qs({ code: key!.code, limit: 100 })}`, { signal }),
    enabled: !!key && !!status,
    retry: false,
  });
}

export const sendReply = (number: string, code: string, text: string) => api<{ number: string; status: string }>(`/track/${encodeURIComponent(number)}/reply`, { body: { code, text } });

export const telegramLink = (number: string, code: string) => api<{ url: string; bot: string; expiresAt: string }>(`/track/${encodeURIComponent(number)}/telegram`, { body: { code } });
