// The social-media inbox's calls: the body's comments (keyset pages), triage, replies, the
// daily monitoring, and (administrator) the connected accounts.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';

export const SOCIAL_NETWORKS = ['telegram', 'vk', 'instagram', 'facebook', 'tiktok', 'youtube', 'other'] as const;
export const CONNECTABLE_NETWORKS = ['telegram', 'vk', 'instagram', 'facebook'] as const;
export const SOCIAL_STATUSES = ['new', 'registered', 'redirected', 'standard_reply', 'ignored'] as const;
export const IGNORE_REASONS = ['spam', 'off_topic', 'offensive', 'duplicate'] as const;
export const SOCIAL_READER_ROLES = ['comms_officer', 'head', 'deputy'];

export interface SocialMessage {
  id: string;
  network: string;
  authorName: string | null;
  authorId: string | null;
  text: string;
  link: string | null;
  postId: string | null;
  postedAt: string;
  receivedAt: string;
  incidentId: string;
  incidentSize: number;
  status: (typeof SOCIAL_STATUSES)[number];
  ignoreReason: string | null;
  difficulty: string | null;
  appeal: { id: string; number: string | null } | null;
  redirectedTo: { id: string; name: { kk: string; ru: string; en: string } } | null;
  firstReplyAt: string | null;
}

export interface TriageInput {
  decision: 'own' | 'other' | 'none' | 'ignore';
  difficulty?: string;
  targetBodyId?: string;
  reason?: string;
  ignoreReason?: string;
}

export interface SocialStats {
  from: string;
  to: string;
  days: Array<{ day: string; network: string; comments: number; replied: number; medianReplyMinutes: number | null; avgReplyMinutes: number | null }>;
  onTimeByDifficulty: Array<{ difficulty: string; appeals: number; onTime: number; late: number; open: number }>;
}

export interface SocialAccount {
  network: string;
  accountRef: string | null;
  hasConfirmation: boolean;
  hasToken: boolean;
  updatedAt: string;
  webhookUrl: string;
}

export function useSocialMessages(params: { network?: string; status?: string }) {
  return useInfiniteQuery({
    queryKey: ['social', 'messages', params],
    queryFn: ({ signal, pageParam }) => api<{ items: SocialMessage[]; nextCursor: string | null }>(`/social/messages${qs({ limit: 30, ...params, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSocialStats() {
  return useQuery({ queryKey: ['social', 'stats'], queryFn: ({ signal }) => api<SocialStats>('/social/stats', { signal }) });
}

export function useSocialAccounts() {
  return useQuery({ queryKey: ['social', 'accounts'], queryFn: ({ signal }) => api<{ items: SocialAccount[] }>('/social/accounts', { signal }) });
}

export const triage = (id: string, body: TriageInput) => api<{ status: string; messages: string[]; appeal?: { id: string; number: string } }>(`/social/messages/${id}/triage`, { method: 'POST', body });
export const reply = (id: string, text: string) => api<{ id: string }>(`/social/messages/${id}/replies`, { method: 'POST', body: { text } });
export const connectAccount = (network: string, body: { secret: string; confirmation?: string; token?: string; accountRef?: string }) =>
  api<SocialAccount>(`/social/accounts/${network}`, { method: 'PUT', body });
