// The staff workspace's calls: session, the register's lists and cards, and the common
// process's actions (triage, assign, extend, request info, answer, sign, close).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Localized } from '../bodies/api.ts';

// Who is signed in is the whole app's concern (lib/session.ts); the workspace's pages import it from here too.
export { type Me, meQuery, useMe, logout } from '../../lib/session.ts';

export interface AppealListItem {
  id: string;
  number: string;
  bodyId: string;
  channel: string;
  kind: string;
  status: string;
  applicantType: string;
  applicantName: string | null;
  topicCode: string | null;
  unitId: string | null;
  executorId: string | null;
  difficulty: string | null;
  receivedAt: string;
  legalDueAt: string | null;
  targetDueAt: string | null;
  redirectDueAt: string | null;
  excerpt: string;
  overdue: boolean;
  dueSoon: boolean;
  targetMissed: boolean;
}

export interface ListParams {
  status?: string;
  channel?: string;
  kind?: string;
  unitId?: string;
  executorId?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  q?: string;
  topic?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** The queue, page after page (keyset cursor). */
export function useAppealPages(params: ListParams, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['appeals', 'pages', params],
    queryFn: ({ signal, pageParam }) => api<{ items: AppealListItem[]; nextCursor: string | null }>(`/appeals${qs({ limit: 50, ...params, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useAppealList(params: ListParams, enabled = true) {
  return useQuery({
    queryKey: ['appeals', params],
    queryFn: ({ signal }) => api<{ items: AppealListItem[]; nextCursor: string | null }>(`/appeals${qs({ limit: 50, ...params })}`, { signal }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export interface AppealEvent {
  id: string | number;
  type: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  reason: string | null;
  public: boolean;
  data: Record<string, unknown>;
}

export interface AppealCard extends AppealListItem {
  applicantIin: string | null;
  applicantBin: string | null;
  applicantEmail: string | null;
  applicantPhone: string | null;
  preferredAnswer: string;
  language: string;
  text: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  registeredAt: string;
  registeredBy: string | null;
  resolution: string | null;
  satisfaction: number | null;
  redirectedFromId: string | null;
  repeatOfId: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  personalDataMasked: boolean;
  /** The applicant is for the ethics commissioner alone (trust phone, made from one, or marked). */
  confidential: boolean;
  /** null when the applicant is confidential and the reader is not the ethics commissioner. */
  attachments: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: string }> | null;
  events: AppealEvent[];
}

export function useAppealCard(id: string) {
  return useQuery({ queryKey: ['appeal', id], queryFn: ({ signal }) => api<AppealCard>(`/appeals/${encodeURIComponent(id)}`, { signal }), staleTime: 0 });
}

export interface AnswerRow {
  id: string;
  status: string;
  text: string | null;
  resolution: string;
  deliveryMethod: string;
  draftedAt: string | null;
  signedAt: string | null;
}

export function useAnswers(id: string, enabled = true) {
  return useQuery({ queryKey: ['appeal', id, 'answers'], queryFn: ({ signal }) => api<{ items: AnswerRow[] }>(`/appeals/${encodeURIComponent(id)}/answers`, { signal }), enabled, staleTime: 0 });
}

export interface ResolutionDef {
  code: string;
  name: Localized;
  definition: Localized;
  setBy: string;
}

export function useResolutions() {
  return useQuery({ queryKey: ['resolutions'], queryFn: ({ signal }) => api<{ items: ResolutionDef[] }>('/resolutions', { signal }), staleTime: 60 * 60_000, select: (d) => d.items });
}

export interface LinkedAppeal {
  id: string;
  number: string;
  bodyId?: string;
  status?: string;
  receivedAt: string;
  [k: string]: unknown;
}

export function useLinks(id: string) {
  return useQuery({
    queryKey: ['appeal', id, 'links'],
    queryFn: ({ signal }) => api<{ redirectChain: LinkedAppeal[]; repeats: LinkedAppeal[] }>(`/appeals/${encodeURIComponent(id)}/links`, { signal }),
    retry: false,
  });
}

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  unitId: string | null;
}

/** People of my body who may be given an appeal. */
export function useColleagues(enabled = true) {
  return useQuery({
    queryKey: ['staff'],
    queryFn: ({ signal }) => api<{ items: StaffMember[] }>('/staff', { signal }),
    enabled,
    staleTime: 5 * 60_000,
    select: (d) => d.items,
    retry: false,
  });
}

export type ActionName = 'triage' | 'assign' | 'extend' | 'request-info' | 'info-received' | 'answer' | 'sign' | 'close' | 'leave-without-consideration';

export function runAction(id: string, action: ActionName, body?: unknown) {
  return api<Record<string, unknown>>(`/appeals/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: body ?? {} });
}

