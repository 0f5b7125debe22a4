// Government bodies and topics as the public API gives them.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Language } from '../../lib/languages.ts';

export type Localized = Record<Language, string>;

export interface BodyItem {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  name: Localized;
}

export interface BodyChannel {
  channel: string;
  phone?: string;
  url?: string;
  hours?: Localized;
  address?: Localized;
}

export interface BodyPageData extends BodyItem {
  contacts: { address?: Localized; phone?: string; email?: string; hours?: Localized } | null;
  channels: BodyChannel[];
  units: Array<{ id: string; code: string; name: Localized }>;
  topics: string[];
}

export interface Topic {
  code: string;
  parentCode: string | null;
  name: Localized;
  defaultDifficulty: string;
}

export function useBodies(q: string) {
  return useQuery({
    queryKey: ['bodies', q],
    queryFn: ({ signal }) => api<{ items: BodyItem[]; nextCursor: string | null }>(`/bodies${qs({ q: q.trim() || undefined, limit: 200 })}`, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useBody(code: string | undefined) {
  return useQuery({
    queryKey: ['body', code],
    queryFn: ({ signal }) => api<BodyPageData>(`/bodies/${encodeURIComponent(code!)}`, { signal }),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

export function useTopics() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: ({ signal }) => api<{ items: Topic[] }>('/topics', { signal }),
    staleTime: 60 * 60_000,
    select: (d) => d.items,
  });
}

/** The topics a body handles: each code it names, and the sub-topics of a named top-level topic. */
export function topicsOfBody(all: Topic[], competence: string[]): Topic[] {
  const set = new Set(competence);
  return all.filter((t) => set.has(t.code) || (t.parentCode !== null && set.has(t.parentCode)));
}
