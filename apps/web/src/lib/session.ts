// The signed-in staff member: the router checks it before a staff page, the workspace and
// the account pages read it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from './api.ts';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: string;
  bodyId: string;
  unitId: string | null;
  language: string;
}

/** The signed-in staff member, or null (no session). The router checks it before a staff page. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return (await api<{ staff: Me }>('/me', { signal })).staff;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export const logout = () => api<void>('/auth/logout', { method: 'POST' });
