// Who may do what with calls. Read it as the rule book:
//   - operators, the communications office, the head and deputies and the ethics
//     commissioner of the body read its calls and the weekly figures;
//   - operators and the communications office act on calls (a consultation, an appeal, a
//     redirect, a callback, the call's language);
//   - a trust-phone call's number is for the ethics commissioner alone: everyone else
//     sees null, no earlier appeals are looked up, and only the ethics commissioner makes
//     anything that carries the caller's identity (an appeal with a name, a callback);
//   - the body's administrator configures lines, blocked numbers and the CTI token.
import type { Role } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';

export const CALL_READERS: readonly Role[] = ['operator', 'comms_officer', 'head', 'deputy', 'ethics_commissioner'];
export const CALL_ACTORS: readonly Role[] = ['operator', 'comms_officer'];
export const CTI_ADMINS: readonly Role[] = ['admin'];

export function assertRole(staff: Staff, roles: readonly Role[]): void {
  if (!roles.includes(staff.role)) throw new AppError('FORBIDDEN');
}

export function seesCallerNumber(staff: Staff, call: { channel: string }): boolean {
  return call.channel !== 'trust_phone' || staff.role === 'ethics_commissioner';
}

/** Acting on a call: operators and the office; on the trust phone the ethics commissioner too. */
export function assertMayAct(staff: Staff, call: { channel: string }): void {
  if (CALL_ACTORS.includes(staff.role)) return;
  if (call.channel === 'trust_phone' && staff.role === 'ethics_commissioner') return;
  throw new AppError('FORBIDDEN');
}

/** Anything that carries a trust-phone caller's identity (a name, a contact, a callback to the number). */
export function assertMayUseIdentity(staff: Staff, call: { channel: string }): void {
  if (call.channel === 'trust_phone' && staff.role !== 'ethics_commissioner') throw new AppError('FORBIDDEN', 'a trust-phone caller’s identity is for the ethics commissioner');
}
