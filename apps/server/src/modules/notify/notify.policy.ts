// Who may see and do what with messages: a body's administrator reads its outbox (every
// message, rendered, with full addresses) and may send a failed or held one again; the
// communications office works the print queue (the ethics commissioner prints the
// letters to confidential applicants, and only those); every staff member sets their own channel.
import type { Role } from '@tyndau/contracts';

export const OUTBOX_ROLES: readonly Role[] = ['admin'];
export const PRINT_ROLES: readonly Role[] = ['comms_officer', 'admin', 'ethics_commissioner'];

/**
 * The print queue splits by confidentiality: letters to a confidential applicant (a
 * trust-phone caller, …) are printed by the ethics commissioner, who sees no other letters;
 * the communications office and the administrator never see those.
 */
export function printsConfidential(role: Role): boolean {
  return role === 'ethics_commissioner';
}
/** Statuses an administrator may put back in the queue. */
export const RETRYABLE_STATUSES: readonly string[] = ['failed', 'held'];
