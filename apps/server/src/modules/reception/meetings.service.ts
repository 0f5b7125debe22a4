// The meeting itself: the official (or the office for them) records who came, the
// questions raised, what was decided and the follow-up tasks, each of which enters the
// register as an appeal of its own (linked to the booking's appeal) with its statutory
// term, taken into work by the unit at once. A no-show is recorded too.
import type { Transaction } from 'kysely';
import { RESOLUTIONS } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { getReadableAppeal, lockOwnAppeal, moveAppeal, registerLinkedAppeal } from '../appeals/index.ts';
import { assertTopicExists, findUnitForTopic } from '../bodies/index.ts';
import * as repo from './reception.repository.ts';
import { canRecordOutcome } from './reception.policy.ts';
import { getBookingCard, lockActiveBooking, resolveBookingAppeal } from './bookings.service.ts';
import { isUuid } from '../../platform/ids.ts';

/** What a meeting can end in, by the unified resolution criteria. */
export const MEETING_RESOLUTIONS = ['resolved', 'explained', 'refused'] as const satisfies readonly (typeof RESOLUTIONS)[number][];
const RECORDERS = ['head', 'deputy', 'comms_officer', 'admin'] as const;

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

type Parent = Awaited<ReturnType<typeof getReadableAppeal>>;
interface PlannedFollowUp {
  text: string;
  topicCode: string | null;
  unitId: string | null;
}

/** Check the follow-ups and find each one's unit before any lock is taken. */
async function planFollowUps(ctx: AppContext, parent: Parent, list: FollowUpInput[]): Promise<PlannedFollowUp[]> {
  const out: PlannedFollowUp[] = [];
  for (const f of list) {
    const topicCode = f.topicCode ?? parent.topicCode;
    if (f.topicCode) await assertTopicExists(ctx, f.topicCode);
    let unitId: string | null;
    if (f.unitId) {
      const unit = isUuid(f.unitId) ? await repo.unitOfBody(ctx.db, parent.bodyId, f.unitId) : undefined;
      if (!unit) throw new AppError('UNIT_NOT_FOUND', 'the unit must belong to the body', { field: 'followUps/unitId' });
      unitId = unit.id;
    } else {
      unitId = await findUnitForTopic(ctx, parent.bodyId, topicCode);
    }
    out.push({ text: f.text.trim(), topicCode, unitId });
  }
  return out;
}

/** A follow-up task: a new appeal of the same applicant, linked to the booking, in the unit's work at once. */
async function registerFollowUps(ctx: AppContext, tx: Transaction<Database>, staff: Staff, parent: Parent, bookingId: string, planned: PlannedFollowUp[]) {
  const numbers: string[] = [];
  for (const f of planned) {
    const registered = await registerLinkedAppeal(ctx, tx, parent.id, {
      bodyId: parent.bodyId,
      kind: 'application',
      text: f.text,
      channel: 'personal_reception',
      topicCode: f.topicCode,
      staff,
      data: { followUpOf: parent.number, bookingId },
    });
    await repo.insertFollowUp(tx, bookingId, registered.id);
    await moveAppeal(ctx, tx, { id: registered.id, status: registered.status }, 'in_work', { type: 'reception.follow_up_assigned', actor: staff, public: true, data: { followUpOf: parent.number, bookingId, unitId: f.unitId } }, { unitId: f.unitId, topicCode: f.topicCode });
    numbers.push(registered.number);
  }
  return numbers;
}

export async function recordOutcome(ctx: AppContext, staff: Staff, number: string, input: OutcomeInput) {
  const ref = await resolveBookingAppeal(ctx, number, { staff, roles: RECORDERS });
  const parent = await getReadableAppeal(ctx, staff, ref.id);
  const topics = [...new Set(input.topics ?? [])];
  const decision = input.decision?.trim() ?? '';
  let planned: PlannedFollowUp[] = [];
  if (input.attended) {
    if (decision.length < 3) throw new AppError('VALIDATION_FAILED', 'write what was decided', { field: 'decision' });
    if (!input.resolution) throw new AppError('VALIDATION_FAILED', 'the resolution is required', { field: 'resolution' });
    for (const t of topics) await assertTopicExists(ctx, t);
    planned = await planFollowUps(ctx, parent, input.followUps ?? []);
  } else if (input.followUps?.length) {
    throw new AppError('VALIDATION_FAILED', 'follow-ups come from a meeting that took place', { field: 'followUps' });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const appeal = await lockOwnAppeal(tx, staff, ref.id);
    const b = await lockActiveBooking(tx, ref.id);
    const slot = await repo.findSlot(tx, b.slotId);
    if (!slot || !canRecordOutcome(staff, slot)) throw new AppError('FORBIDDEN', 'the official of this reception, or the office for them, records it');
    const now = ctx.clock.now();
    if (now < slot.startsAt) throw new AppError('MEETING_NOT_STARTED', 'the meeting has not begun yet', { startsAt: slot.startsAt.toISOString() });
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
    const followUps = await registerFollowUps(ctx, tx, staff, parent, b.id, planned);
    await repo.updateBooking(tx, b.id, { ...recorded, status: 'attended', attendees: JSON.stringify((input.attendees ?? []).map((a) => a.trim()).filter(Boolean)), topics, decision });
    await moveAppeal(
      ctx,
      tx,
      appeal,
      'answered',
      {
        type: 'reception.held',
        actor: staff,
        public: true,
        data: { bookingId: b.id, slotId: b.slotId, attendees: input.attendees?.length || 1, topics, resolution: input.resolution, text: decision, followUps },
      },
      { answeredAt: now, resolution: input.resolution },
    );
  });
  return getBookingCard(ctx, staff, ref.id);
}

/** Follow-up tasks decided after the meeting was recorded. */
export async function addFollowUps(ctx: AppContext, staff: Staff, number: string, list: FollowUpInput[]) {
  const ref = await resolveBookingAppeal(ctx, number, { staff, roles: RECORDERS });
  const parent = await getReadableAppeal(ctx, staff, ref.id);
  const planned = await planFollowUps(ctx, parent, list);
  await ctx.db.transaction().execute(async (tx) => {
    await lockOwnAppeal(tx, staff, ref.id);
    const b = await repo.lockCurrentBooking(tx, ref.id);
    if (!b) throw new AppError('BOOKING_NOT_FOUND');
    if (b.status !== 'attended') throw new AppError('INVALID_TRANSITION', 'follow-ups come from a meeting that took place', { status: b.status });
    const slot = await repo.findSlot(tx, b.slotId);
    if (!slot || !canRecordOutcome(staff, slot)) throw new AppError('FORBIDDEN', 'the official of this reception, or the office for them, records it');
    const numbers = await registerFollowUps(ctx, tx, staff, parent, b.id, planned);
    await ctx.events.record(tx, { appealId: ref.id, type: 'reception.follow_ups_added', at: ctx.clock.now(), actor: { id: staff.id, role: staff.role }, public: true, data: { bookingId: b.id, followUps: numbers } });
  });
  return getBookingCard(ctx, staff, ref.id);
}
