// The city app's calls: map cells, the tiles' address, city objects (QR posters) and the
// applicant's verdict on a fix.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../lib/api.ts';

export type MapColour = 'new' | 'in_work' | 'solved' | 'not_solved';
export const MAP_COLOURS: readonly MapColour[] = ['new', 'in_work', 'solved', 'not_solved'];

export interface MapCell {
  lat: number;
  lon: number;
  total: number;
  new: number;
  inWork: number;
  solved: number;
  notSolved: number;
  colour: MapColour;
}

export interface MapView {
  /** west,south,east,north */
  bbox: string;
  zoom: number;
}

export interface MapFilters {
  topic?: string;
  status?: string;
  from?: string;
  to?: string;
}

export function useMapPoints(view: MapView, filters: MapFilters) {
  return useQuery({
    queryKey: ['map', view, filters],
    queryFn: ({ signal }) => api<{ cell: number; truncated: boolean; total: number; cells: MapCell[] }>(`/map/points${qs({ ...view, ...filters })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMapConfig() {
  return useQuery({ queryKey: ['map', 'config'], queryFn: () => api<{ tilesUrl: string; attribution: string; portalUrl: string }>('/map/config'), staleTime: Infinity });
}

export interface CityObject {
  code: string;
  name: string;
  address: string | null;
  location: { lat: number; lon: number } | null;
  topicCode: string | null;
  body: { id: string; code: string; name: { kk: string; ru: string; en: string } };
  createdAt: string;
}

export function useCityObject(code: string | undefined) {
  return useQuery({
    queryKey: ['city-object', code],
    queryFn: ({ signal }) => api<CityObject>(`/city-objects/${encodeURIComponent(code!)}`, { signal }),
    enabled: !!code,
    retry: (n, err) => !(err instanceof ApiError) && n < 2,
  });
}

export function useCityObjects() {
  return useQuery({ queryKey: ['city-objects'], queryFn: ({ signal }) => api<{ items: CityObject[]; nextCursor: string | null }>('/city-objects?limit=200', { signal }) });
}

export interface CityObjectInput {
  code: string;
  name: string;
  address?: string | null;
  location?: { lat: number; lon: number } | null;
  topicCode?: string | null;
}

export function useCreateCityObject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CityObjectInput) => api<CityObject>('/city-objects', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['city-objects'] }),
  });
}

export function useRemoveCityObject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<void>(`/city-objects/${encodeURIComponent(code)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['city-objects'] }),
  });
}

export const qrSvgUrl = (code: string, lang: string) => `/api/v1/city-objects/${encodeURIComponent(code)}/qr.svg?lang=${lang}`;

export interface FixState {
  number: string;
  asked: boolean;
  until: string | null;
  canGive: boolean;
  verdict: { verdict: 'confirmed' | 'refuted'; at: string } | null;
}

export function useFixState(number: string, code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['fix', number, code],
    queryFn: ({ signal }) => api<FixState>(`/track/${encodeURIComponent(number)}/fix${qs({ code })}`, { signal }),
    enabled,
  });
}

export function useGiveFixVerdict(number: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; verdict: 'confirmed' | 'refuted'; comment?: string }) =>
      api<{ number: string; verdict: string; complaint: { number: string; accessCode: string } | null }>(`/track/${encodeURIComponent(number)}/fix`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['fix', number] }),
  });
}
