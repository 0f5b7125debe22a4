// Who may do what with the exchange. Read it as the rule book:
//   - the national systems reach Tyndau only with a right signature (no staff session);
//   - a body's administrator sees its exchange queue and reconciliation, runs a
//     reconciliation and chooses whether its own appeals are registered in E-Otinish;
//   - the communications office, the head and deputies and the administrator see the
//     duplicates flagged in their body (texts of appeals: people who work appeals) and
//     dismiss a false one. Everything is the staff member's own body only; confidential
//     (trust-phone) appeals are never flagged, listed or sent out.
import type { Role } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';

export const EXCHANGE_ADMINS: readonly Role[] = ['admin'];
export const DUPLICATE_READERS: readonly Role[] = ['admin', 'comms_officer', 'head', 'deputy'];

export function assertExchangeAdmin(staff: Staff): void {
  if (!EXCHANGE_ADMINS.includes(staff.role)) throw new AppError('FORBIDDEN');
}

export function assertMayReadDuplicates(staff: Staff): void {
  if (!DUPLICATE_READERS.includes(staff.role)) throw new AppError('FORBIDDEN');
}
