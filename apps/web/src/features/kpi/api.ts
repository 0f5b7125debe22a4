// The KPI API's hooks: the table (filtered, grouped), league, channel overlap, surges and
// the public statistics. The KPI definitions themselves come from @tyndau/contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { KpiCode, KpiSums } from '@tyndau/contracts';
import { api, qs } from '../../lib/api.ts';
import type { Localized } from '../bodies/api.ts';

export type KpiValues = Record<KpiCode, number | null>;

export interface KpiFilters {
  from?: string;
  to?: string;
  bodyId?: string;
  subordinates?: boolean;
  districtId?: string;
  channel?: string;
  topic?: string;
}

export interface KpiGroupRow {
  key: string | null;
  label: Localized | null;
  sums: KpiSums;
  kpis: KpiValues;
  rank?: number;
}

export interface KpiTable {
  from: string;
  to: string;
  groupBy: string | null;
  bodyIds: string[] | null;
  totals: { sums: KpiSums; kpis: KpiValues };
  groups: KpiGroupRow[];
}

export function useKpi(f: KpiFilters, groupBy?: string) {
  return useQuery({
    queryKey: ['kpi', f, groupBy],
    queryFn: ({ signal }) => api<KpiTable>(`/kpi${qs({ ...f, groupBy })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKpiLeague(f: KpiFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['kpi', 'league', f],
    queryFn: ({ signal }) => api<KpiTable>(`/kpi/league${qs({ ...f })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface OverlapReport {
  from: string;
  to: string;
  windowDays: number;
  received: number;
  overlapping: number;
  share: number | null;
  pairs: { channels: [string, string]; appeals: number }[];
}

export function useKpiOverlap(f: KpiFilters) {
  return useQuery({
    queryKey: ['kpi', 'overlap', f],
    queryFn: ({ signal }) => api<OverlapReport>(`/kpi/overlap${qs({ ...f })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface Surge {
  id: string;
  bodyId: string;
  districtId: string | null;
  topicCode: string;
  topic: Localized | null;
  day: string;
  count: number;
  baseline: number;
  pValue: number;
  appeals: { bodyId: string | null; topic: string; from: string; to: string };
}

export function useKpiSurges(f: KpiFilters) {
  return useQuery({
    queryKey: ['kpi', 'surges', f],
    queryFn: ({ signal }) => api<{ items: Surge[] }>(`/kpi/surges${qs({ ...f })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface PublicStats {
  from: string;
  to: string;
  groupBy: string | null;
  totals: KpiValues;
  groups: { key: string | null; label: Localized | null; kpis: KpiValues }[];
}

export function usePublicStats(f: { from?: string; to?: string; groupBy?: string; bodyId?: string }) {
  return useQuery({
    queryKey: ['kpi', 'public', f],
    queryFn: ({ signal }) => api<PublicStats>(`/kpi/public${qs(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Where a report of the filter is downloaded (the browser follows the link with the session cookie). */
export const reportUrl = (format: 'pdf' | 'xlsx', f: KpiFilters, language: string) => `/api/v1/kpi/report.${format}${qs({ from: f.from, to: f.to, bodyId: f.bodyId, language })}`;
