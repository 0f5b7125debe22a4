// The register's lifecycle in Open311's words. The standard knows `open` and `closed`;
// FixMyStreet's extended statuses say more, and are given with `extensions=true` and in
// `servicerequestupdates`.
import { OPEN_STATUSES } from '@tyndau/contracts';

export type ExtendedStatus =
  | 'OPEN'
  | 'INVESTIGATING'
  | 'IN_PROGRESS'
  | 'ACTION_SCHEDULED'
  | 'FIXED'
  | 'CLOSED'
  | 'NO_FURTHER_ACTION'
  | 'NOT_COUNCILS_RESPONSIBILITY'
  | 'INTERNAL_REFERRAL'
  | 'DUPLICATE';

export function standardStatus(status: string): 'open' | 'closed' {
  return (OPEN_STATUSES as readonly string[]).includes(status) ? 'open' : 'closed';
}

export interface StatusFacts {
  status: string;
  resolution: string | null;
  executorId: string | null;
  duplicate: boolean;
  /** redirected within the same parent hierarchy is an internal referral; elsewhere not ours */
  redirectedInternally?: boolean;
}

export function extendedStatus(a: StatusFacts): ExtendedStatus {
  if (a.duplicate) return 'DUPLICATE';
  switch (a.status) {
    case 'registered':
      return 'OPEN';
    case 'in_work':
      // An executor named: the work is scheduled with someone.
      return a.executorId ? 'ACTION_SCHEDULED' : 'IN_PROGRESS';
    case 'awaiting_applicant':
      return 'INVESTIGATING';
    case 'redirected':
      return a.redirectedInternally ? 'INTERNAL_REFERRAL' : 'NOT_COUNCILS_RESPONSIBILITY';
    case 'left_without_consideration':
      return 'NO_FURTHER_ACTION';
    default:
      // answered / closed: by the resolution
      return a.resolution === 'resolved' ? 'FIXED' : a.resolution === 'refused' ? 'NO_FURTHER_ACTION' : 'CLOSED';
  }
}
