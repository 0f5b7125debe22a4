// The meeting itself: the official (or the office for them) records who came, the
// questions raised, what was decided and the follow-up tasks, each of which enters the
// register as an appeal of its own with its statutory term. A no-show is recorded too.
import { RESOLUTIONS } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Staff } from '../auth/index.ts';
import { lockOwnAppeal, moveAppeal, registerAppeal } from '../appeals/index.ts';
import { assertTopicExists, findUnitForTopic } from '../bodies/index.ts';
import * as repo from './reception.repository.ts';
import { canRecordOutcome } from './reception.policy.ts';
import { getBookingCard, lockActiveBooking, resolveBookingAppeal } from './bookings.service.ts';

/** What a meeting can end in, by the unified resolution criteria. */
export const MEETING_RESOLUTIONS = ['resolved', 'explained', 'refused'] as const satisfies readonly (typeof RESOLUTIONS)[number][];

export interface FollowUpInput {
  text: string;
  topicCode?: string;
  unitId?: string;
}

export interface OutcomeInput {
  attended: boolean;
  /** Who came: the applicant and anyone with them. */
  attendees?: string[];
  topics?: string[];
  decision?: string;
  resolution?: (typeof MEETING_RESOLUTIONS)[number];
  followUps?: FollowUpInput[];
  note?: string;
}

export async function recordOutcome(ctx: AppContext, staff: Staff, number: string, input: OutcomeInput) {
  const ref = await resolveBookingAppeal(ctx, number, { staff, roles: ['head', 'deputy', 'comms_officer', 'admin'] });
  const topics = [...new Set(input.topics ?? [])];
  const decision = input.decision?.trim() ?? '';
  if (input.attended) {
    if (decision.length < 3) throw new AppError('VALIDATION_FAILED', 'write what was decided', { field: 'decision' });
    if (!input.resolution) throw new AppError('VALIDATION_FAILED', 'the resolution is required', { field: 'resolution' });
    for (const t of topics) await assertTopicExists(ctx, t);
    for (const f of input.followUps ?? []) if (f.topicCode) await assertTopicExists(ctx, f.topicCode);
  } else if (input.followUps?.length) {
    throw new AppError('VALIDATION_FAILED', 'follow-ups come from a meeting that took place', { field: 'followUps' });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const b = await lockActiveBooking(tx, ref.id);
    const slot = await repo.findSlot(tx, b.slotId);
    if (!slot || !canRecordOutcome(staff, slot)) throw new AppError('FORBIDDEN', 'the official of this reception, or the office for them, records it');
    const now = ctx.clock.now();
    if (now < slot.startsAt) throw new AppError('MEETING_NOT_STARTED', 'the meeting has not begun yet', { startsAt: slot.startsAt.toISOString() });
    const appeal = await lockOwnAppeal(tx, staff, ref.id);
    const recorded = { outcomeBy: staff.id, outcomeAt: now, closedAt: now };
    if (!input.attended) {
      await repo.updateBooking(tx, b.id, { ...recorded, status: 'no_show' });
      await moveAppeal(
        ctx,
        tx,
        appeal,
        'left_without_consideration',
        { type: 'reception.no_show', actor: staff, reason: input.note?.trim() || 'the applicant did not come to the reception', public: true, data: { bookingId: b.id, slotId: b.slotId } },
        { resolution: 'left_without_consideration' },
      );
      return;
    }
    const followUps = [];
    for (const f of input.followUps ?? []) followUps.push(await registerFollowUp(ctx, tx, staff, appeal, b.id, f));
    await repo.updateBooking(tx, b.id, { ...recorded, status: 'attended', attendees: (input.attendees ?? []).map((a) => a.trim()).filter(Boolean), topics, decision });
    await moveAppeal(
      ctx,
      tx,
      appeal,
      'answered',
      {
        type: 'reception.held',
        actor: staff,
        public: true,
        data: { bookingId: b.id, slotId: b.slotId, attendees: input.attendees?.length ?? 1, topics, resolution: input.resolution, text: decision, followUps: followUps.map((f) => f.number) },
      },
      { answeredAt: now, resolution: input.resolution },
    );
  });
  return getBookingCard(ctx, staff, ref.id);
}

type ParentAppeal = Awaited<ReturnType<typeof lockOwnAppeal>>;

/** A follow-up task: a new appeal of the same applicant, taken into work by the unit at once. */
async function registerFollowUp(ctx: AppContext, tx: Transaction<Database>, staff: Staff, parent: ParentAppeal, bookingId: string, f: FollowUpInput) {
  let unitId: string | null;
  if (f.unitId) {
    const unit = /^[0-9a-f-]{36}$/i.test(f.unitId) ? await repo.unitOfBody(tx, parent.bodyId, f.unitId) : undefined;
    if (!unit) throw new AppError('UNIT_NOT_FOUND', 'the unit must belong to the body', { field: 'followUps/unitId' });
    unitId = unit.id;
  } else {
    unitId = await findUnitForTopic(ctx, parent.bodyId, f.topicCode ?? parent.topicCode);
  }
  const registered = await registerAppeal(
    ctx,
    {
      bodyId: parent.bodyId,
      kind: 'application',
      text: f.text,
      topicCode: f.topicCode ?? parent.topicCode ?? undefined,
      language: parent.language as 'kk' | 'ru' | 'en',
      applicant: {
        type: parent.applicantType as 'individual' | 'legal',
        name: parent.applicantName ?? undefined,
        iin: parent.applicantIin ?? undefined,
        bin: parent.applicantBin ?? undefined,
        email: parent.applicantEmail ?? undefined,
        phone: parent.applicantPhone ?? undefined,
      },
      preferredAnswer: parent.preferredAnswer as 'email' | 'sms' | 'portal' | 'paper',
      address: parent.address ?? undefined,
      channel: 'personal_reception',
    },
    { tx, staff },
  );
  await repo.insertFollowUp(tx, bookingId, registered.id);
  await moveAppeal(
    ctx,
    tx,
    { id: registered.id, status: registered.status },
    'in_work',
    { type: 'reception.follow_up_assigned', actor: staff, public: true, data: { followUpOf: parent.number, bookingId, unitId } },
    { unitId },
  );
  return registered;
}