export interface MonitoringCounts {
  open: number;
  dueSoon: number;
  overdue: number;
  targetMissed: number;
  redirectOverdue: number;
}

export interface MonitoringItem {
  id: string;
  number: string;
  channel: string;
  unitId: string | null;
  executorId: string | null;
  status: string;
  difficulty: string | null;
  extended?: boolean;
  receivedAt: string;
  legalDueAt: string | null;
  targetDueAt: string | null;
  redirectDueAt: string | null;
  redirectedAt?: string;
}

export interface Monitoring {
  bodyId: string;
  date: string;
  at: string;
  dueSoonBefore: string;
  totals: MonitoringCounts & { redirectsToday: number; lateRedirectsToday: number };
  byUnit: Array<MonitoringCounts & { unitId: string | null; unitCode: string | null; name: Localized | null }>;
  byChannel: Array<MonitoringCounts & { channel: string }>;
  dueSoon: MonitoringItem[];
  overdue: MonitoringItem[];
  targetMissed: MonitoringItem[];
  redirectOverdue: MonitoringItem[];
  lateRedirects: MonitoringItem[];
}

export function useMonitoring(date: string | undefined) {
  return useQuery({ queryKey: ['monitoring', date], queryFn: ({ signal }) => api<Monitoring>(`/monitoring${qs({ date, limit: 100 })}`, { signal }), staleTime: 0 });
}

export interface OutboxItem {
  id: string;
  appealId: string | null;
  appealNumber: string | null;
  recipientKind: string;
  template: string;
  channel: string;
  address: string | null;
  language: string;
  status: string;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  sms: string | null;
}

export function useOutbox(params: { status?: string; channel?: string }) {
  return useInfiniteQuery({
    queryKey: ['outbox', params],
    queryFn: ({ signal, pageParam }) => api<{ items: OutboxItem[]; nextCursor: string | null }>(`/outbox${qs({ limit: 25, ...params, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const retryMessage = (id: string) => api<{ id: string; status: string }>(`/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {} });

export interface Letter {
  id: string;
  appealId: string | null;
  appealNumber: string | null;
  addressee: string | null;
  address: string | null;
  language: string;
  subject: string;
  status: string;
  createdAt: string;
  printedAt: string | null;
  postedAt: string | null;
}

/** The communications office's print queue of paper letters. */
export function useLetters(status: string) {
  return useInfiniteQuery({
    queryKey: ['letters', status],
    queryFn: ({ signal, pageParam }) => api<{ items: Letter[]; nextCursor: string | null }>(`/letters${qs({ status, limit: 50, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const markLetter = (id: string, to: 'printed' | 'posted') => api<{ id: string; status: string; at: string }>(`/letters/${encodeURIComponent(id)}/${to}`, { method: 'POST', body: {} });

export interface Preferences {
  channel: 'email' | 'telegram';
  digest: boolean;
  telegramLinked: boolean;
  telegramLinkedAt: string | null;
}

export function usePreferences() {
  return useQuery({ queryKey: ['preferences'], queryFn: ({ signal }) => api<Preferences>('/me/preferences', { signal }) });
}

export const savePreferences = (p: Partial<Pick<Preferences, 'channel' | 'digest'>>) => api<Preferences>('/me/preferences', { method: 'PUT', body: p });
export const staffTelegramLink = () => api<{ url: string; bot: string; expiresAt: string }>('/me/telegram', { method: 'POST', body: {} });
