// The weekly pre-screening of bookings (communications office, head, deputies): a
// question within competence that needs no meeting becomes an ordinary appeal routed to
// the unit, the citizen is told why and the seat is freed; one that needs the head is
// confirmed; another body's question is redirected there by the process module (a linked
// appeal in that body's register; the seat is freed by the 'appeal.redirected' subscriber).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { lockOwnAppeal, moveAppeal } from '../appeals/index.ts';
import { findUnitForTopic } from '../bodies/index.ts';
import { redirectInTransaction } from '../process/index.ts';
import * as repo from './reception.repository.ts';
import { assertRole, REVIEWERS } from './reception.policy.ts';
import { getBookingCard, resolveBookingAppeal } from './bookings.service.ts';
import { isUuid } from '../../platform/ids.ts';

export const REVIEW_DECISIONS = ['confirm', 'solve_without_meeting', 'redirect'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewInput {
  decision: ReviewDecision;
  /** Why: told to the citizen when the question is solved without a meeting or redirected. */
  reason?: string;
  unitId?: string;
  targetBodyId?: string;
  /** The topic, when the review corrects it (redirect). */
  topicCode?: string;
}

export async function reviewBooking(ctx: AppContext, staff: Staff, number: string, input: ReviewInput) {
  assertRole(staff, REVIEWERS);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'solve_without_meeting' && !reason) throw new AppError('VALIDATION_FAILED', 'tell the citizen why no meeting is needed', { field: 'reason' });
  if (input.decision === 'redirect' && !input.targetBodyId) throw new AppError('VALIDATION_FAILED', 'targetBodyId is required to redirect', { field: 'targetBodyId' });
  const ref = await resolveBookingAppeal(ctx, number, { staff, roles: REVIEWERS });
  // Reads that need no lock happen before the transaction, so it holds one connection only.
  const unitId = input.decision === 'solve_without_meeting' ? await unitFor(ctx, ref.bodyId, ref.id, input.unitId) : null;
  await ctx.db.transaction().execute(async (tx) => {
    // The appeal first, then its booking: the order every change to a booked appeal takes.
    const appeal = await lockOwnAppeal(tx, staff, ref.id);
    const b = await repo.lockCurrentBooking(tx, ref.id);
    if (!b) throw new AppError('BOOKING_NOT_FOUND');
    if (b.status !== 'booked') throw new AppError('INVALID_TRANSITION', `the booking is already ${b.status}`, { status: b.status });
    const now = ctx.clock.now();
    const reviewed = { reviewedBy: staff.id, reviewedAt: now, reviewNote: reason };
    if (input.decision === 'redirect') {
      // A confidential appeal is redirected by the ethics commissioner alone (through triage).
      if (appeal.confidential) throw new AppError('FORBIDDEN', 'a confidential appeal is redirected by the ethics commissioner', { action: 'triage' });
      await redirectInTransaction(ctx, tx, staff, ref.id, { targetBodyId: input.targetBodyId!, topicCode: input.topicCode, reason });
      await repo.updateBooking(tx, b.id, reviewed);
      return;
    }
    if (input.decision === 'confirm') {
      await repo.updateBooking(tx, b.id, { ...reviewed, status: 'confirmed' });
      const event = { type: 'reception.confirmed', actor: staff, reason, public: true, data: { bookingId: b.id, slotId: b.slotId } };
      // Confirmed means the body takes the question into work for the meeting.
      if (appeal.status === 'registered') await moveAppeal(ctx, tx, appeal, 'in_work', event);
      else await ctx.events.record(tx, { appealId: appeal.id, at: now, ...event, actor: { id: staff.id, role: staff.role } });
      return;
    }
    await repo.freeSeat(tx, b.slotId);
    await repo.updateBooking(tx, b.id, { ...reviewed, status: 'solved_without_meeting', closedAt: now });
    await moveAppeal(ctx, tx, appeal, 'in_work', { type: 'reception.solved_without_meeting', actor: staff, reason, public: true, data: { bookingId: b.id, slotId: b.slotId, unitId, text: reason } }, { unitId });
  });
  return getBookingCard(ctx, staff, ref.id);
}

/** The unit named by the reviewer (of this body), else the one that handles the appeal's topic. */
async function unitFor(ctx: AppContext, bodyId: string, appealId: string, unitId: string | undefined): Promise<string | null> {
  if (!unitId) {
    const appeal = await ctx.db.selectFrom('appeal').select('topicCode').where('id', '=', appealId).executeTakeFirstOrThrow();
    return findUnitForTopic(ctx, bodyId, appeal.topicCode);
  }
  const unit = isUuid(unitId) ? await repo.unitOfBody(ctx.db, bodyId, unitId) : undefined;
  if (!unit) throw new AppError('UNIT_NOT_FOUND', 'the unit must belong to the body', { field: 'unitId' });
  return unit.id;
}
