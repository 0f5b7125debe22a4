// Who may do what with public questions. Everything is within the staff member's own body.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';

/** Decide publication: the moderator (Q&A), the communications department and the administrator; the head too for questions to the head. */
export function mayModerate(staff: Staff, channel: string): boolean {
  const roles: Role[] = ['moderator', 'comms_officer', 'admin'];
  if (channel === 'head_blog') roles.push('head');
  return roles.includes(staff.role);
}

/** Read the daily figures. */
export const MONITORING_ROLES: readonly Role[] = ['moderator', 'comms_officer', 'admin', 'head', 'deputy', 'analyst'];
