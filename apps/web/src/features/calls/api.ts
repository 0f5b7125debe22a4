// The contact line's calls (the telephony module's API): the live list, one call with the
// caller's history, what the operator makes of it (consultation, appeal, redirect,
// callback), the line's monitoring and the administrator's CTI settings.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import { useDocumentVisible } from '../../lib/visibility.ts';

export interface CallAppeal {
  id: string;
  number: string;
  kind: string;
  status: string;
}

export interface EarlierAppeal extends CallAppeal {
  receivedAt: string;
  topicCode: string | null;
}

export interface CallbackAttempt {
  at: string;
  outcome: string;
  note: string | null;
}

export interface Call {
  id: string;
  callId: string;
  lineNumber: string;
  channel: string;
  direction: string;
  callerNumber: string | null;
  state: 'ringing' | 'answered' | 'missed' | 'ended';
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  cause: string | null;
  agent: string | null;
  queue: string | null;
  language: string | null;
  signLanguage: boolean;
  appeals: CallAppeal[];
  earlierAppeals: EarlierAppeal[];
  callback: { dueAt: string; attempts: CallbackAttempt[]; done: boolean } | null;
}

const POLL_MS = 2500;

/** The body's calls, polled every 2.5 s while the tab is shown (paused while hidden). */
export function useLiveCalls(params: { state?: string; limit?: number }) {
  const visible = useDocumentVisible();
  return useQuery({
    queryKey: ['calls', 'live', params],
    queryFn: ({ signal }) => api<{ items: Call[]; nextCursor: string | null }>(`/calls${qs({ limit: 50, ...params })}`, { signal }),
    refetchInterval: visible ? POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}

export function useCall(id: string | undefined) {
  const visible = useDocumentVisible();
  return useQuery({
    queryKey: ['calls', 'one', id],
    queryFn: ({ signal }) => api<Call>(`/calls/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    refetchInterval: visible ? POLL_MS : false,
  });
}

export const patchCall = (id: string, p: { language?: string; signLanguage?: boolean }) => api<Call>(`/calls/${encodeURIComponent(id)}`, { method: 'PATCH', body: p });

export interface Applicant {
  type: 'individual' | 'legal' | 'anonymous';
  name?: string;
  iin?: string;
  bin?: string;
  email?: string;
  phone?: string;
}

// Each form sends one Idempotency-Key for all its tries: a retry after a lost answer
// returns the appeal already registered instead of a second one.
const once = (key: string) => ({ 'idempotency-key': key });
/** A fresh key (randomUUID exists only in secure contexts: HTTPS or this machine). */
export const newIdempotencyKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
export const consult = (id: string, key: string, b: { text: string; topicCode?: string; language?: string; applicant?: Applicant }) =>
  api<{ appeal: { id: string; number: string } }>(`/calls/${encodeURIComponent(id)}/consultation`, { body: b, headers: once(key) });
export const registerFromCall = (id: string, key: string, b: { kind: string; text: string; topicCode?: string; language?: string; applicant: Applicant; preferredAnswer: string; address?: string }) =>
  api<{ appeal: { id: string; number: string; accessCode: string } }>(`/calls/${encodeURIComponent(id)}/appeal`, { body: b, headers: once(key) });
export const redirectFromCall = (id: string, key: string, b: { bodyId: string; kind: string; text: string; topicCode?: string; applicant: Applicant; preferredAnswer: string; reason: string }) =>
  api<{ appeal: { id: string; number: string }; redirectedTo?: { bodyId: string; appealId: string; number: string } }>(`/calls/${encodeURIComponent(id)}/redirect`, { body: b, headers: once(key) });
export const scheduleCallback = (id: string, b: { dueAt: string; note?: string }) => api<unknown>(`/calls/${encodeURIComponent(id)}/callback`, { body: b });
export const recordAttempt = (id: string, b: { outcome: string; note?: string }) => api<unknown>(`/calls/${encodeURIComponent(id)}/callback/attempts`, { body: b });

export function useCallbacks() {
  const visible = useDocumentVisible();
  return useQuery({
    queryKey: ['calls', 'callbacks'],
    queryFn: ({ signal }) => api<{ items: Call[] }>('/calls/callbacks?done=false', { signal }),
    refetchInterval: visible ? 10_000 : false,
  });
}

export interface CallStatsRow {
  key: string | null;
  calls: number;
  answered: number;
  missed: number;
  abandoned: number;
  avgWaitSeconds: number | null;
  avgTalkSeconds: number | null;
  firstCallResolutionRate: number | null;
  callbacksDone: number;
  consultations: number;
  appeals: number;
}

export function useCallStats(p: { from?: string; to?: string; groupBy: string }) {
  return useQuery({
    queryKey: ['calls', 'stats', p],
    queryFn: ({ signal }) => api<{ groupBy: string; from: string; to: string; rows: CallStatsRow[]; total: CallStatsRow }>(`/calls/stats${qs(p)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CtiLine {
  id: string;
  number: string;
  channel: string;
  language: string | null;
}
export interface CtiBlock {
  id: string;
  number: string;
}

export const useCtiLines = () => useQuery({ queryKey: ['cti', 'lines'], queryFn: ({ signal }) => api<{ items: CtiLine[] }>('/cti/lines', { signal }) });
export const useCtiBlocks = () => useQuery({ queryKey: ['cti', 'blocks'], queryFn: ({ signal }) => api<{ items: CtiBlock[] }>('/cti/blocks', { signal }) });
export const useCtiToken = () => useQuery({ queryKey: ['cti', 'token'], queryFn: ({ signal }) => api<{ token: string; url?: string }>('/cti/token', { signal }) });
export const addLine = (b: { number: string; channel: string; language?: string }) => api<CtiLine>('/cti/lines', { body: b });
export const removeLine = (id: string) => api<unknown>(`/cti/lines/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const addBlock = (b: { number: string }) => api<CtiBlock>('/cti/blocks', { body: b });
export const removeBlock = (id: string) => api<unknown>(`/cti/blocks/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const rotateToken = () => api<{ token: string }>('/cti/token/rotate', { method: 'POST', body: {} });
