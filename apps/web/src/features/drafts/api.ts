// Public discussion of drafts: the public list and page, one-time codes and comments for
// anyone; publishing, answers and moderation for the developer body.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';

export interface Discussion {
  id: string;
  kind: 'draft_act' | 'budget' | 'dataset';
  title: string;
  language: string;
  body: { code: string; name: { kk: string; ru: string; en: string } };
  opensAt: string;
  closesAt: string;
  version: number;
  state: 'announced' | 'open' | 'ended';
  extended: boolean;
}

export type Decision = 'accepted' | 'partly_accepted' | 'rejected';
export type HiddenReason = 'impolite' | 'personal_data' | 'spam' | 'reports' | 'moderator';

export interface DraftComment {
  id: string;
  paragraphId: string | null;
  authorName: string;
  stance: 'for' | 'against' | 'neutral';
  text: string;
  createdAt: string;
  answerDueAt: string;
  answer: { text: string; decision: Decision; reason: string; answeredAt: string } | null;
  hiddenReason?: HiddenReason | null;
  overdue?: boolean;
  discussionId?: string;
  discussionTitle?: string;
}

export interface DraftPageData extends Discussion {
  stats: { comments: number; for: number; against: number; neutral: number; answered: number };
  paragraphs: { id: string; position: number; article: string | null; text: string; comments: DraftComment[] }[];
  general: DraftComment[];
}

export const useDrafts = (bodyCode?: string) =>
  useQuery({ queryKey: ['drafts', 'list', bodyCode], queryFn: ({ signal }) => api<{ items: Discussion[] }>(`/drafts${qs({ bodyCode, kind: 'draft_act', limit: 50 })}`, { signal }) });
export const useDraftPage = (id: string) => useQuery({ queryKey: ['drafts', 'page', id], queryFn: ({ signal }) => api<DraftPageData>(`/drafts/${encodeURIComponent(id)}`, { signal }) });
export const useOwnDrafts = () => useQuery({ queryKey: ['drafts', 'mine'], queryFn: ({ signal }) => api<{ items: Discussion[] }>('/drafts/mine', { signal }) });
export const useStaffComments = (id: string) => useQuery({ queryKey: ['drafts', 'comments', id], queryFn: ({ signal }) => api<{ items: DraftComment[] }>(`/drafts/${encodeURIComponent(id)}/comments`, { signal }) });
export const useModerationQueue = () => useQuery({ queryKey: ['drafts', 'moderation'], queryFn: ({ signal }) => api<{ items: DraftComment[] }>('/drafts/moderation', { signal }) });

export const requestCode = (contact: string) => api<{ codeId: string; expiresAt: string }>('/drafts/codes', { body: { contact } });
export const postComment = (id: string, c: { paragraphId: string | null; name: string; contact: string; codeId: string; code: string; stance: string; text: string }) =>
  api<{ id: string; hidden: boolean; hiddenReason: HiddenReason | null; answerDueAt: string }>(`/drafts/${encodeURIComponent(id)}/comments`, { body: c });
export const reportComment = (id: string) => api<{ reports: number; hidden: boolean }>(`/drafts/comments/${encodeURIComponent(id)}/reports`, { body: {} });
export const publishDraft = (d: { title: string; language: string; closesAt: string; markdown: string }) => api<Discussion>('/drafts', { body: d });
export const answerComment = (id: string, a: { text: string; decision: string; reason: string }) => api<{ id: string }>(`/drafts/comments/${encodeURIComponent(id)}/answer`, { body: a });
export const moderateComment = (id: string, action: 'show' | 'hide') => api<{ id: string; hidden: boolean }>(`/drafts/comments/${encodeURIComponent(id)}/moderation`, { body: { action } });
