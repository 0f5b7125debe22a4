// Surveys' calls: the analyst's list, builder, invitations and results; the respondent's
// questionnaire and answer by invitation token.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Localized } from '../bodies/api.ts';

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text';
export interface Question {
  id: string;
  kind: QuestionKind;
  text: Localized;
  options?: { id: string; text: Localized }[];
  max?: number;
  required?: boolean;
}
export interface Dimension {
  code: string;
  name: Localized;
  groups: { code: string; name: Localized }[];
}
export interface Survey {
  id: string;
  title: Localized;
  questions: Question[];
  quotas: Record<string, Record<string, number>>;
  status: 'draft' | 'open' | 'closed';
  createdAt: string;
  invitations?: number;
  responded?: number;
}
export interface CrossTab {
  questionId: string;
  kind: QuestionKind;
  text: Localized;
  groups: string[];
  rows: { value: string; label: Localized; counts: number[]; columnPercent: (number | null)[] }[];
  respondents: number[];
  chiSquare: { statistic: number; df: number; pValue: number } | null;
}
export interface Results {
  responses: number;
  quotas: { dimension: string; groups: { group: string; target: number; responses: number }[] }[];
  tables: CrossTab[];
  texts: { questionId: string; answers: string[] }[];
}

export const useProfile = () => useQuery({ queryKey: ['surveys', 'profile'], queryFn: ({ signal }) => api<{ dimensions: Dimension[] }>('/surveys/profile', { signal }), staleTime: 60 * 60_000 });
export const useSurveys = () => useQuery({ queryKey: ['surveys', 'list'], queryFn: ({ signal }) => api<{ items: (Survey & { responses: number })[] }>('/surveys', { signal }) });
export const useSurvey = (id: string | null) => useQuery({ queryKey: ['surveys', 'one', id], queryFn: ({ signal }) => api<Survey>(`/surveys/${id}`, { signal }), enabled: !!id });
export const useResults = (id: string | null, by: string, weighted: boolean) =>
  useQuery({ queryKey: ['surveys', 'results', id, by, weighted], queryFn: ({ signal }) => api<Results>(`/surveys/${id}/results${qs({ by, weighted: weighted || undefined })}`, { signal }), enabled: !!id });

export const createSurvey = (body: { template?: 'channels'; title?: Localized; questions?: Question[]; quotas?: Record<string, Record<string, number>> }) => api<Survey>('/surveys', { body });
export const setStatus = (id: string, to: 'open' | 'close') => api<Survey>(`/surveys/${id}/${to}`, { method: 'POST' });
export const invite = (id: string, body: { count: number; channel: 'link' | 'qr'; language: string }) => api<{ items: { token: string; url: string; qrSvg: string | null }[] }>(`/surveys/${id}/invitations`, { body });

export interface Questionnaire {
  title: Localized;
  status: string;
  answered: boolean;
  questions: Question[];
  dimensions: Dimension[];
}
export const useQuestionnaire = (token: string) => useQuery({ queryKey: ['survey-invitation', token], queryFn: ({ signal }) => api<Questionnaire>(`/survey-invitations/${encodeURIComponent(token)}`, { signal }), retry: false });
export const submitAnswers = (token: string, body: { language: string; profile: Record<string, string>; answers: Record<string, unknown> }) =>
  api<{ ok: true }>(`/survey-invitations/${encodeURIComponent(token)}`, { body });
