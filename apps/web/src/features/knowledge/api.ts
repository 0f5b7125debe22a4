// The knowledge base's calls: search the body's and the shared articles, and (editors)
// write, change, publish and unpublish them.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';

export interface Article {
  id: string;
  shared: boolean;
  bodyId: string | null;
  language: 'kk' | 'ru' | 'en';
  title: string;
  body: string;
  topicCode: string | null;
  status: 'draft' | 'published';
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  editable: boolean;
}

export interface ArticleInput {
  title: string;
  body: string;
  language: string;
  topicCode?: string | null;
  shared?: boolean;
}

export interface KnowledgeParams {
  q?: string;
  language?: string;
  status?: 'draft' | 'published';
}

type Page = { items: Article[]; nextCursor: string | null };

export function useKnowledgePages(params: KnowledgeParams) {
  return useInfiniteQuery({
    queryKey: ['knowledge', 'pages', params],
    queryFn: ({ signal, pageParam }) => api<Page>(`/knowledge${qs({ limit: 20, ...params, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The first few published matches, for inserting into a text. */
export function useKnowledgeSearch(q: string, language?: string) {
  return useQuery({
    queryKey: ['knowledge', 'search', q, language],
    queryFn: ({ signal }) => api<Page>(`/knowledge${qs({ q, language, status: 'published', limit: 5 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const createArticle = (a: ArticleInput) => api<Article>('/knowledge', { body: a });
export const updateArticle = (id: string, a: Omit<ArticleInput, 'shared'>) => api<Article>(`/knowledge/${encodeURIComponent(id)}`, { method: 'PUT', body: a });
export const setPublished = (id: string, published: boolean) => api<Article>(`/knowledge/${encodeURIComponent(id)}/${published ? 'publish' : 'unpublish'}`, { method: 'POST', body: {} });
