// Who may do what at the in-person channels. Read it as the rule book: the
// communications office drafts schedules and the head approves them; operators and the
// office book for citizens and keep the desk log; the communications office, head and
// deputies pre-screen bookings; the official (or the office for them) records the
// meeting; analyst and oversight read every body's statistics.
import type { Role } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';

export const OFFICIAL_ROLES: readonly Role[] = ['head', 'deputy'];
export const SCHEDULE_DRAFTERS: readonly Role[] = ['comms_officer', 'admin'];
export const SCHEDULE_APPROVERS: readonly Role[] = ['head'];
export const SCHEDULE_READERS: readonly Role[] = ['admin', 'comms_officer', 'head', 'deputy', 'operator'];
/** Book, cancel or move a booking on a citizen's behalf (phone, front office, public reception). */
export const BOOKING_STAFF: readonly Role[] = ['operator', 'comms_officer', 'admin'];
export const BOOKING_READERS: readonly Role[] = ['admin', 'comms_officer', 'head', 'deputy', 'operator'];
export const REVIEWERS: readonly Role[] = ['comms_officer', 'head', 'deputy'];
/** Besides the slot's own official, who may write the meeting's record. */
export const OUTCOME_CLERKS: readonly Role[] = ['comms_officer', 'admin'];
export const DESK_STAFF: readonly Role[] = ['operator', 'comms_officer', 'admin'];
export const DESK_READERS: readonly Role[] = ['operator', 'comms_officer', 'admin', 'head', 'deputy'];
export const DESK_SETTERS: readonly Role[] = ['comms_officer', 'admin'];
export const STATS_READERS: readonly Role[] = ['admin', 'comms_officer', 'head', 'deputy'];
export const CROSS_BODY_STATS_READERS: readonly Role[] = ['analyst', 'oversight'];

export function assertRole(staff: Staff, roles: readonly Role[]): void {
  if (!roles.includes(staff.role)) throw new AppError('FORBIDDEN');
}

export function canRecordOutcome(staff: Staff, slot: { officialId: string; bodyId: string }): boolean {
  if (staff.bodyId !== slot.bodyId) return false;
  return staff.id === slot.officialId || OUTCOME_CLERKS.includes(staff.role);
}

/** The bodies whose statistics a staff member reads: their own, or any for analyst and oversight. */
export function statsBodyFilter(staff: Staff, bodyId: string | undefined): string | undefined {
  if (CROSS_BODY_STATS_READERS.includes(staff.role)) return bodyId;
  assertRole(staff, STATS_READERS);
  if (bodyId && bodyId !== staff.bodyId) throw new AppError('FORBIDDEN');
  return staff.bodyId;
}
