// The appeal's lifecycle as an explicit state machine. Services ask `canMove` before
// acting and `assertMove` refuses anything else with INVALID_TRANSITION.
import type { AppealStatus } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';

export const TRANSITIONS: Record<AppealStatus, readonly AppealStatus[]> = {
  registered: ['in_work', 'redirected', 'answered', 'left_without_consideration'],
  in_work: ['awaiting_applicant', 'answered', 'redirected', 'left_without_consideration'],
  awaiting_applicant: ['in_work', 'left_without_consideration'],
  answered: ['closed'],
  redirected: [],
  left_without_consideration: ['closed'],
  closed: [],
};

export function canMove(from: string, to: AppealStatus): boolean {
  return (TRANSITIONS[from as AppealStatus] ?? []).includes(to);
}

export function assertMove(from: string, to: AppealStatus): void {
  if (!canMove(from, to)) throw new AppError('INVALID_TRANSITION', `cannot move an appeal from ${from} to ${to}`, { from, to });
}
