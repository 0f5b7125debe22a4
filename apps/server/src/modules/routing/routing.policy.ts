// Who uses routing. Read it as the rule book:
//   - any staff member may ask for a suggestion for a text (operators registering, officers
//     triaging); a suggestion carries no personal data;
//   - the suggestion on an appeal's card follows the card: another body's appeal is a 404
//     (appeals.getReadableAppeal); it is recorded only for the body's own newly registered
//     appeal, where a decision will follow;
//   - the acceptance rate of a body is read by those who answer for its routing;
//   - groups of near-identical appeals (bulk answers) are for those who may write answers
//     for the body as a whole; confidential appeals are never grouped (each is the ethics
//     commissioner's alone).
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';
import { AppError } from '../../platform/errors.ts';

export const ACCEPTANCE_READERS: readonly Role[] = ['head', 'deputy', 'comms_officer', 'admin', 'analyst'];
export const GROUP_ANSWERERS: readonly Role[] = ['comms_officer', 'head', 'deputy'];

export function assertRole(staff: Staff, roles: readonly Role[]): void {
  if (!roles.includes(staff.role)) throw new AppError('FORBIDDEN', `${staff.role} may not do this`);
}
