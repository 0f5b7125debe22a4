// Who does what in a public discussion. Read it as the rule book:
//   - anyone reads a published discussion and, once their e-mail or phone is confirmed
//     by a one-time code, comments on it and reports comments;
//   - the developer body's communications officer, administrator and head publish a draft,
//     its revised version, and answer comments; so may its deputy and executors answer;
//   - a moderator of the developer body looks at hidden comments and shows or hides them;
//   - another body's discussion is, for staff actions, a 404 as if it did not exist.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';

export const PUBLISHERS: readonly Role[] = ['comms_officer', 'admin', 'head'];
export const ANSWERERS: readonly Role[] = ['comms_officer', 'admin', 'head', 'deputy', 'executor'];
export const MODERATORS: readonly Role[] = ['moderator', 'admin'];
/** Who is alerted when a discussion turns mostly negative. */
export const OUTREACH_ROLES: readonly Role[] = ['head', 'comms_officer'];

export const ownsDiscussion = (staff: Staff, bodyId: string) => staff.bodyId === bodyId;
