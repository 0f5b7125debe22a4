// Who may move an appeal through the common process. Read it as the rule book:
//   - the communications department, the head and the deputy triage, redirect, assign,
//     leave without consideration and close (there is no separate unit-head role);
//   - a confidential appeal (the trust phone, what was made from it, what the body marked)
//     is triaged, redirected, left without consideration and closed by the ethics
//     commissioner alone (the report may be about the head); the commissioner also assigns,
//     records replies and drafts, as the communications department does for others;
//   - only the head or a deputy extends the term (art. 76), with a written reason;
//   - the assigned executor asks the applicant for more (medium and heavy appeals only);
//   - the assigned executor or the communications department drafts the answer;
//   - the head or a deputy signs it (a body may allow more roles in settings.signerRoles),
//     and signing sends it.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';
import { AppError } from '../../platform/errors.ts';

export type ProcessAction =
  | 'triage'
  | 'assign'
  | 'extend'
  | 'request_info'
  | 'record_info'
  | 'draft_answer'
  | 'sign'
  | 'close'
  | 'leave_without_consideration';

const ROUTERS: readonly Role[] = ['comms_officer', 'head', 'deputy'];
const HEADS: readonly Role[] = ['head', 'deputy'];

/** Roles that may be given an appeal to work on. */
export const EXECUTOR_ROLES: readonly Role[] = ['executor', 'comms_officer', 'head', 'deputy'];

export interface AppealForPolicy {
  confidential: boolean;
  executorId: string | null;
}

export interface BodyForPolicy {
  settings: unknown;
}

const ETHICS: readonly Role[] = ['ethics_commissioner'];

/** Who decides what becomes of the appeal: triage (and so redirect), leaving without consideration, closing. */
function deciders(appeal: AppealForPolicy): readonly Role[] {
  return appeal.confidential ? ETHICS : ROUTERS;
}

/** Who organises the work: assigning and recording a reply that came by phone or paper. */
function routers(appeal: AppealForPolicy): readonly Role[] {
  return appeal.confidential ? [...ROUTERS, 'ethics_commissioner'] : ROUTERS;
}

/** Besides the assigned executor, the communications department may write the answer. */
function drafters(appeal: AppealForPolicy): readonly Role[] {
  return appeal.confidential ? ['comms_officer', 'ethics_commissioner'] : ['comms_officer'];
}

const isAssignedExecutor = (staff: Staff, appeal: AppealForPolicy) => appeal.executorId === staff.id;

/** The roles of a body allowed to sign answers: head and deputy, plus what the body adds. */
export function signerRoles(body: BodyForPolicy): readonly Role[] {
  const extra = (body.settings as { signerRoles?: unknown } | null)?.signerRoles;
  return Array.isArray(extra) ? [...HEADS, ...(extra.filter((r) => typeof r === 'string') as Role[])] : HEADS;
}

export function may(staff: Staff, action: ProcessAction, appeal: AppealForPolicy, body?: BodyForPolicy): boolean {
  switch (action) {
    case 'triage':
    case 'close':
    case 'leave_without_consideration':
      return deciders(appeal).includes(staff.role);
    case 'assign':
      return routers(appeal).includes(staff.role);
    case 'extend':
      return HEADS.includes(staff.role);
    case 'request_info':
      return isAssignedExecutor(staff, appeal);
    case 'record_info':
      return isAssignedExecutor(staff, appeal) || routers(appeal).includes(staff.role);
    case 'draft_answer':
      return isAssignedExecutor(staff, appeal) || drafters(appeal).includes(staff.role);
    case 'sign':
      return signerRoles(body ?? { settings: {} }).includes(staff.role);
  }
}

export function assertMay(staff: Staff, action: ProcessAction, appeal: AppealForPolicy, body?: BodyForPolicy): void {
  if (!may(staff, action, appeal, body)) throw new AppError('FORBIDDEN', `${staff.role} may not ${action}`, { action });
}
