// The online channels' API: public Q&A and its moderation, heads' blogs, body pages beyond
// the bodies module, page votes and the help search.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Localized } from '../bodies/api.ts';

export interface PublicQuestion {
  id: string;
  channel: string;
  body: { id: string; code: string; name: Localized };
  topicCode: string | null;
  question: string;
  answer: string | null;
  publishedAt: string;
  answeredAt: string | null;
}

export function usePublicQuestions(f: { body?: string; topic?: string; q?: string; postId?: string; headId?: string }) {
  return useQuery({
    queryKey: ['qa', f],
    queryFn: ({ signal }) => api<{ items: PublicQuestion[]; nextCursor: string | null }>(`/qa${qs({ ...f, limit: 20 })}`, { signal }),
    placeholderData: (prev) => prev,
  });
}

export interface Asked {
  id: string;
  number: string;
  accessCode: string;
  moderation: string;
}

export interface AskBody {
  bodyId?: string;
  text: string;
  name: string;
  email?: string;
  phone?: string;
  preferredAnswer?: string;
  consentToPublish: boolean;
  postId?: string;
}

export const askQuestion = (body: AskBody) => api<Asked>('/qa/questions', { method: 'POST', body });
export const askHead = (slug: string, body: AskBody) => api<Asked>(`/blog/${encodeURIComponent(slug)}/questions`, { method: 'POST', body });

export interface ModerationItem {
  id: string;
  number: string;
  channel: string;
  topicCode: string | null;
  consent: boolean;
  receivedAt: string;
  status: string;
  rejectReason: string | null;
  original: string;
  suggestedQuestion: string;
  answer: string | null;
}

export function useModeration(status: string) {
  return useQuery({
    queryKey: ['qa-moderation', status],
    queryFn: ({ signal }) => api<{ items: ModerationItem[] }>(`/qa/moderation${qs({ status: status || undefined, limit: 50 })}`, { signal }),
  });
}
export const approve = (id: string, body: { question: string; answer?: string }) => api<{ status: string }>(`/qa/moderation/${id}/approve`, { method: 'POST', body });
export const reject = (id: string, reason: string) => api<{ status: string }>(`/qa/moderation/${id}/reject`, { method: 'POST', body: { reason } });
export const keepPrivate = (id: string) => api<{ status: string }>(`/qa/moderation/${id}/private`, { method: 'POST', body: {} });

export interface Head {
  id: string;
  slug: string;
  body: { code: string; name: Localized };
  name: string;
  position: string;
  biography: string;
  contacts: string;
}
export interface Post {
  id: string;
  kind: 'news' | 'event';
  title: string;
  text: string;
  eventAt: string | null;
  publishedAt: string;
}
export function useHead(slug: string) {
  return useQuery({ queryKey: ['head', slug], queryFn: ({ signal }) => api<Head>(`/blog/${encodeURIComponent(slug)}`, { signal }) });
}
export function useHeadPosts(slug: string) {
  return useQuery({ queryKey: ['head-posts', slug], queryFn: ({ signal }) => api<{ items: Post[] }>(`/blog/${encodeURIComponent(slug)}/posts`, { signal }) });
}

export interface SitePage {
  about: Partial<Localized>;
  documents: { title: string; url: string; date?: string }[];
  news: { title: string; text: string; date: string }[];
  social: { network: string; url: string }[];
  heads: { slug: string; name: string; position: string }[];
  changes: { id: string; at: string; sections: string[] }[];
  completeness: { score: number; missing: string[] };
}
export function useSitePage(code: string) {
  return useQuery({ queryKey: ['site', code], queryFn: ({ signal }) => api<SitePage>(`/site/bodies/${encodeURIComponent(code)}`, { signal }) });
}
export const subscribe = (code: string, email: string, language: string) => api<{ status: string }>(`/site/bodies/${encodeURIComponent(code)}/subscribe`, { method: 'POST', body: { email, language } });
export const confirmSubscription = (token: string) => api<{ status: string }>('/site/subscriptions/confirm', { method: 'POST', body: { token } });
export const unsubscribe = (token: string) => api<{ status: string }>('/site/subscriptions/unsubscribe', { method: 'POST', body: { token } });
export const ratePage = (page: string, useful: boolean, body?: string) => api<{ status: string }>('/site/ratings', { method: 'POST', body: { page, useful, ...(body ? { body } : {}) } });

export interface BodyRef {
  code: string;
  name: Localized;
  channel: { channel: string; phone: string | null; url: string | null } | null;
}
export interface HelpResult {
  topics: { code: string; name: Localized; bodies: BodyRef[] }[];
  bodies: BodyRef[];
  articles: { id: string; title: string; excerpt: string; body: BodyRef | null }[];
  questions: { id: string; question: string; answer: string | null; body: BodyRef }[];
}
export function useHelp(q: string) {
  return useQuery({ queryKey: ['help', q], queryFn: ({ signal }) => api<HelpResult>(`/help${qs({ q })}`, { signal }), enabled: q.length >= 2, placeholderData: (prev) => prev });
}
