// The weekly pre-screening of bookings (communications office, head, deputies): a
// question within competence that needs no meeting becomes an ordinary appeal routed to
// the unit, the citizen is told why and the seat is freed; one that needs the head is
// confirmed; another body's question is redirected there.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../auth/index.ts';
import { lockOwnAppeal, moveAppeal } from '../appeals/index.ts';
import { findUnitForTopic, getBody } from '../bodies/index.ts';
import * as repo from './reception.repository.ts';
import { assertRole, REVIEWERS } from './reception.policy.ts';
import { getBookingCard, resolveBookingAppeal } from './bookings.service.ts';

export const REVIEW_DECISIONS = ['confirm', 'solve_without_meeting', 'redirect'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewInput {
  decision: ReviewDecision;
  /** Why: told to the citizen when the question is solved without a meeting or redirected. */
  reason?: string;
  unitId?: string;
  targetBodyId?: string;
}

export async function reviewBooking(ctx: AppContext, staff: Staff, number: string, input: ReviewInput) {
  assertRole(staff, REVIEWERS);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'solve_without_meeting' && !reason) throw new AppError('VALIDATION_FAILED', 'tell the citizen why no meeting is needed', { field: 'reason' });
  if (input.decision === 'redirect' && !input.targetBodyId) throw new AppError('VALIDATION_FAILED', 'targetBodyId is required to redirect', { field: 'targetBodyId' });
  const ref = await resolveBookingAppeal(ctx, number, { staff, roles: REVIEWERS });
  await ctx.db.transaction().execute(async (tx) => {
    const b = await repo.lockCurrentBooking(tx, ref.id);
    if (!b) throw new AppError('BOOKING_NOT_FOUND');
    if (b.status !== 'booked') throw new AppError('INVALID_TRANSITION', `the booking is already ${b.status}`, { status: b.status });
    const appeal = await lockOwnAppeal(tx, staff, ref.id);
    const now = ctx.clock.now();
    const reviewed = { reviewedBy: staff.id, reviewedAt: now, reviewNote: reason };
    if (input.decision === 'confirm') {
      await repo.updateBooking(tx, b.id, { ...reviewed, status: 'confirmed' });
      const event = { type: 'reception.confirmed', actor: staff, reason, public: true, data: { bookingId: b.id, slotId: b.slotId } };
      // Confirmed means the body takes the question into work for the meeting.
      if (appeal.status === 'registered') await moveAppeal(ctx, tx, appeal, 'in_work', event);
      else await ctx.events.record(tx, { appealId: appeal.id, at: now, ...event, actor: { id: staff.id, role: staff.role } });
      return;
    }
    if (input.decision === 'solve_without_meeting') {
      const unitId = await unitFor(ctx, tx, appeal.bodyId, appeal.topicCode, input.unitId);
      await repo.freeSeat(tx, b.slotId);
      await repo.updateBooking(tx, b.id, { ...reviewed, status: 'solved_without_meeting', closedAt: now });
      await moveAppeal(ctx, tx, appeal, 'in_work', { type: 'reception.solved_without_meeting', actor: staff, reason, public: true, data: { bookingId: b.id, slotId: b.slotId, unitId, text: reason } }, { unitId });
      return;
    }
    await redirectBooking(ctx, tx, staff, appeal, b, input.targetBodyId!, reason);
    await repo.updateBooking(tx, b.id, reviewed);
  });
  return getBookingCard(ctx, staff, ref.id);
}

async function unitFor(ctx: AppContext, tx: Tx, bodyId: string, topicCode: string | null, unitId: string | undefined): Promise<string | null> {
  if (!unitId) return findUnitForTopic(ctx, bodyId, topicCode);
  const unit = /^[0-9a-f-]{36}$/i.test(unitId) ? await repo.unitOfBody(tx, bodyId, unitId) : undefined;
  if (!unit) throw new AppError('UNIT_NOT_FOUND', 'the unit must belong to the body', { field: 'unitId' });
  return unit.id;
}

/**
 * Another body's question: the booking ends and its seat is freed, and the appeal is
 * redirected. NOTE: this records the redirect on the appeal (status, target, reason); the
 * linked appeal in the target body is made by the process module's redirect, which this
 * should call once `modules/process/index.ts` exports it.
 */
async function redirectBooking(ctx: AppContext, tx: Tx, staff: Staff, appeal: { id: string; status: string; bodyId: string }, b: { id: string }, targetBodyId: string, reason: string | null) {
  const target = await getBody(ctx, targetBodyId);
  if (target.id === appeal.bodyId) throw new AppError('VALIDATION_FAILED', 'redirect to another body', { field: 'targetBodyId' });
  // The booking ends and its seat is freed by the 'appeal.redirected' subscriber (reception.subscriptions.ts).
  await moveAppeal(
    ctx,
    tx,
    appeal,
    'redirected',
    { type: 'appeal.redirected', actor: staff, reason, public: true, data: { bookingId: b.id, targetBodyId: target.id, targetBodyName: { kk: target.nameKk, ru: target.nameRu, en: target.nameEn } } },
    { resolution: 'redirected' },
  );
}
