// Who may see and do what with messages: a body's administrator reads its outbox (every
// message, rendered, with full addresses) and may send a failed or held one again; the
// communications office works the print queue; every staff member sets their own channel.
import type { Role } from '@tyndau/contracts';

export const OUTBOX_ROLES: readonly Role[] = ['admin'];
export const PRINT_ROLES: readonly Role[] = ['comms_officer', 'admin'];
/** Statuses an administrator may put back in the queue. */
export const RETRYABLE_STATUSES: readonly string[] = ['failed', 'held'];
