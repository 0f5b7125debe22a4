// Booking a personal reception: a booking is an appeal of channel personal_reception
// (registered into the unified register in the same transaction) holding a seat in an
// approved slot. The citizen books on the portal; an operator on the phone or the office
// for a visitor books with their session. Cancel and reschedule with the access code.
import type { AnswerMethod, AppealKind, BookingResult, Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { detectLanguage, maskApplicant, moveAppeal, registerAppeal, trackAppeal, type AppealInput } from '../appeals/index.ts';
import * as repo from './reception.repository.ts';
import { assertRole, BOOKING_READERS, BOOKING_STAFF } from './reception.policy.ts';
import { planReminder } from './reminders.ts';
import { almatyInstant } from './quarters.ts';
import { secretsOf } from '../../platform/secrets.ts';
import { isUuid } from '../../platform/ids.ts';

export const BOOKING_SOURCES = ['portal', 'phone', 'front_office', 'public_reception'] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];
export const ACTIVE_BOOKING: readonly string[] = ['booked', 'confirmed'];

export interface BookingInput {
  slotId: string;
  question: string;
  applicant: AppealInput['applicant'];
  topicCode?: string;
  language?: Language;
  kind?: AppealKind;
  preferredAnswer?: AnswerMethod;
  address?: string;
  source?: BookingSource;
  /** How a visitor reached the public reception when the desk books for them. */
  subSource?: 'online_form' | 'social_network' | 'visit' | 'contact_line' | 'app';
}


export async function getBookableSlot(ctx: AppContext, slotId: string, tx: Tx = ctx.db) {
  const slot = isUuid(slotId) ? await repo.findSlot(tx, slotId) : undefined;
  if (!slot || slot.scheduleStatus !== 'approved') throw new AppError('SLOT_NOT_FOUND');
  if (slot.startsAt <= ctx.clock.now()) throw new AppError('SLOT_IN_PAST', 'the slot has already begun');
  return slot;
}

function sourceOf(input: BookingInput, staff: Staff | undefined, bodyId: string): BookingSource {
  if (!staff) {
    if (input.source && input.source !== 'portal') throw new AppError('FORBIDDEN', 'only staff book by phone or at a desk');
    return 'portal';
  }
  assertRole(staff, BOOKING_STAFF);
  if (staff.bodyId !== bodyId) throw new AppError('FORBIDDEN', 'staff book into their own body’s receptions');
  const source = input.source ?? (staff.role === 'operator' ? 'phone' : 'front_office');
  if (source === 'portal') throw new AppError('VALIDATION_FAILED', 'staff book by phone, at the front office or the public reception', { field: 'source' });
  return source;
}

export async function bookReception(ctx: AppContext, input: BookingInput, opts: { staff?: Staff; idempotencyKey?: string } = {}): Promise<BookingResult> {
  const { staff } = opts;
  const slot = await getBookableSlot(ctx, input.slotId);
  const source = sourceOf(input, staff, slot.bodyId);
  const a = input.applicant;
  const language = input.language ?? detectLanguage(input.question);
  const appealInput: AppealInput = {
    bodyId: slot.bodyId,
    kind: input.kind ?? 'application',
    text: input.question,
    topicCode: input.topicCode,
    language,
    applicant: a,
    // The reminder goes by SMS, so a phone makes SMS the natural answer method too.
    preferredAnswer: input.preferredAnswer ?? (a.phone ? 'sms' : a.email ? 'email' : 'portal'),
    address: input.address,
    channel: 'personal_reception',
  };
  if (slot.booked >= slot.capacity) throw new AppError('SLOT_FULL', undefined, { slotId: slot.id });
  let bookingId: string | undefined;
  const appeal = await registerAppeal(ctx, appealInput, {
    staff,
    channelSetByModule: true,
    ownReceipt: true,
    // The same key for another slot is another booking.
    idempotencyKey: opts.idempotencyKey ? `reception:${slot.id}:${opts.idempotencyKey}` : undefined,
    // The seat, the booking and its event commit with the appeal or not at all.
    within: async (tx, registered) => {
      const now = ctx.clock.now();
      if (!(await repo.claimSeat(tx, slot.id))) throw new AppError('SLOT_FULL', undefined, { slotId: slot.id });
      const plan = planReminder(now, slot.startsAt, { phone: a.phone?.trim() || null, email: a.email?.trim() || null });
      bookingId = await repo.insertBooking(tx, {
        appealId: registered.id,
        slotId: slot.id,
        bodyId: slot.bodyId,
        source,
        bookedBy: staff?.id ?? null,
        bookedAt: now,
        remindAt: plan?.remindAt ?? null,
        remindBy: plan?.remindBy ?? null,
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
        attendees: null,
        topics: null,
        decision: null,
        outcomeBy: null,
        outcomeAt: null,
        closedAt: null,
        rescheduledToId: null,
        reminderCalledAt: null,
      });
      if (staff && (source === 'front_office' || source === 'public_reception')) {
        await repo.insertContact(tx, {
          bodyId: slot.bodyId,
          desk: source,
          subSource: input.subSource ?? 'visit',
          at: now,
          purpose: 'book_reception',
          language,
          topicCode: input.topicCode ?? null,
          outcome: 'booking',
          appealId: registered.id,
          visitorName: a.name?.trim() || null,
          note: null,
          staffId: staff.id,
        });
      }
      await ctx.events.record(tx, {
        appealId: registered.id,
        type: 'reception.booked',
        at: now,
        actor: staff ? { id: staff.id, role: staff.role } : null,
        public: true,
        data: { bookingId, source, ...slotData(slot), remindAt: plan?.remindAt.toISOString() ?? null, remindBy: plan?.remindBy ?? null },
        transient: { accessCodeSealed: secretsOf(ctx).seal(registered.accessCode) },
      });
    },
  });
  // An Idempotency-Key replay returns the appeal booked the first time, with its booking.
  return bookingResult(ctx.db, bookingId ?? (await currentBookingView(ctx.db, appeal.id)).id, appeal.accessCode);
}

/** What the booking's events say about its slot (also what the messages to the citizen need). */
export function slotData(slot: { id: string; startsAt: Date; endsAt: Date; place: string | null; videoUrl: string | null; officialId: string; officialName: string; officialRole: string }) {
  return {
    slotId: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    place: slot.place,
    videoUrl: slot.videoUrl,
    officialId: slot.officialId,
    officialName: slot.officialName,
    officialRole: slot.officialRole,
  };
}

async function bookingResult(tx: Tx, bookingId: string, accessCode: string): Promise<BookingResult> {
  const b = await repo.findBookingView(tx, bookingId);
  if (!b) throw new AppError('BOOKING_NOT_FOUND');
  return {
    id: b.appealId,
    number: b.number,
    accessCode,
    bookingId: b.id,
    status: b.status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    place: b.place,
    videoUrl: b.videoUrl,
    officialName: b.officialName,
    remindAt: b.remindAt?.toISOString() ?? null,
  };
}

/**
 * The appeal behind a booking number, for the citizen (number and access code) or for
 * staff of its body. A wrong code, another body's number and a missing one look alike.
 */
export async function resolveBookingAppeal(ctx: AppContext, number: string, who: { code?: string; staff?: Staff; roles: readonly Staff['role'][] }) {
  if (who.code) {
    try {
      const { appeal } = await trackAppeal(ctx, number, who.code);
      return { id: appeal.id, bodyId: appeal.bodyId, number: appeal.number };
    } catch (err) {
      if (err instanceof AppError && err.code === 'APPEAL_NOT_FOUND') throw new AppError('BOOKING_NOT_FOUND');
      throw err;
    }
  }
  if (!who.staff) throw new AppError('UNAUTHENTICATED', 'give the access code, or sign in as staff');
  assertRole(who.staff, who.roles);
  const ref = await repo.findAppealRefByNumber(ctx.db, number.trim().toUpperCase());
  if (!ref || ref.bodyId !== who.staff.bodyId) throw new AppError('BOOKING_NOT_FOUND');
  return { id: ref.id, bodyId: ref.bodyId, number: ref.number };
}

/** The appeal's current booking row, locked; the booking must still hold its seat. */
export async function lockActiveBooking(tx: Tx, appealId: string) {
  const b = await repo.lockCurrentBooking(tx, appealId);
  if (!b) throw new AppError('BOOKING_NOT_FOUND');
  if (!ACTIVE_BOOKING.includes(b.status)) throw new AppError('INVALID_TRANSITION', `the booking is ${b.status}`, { status: b.status });
  return b;
}

export async function appealStatus(tx: Tx, appealId: string): Promise<{ id: string; status: string }> {
  const row = await tx.selectFrom('appeal').select(['id', 'status']).where('id', '=', appealId).executeTakeFirstOrThrow();
  return row;
}

export async function cancelBooking(ctx: AppContext, number: string, who: { code?: string; staff?: Staff; reason?: string }) {
  const appeal = await resolveBookingAppeal(ctx, number, { ...who, roles: BOOKING_STAFF });
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const b = await lockActiveBooking(tx, appeal.id);
    const slot = await repo.findSlot(tx, b.slotId);
    if (!slot || slot.startsAt <= now) throw new AppError('INVALID_TRANSITION', 'the meeting time has come; the official records what happened');
    await repo.freeSeat(tx, b.slotId);
    await repo.updateBooking(tx, b.id, { status: 'cancelled', closedAt: now });
    await moveAppeal(
      ctx,
      tx,
      await appealStatus(tx, appeal.id),
      'left_without_consideration',
      { type: 'reception.cancelled', actor: who.staff ?? null, reason: who.reason?.trim() || 'withdrawn by the applicant', public: true, data: { bookingId: b.id, slotId: b.slotId, by: who.staff ? 'staff' : 'applicant' } },
      { resolution: 'left_without_consideration' },
    );
  });
  return getBookingForCitizen(ctx, appeal.id);
}

export async function rescheduleBooking(ctx: AppContext, number: string, slotId: string, who: { code?: string; staff?: Staff }) {
  const appeal = await resolveBookingAppeal(ctx, number, { ...who, roles: BOOKING_STAFF });
  const slot = await getBookableSlot(ctx, slotId);
  if (slot.bodyId !== appeal.bodyId) throw new AppError('SLOT_NOT_FOUND', 'a reception is moved within the same body');
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const b = await lockActiveBooking(tx, appeal.id);
    if (b.slotId === slot.id) throw new AppError('VALIDATION_FAILED', 'the booking is already in this slot', { field: 'slotId' });
    const old = await repo.findSlot(tx, b.slotId);
    if (!old || old.startsAt <= now) throw new AppError('INVALID_TRANSITION', 'the meeting time has come; the official records what happened');
    if (!(await repo.claimSeat(tx, slot.id))) throw new AppError('SLOT_FULL', undefined, { slotId: slot.id });
    await repo.freeSeat(tx, b.slotId);
    // The old row leaves the active set first: an appeal holds one active booking.
    await repo.updateBooking(tx, b.id, { status: 'rescheduled', closedAt: now });
    const contact = await tx.selectFrom('appeal').select(['applicantPhone', 'applicantEmail']).where('id', '=', appeal.id).executeTakeFirstOrThrow();
    const plan = planReminder(now, slot.startsAt, { phone: contact.applicantPhone, email: contact.applicantEmail });
    const newId = await repo.insertBooking(tx, {
      appealId: appeal.id,
      slotId: slot.id,
      bodyId: b.bodyId,
      status: b.status,
      source: b.source,
      bookedBy: who.staff?.id ?? b.bookedBy,
      bookedAt: now,
      remindAt: plan?.remindAt ?? null,
      remindBy: plan?.remindBy ?? null,
      reviewedBy: b.reviewedBy,
      reviewedAt: b.reviewedAt,
      reviewNote: b.reviewNote,
      attendees: null,
      topics: null,
      decision: null,
      outcomeBy: null,
      outcomeAt: null,
      closedAt: null,
      rescheduledToId: null,
      reminderCalledAt: null,
    });
    await repo.updateBooking(tx, b.id, { rescheduledToId: newId });
    await ctx.events.record(tx, {
      appealId: appeal.id,
      type: 'reception.rescheduled',
      at: now,
      actor: who.staff ? { id: who.staff.id, role: who.staff.role } : null,
      public: true,
      data: { bookingId: newId, previousBookingId: b.id, fromSlotId: b.slotId, fromStartsAt: old.startsAt.toISOString(), ...slotData(slot), remindAt: plan?.remindAt.toISOString() ?? null, remindBy: plan?.remindBy ?? null },
    });
  });
  return getBookingForCitizen(ctx, appeal.id);
}

async function currentBookingView(db: Tx, appealId: string) {
  const row = await repo.bookingView(db).where('b.appealId', '=', appealId).where('b.rescheduledToId', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('BOOKING_NOT_FOUND');
  return row;
}

/** What the citizen sees of their booking: when, where, with whom, and what became of it. */
export async function getBookingForCitizen(ctx: AppContext, appealId: string) {
  const b = await currentBookingView(ctx.db, appealId);
  const followUps = await repo.listFollowUps(ctx.db, [b.id]);
  return {
    number: b.number,
    status: b.status,
    appealStatus: b.appealStatus,
    // The body, official and slot: what the citizen needs to move the booking to another time.
    bodyId: b.bodyId,
    officialId: b.officialId,
    slotId: b.slotId,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    place: b.place,
    videoUrl: b.videoUrl,
    officialName: b.officialName,
    officialRole: b.officialRole,
    bookedAt: b.bookedAt.toISOString(),
    canChange: ACTIVE_BOOKING.includes(b.status) && b.startsAt > ctx.clock.now(),
    decision: b.decision,
    resolution: b.resolution,
    followUps: followUps.map((f) => ({ number: f.number, status: f.status, legalDueAt: f.legalDueAt?.toISOString() ?? null })),
  };
}

export async function getBookingByNumber(ctx: AppContext, number: string, who: { code?: string; staff?: Staff }) {
  const appeal = await resolveBookingAppeal(ctx, number, { ...who, roles: BOOKING_READERS });
  if (who.code || !who.staff) return getBookingForCitizen(ctx, appeal.id);
  return getBookingCard(ctx, who.staff, appeal.id);
}

function staffItem(staff: Staff, b: repo.BookingViewRow) {
  const applicant = maskApplicant(staff, b);
  return {
    bookingId: b.id,
    appealId: b.appealId,
    number: b.number,
    status: b.status,
    appealStatus: b.appealStatus,
    source: b.source,
    bookedAt: b.bookedAt.toISOString(),
    slotId: b.slotId,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    place: b.place,
    videoUrl: b.videoUrl,
    official: { id: b.officialId, name: b.officialName, role: b.officialRole },
    question: b.question,
    topicCode: b.topicCode,
    language: b.language,
    applicant: { name: applicant.applicantName, iin: applicant.applicantIin, phone: applicant.applicantPhone, email: applicant.applicantEmail },
    personalDataMasked: applicant.personalDataMasked,
    remindAt: b.remindAt?.toISOString() ?? null,
    remindBy: b.remindBy,
    reminderCalledAt: b.reminderCalledAt?.toISOString() ?? null,
    reviewNote: b.reviewNote,
    reviewedAt: b.reviewedAt?.toISOString() ?? null,
    // Who came to the meeting names the applicant as surely as the applicant's own name does.
    attendees: b.confidential && applicant.personalDataMasked ? null : b.attendees,
    topics: b.topics,
    decision: b.decision,
    resolution: b.resolution,
    outcomeAt: b.outcomeAt?.toISOString() ?? null,
  };
}

export async function getBookingCard(ctx: AppContext, staff: Staff, appealId: string) {
  const b = await currentBookingView(ctx.db, appealId);
  if (b.bodyId !== staff.bodyId) throw new AppError('BOOKING_NOT_FOUND');
  const followUps = await repo.listFollowUps(ctx.db, [b.id]);
  return {
    ...staffItem(staff, b),
    followUps: followUps.map((f) => ({ id: f.id, number: f.number, status: f.status, text: f.text, topicCode: f.topicCode, unitId: f.unitId, legalDueAt: f.legalDueAt?.toISOString() ?? null, resolution: f.resolution })),
  };
}

export interface BookingListQuery {
  status?: string;
  officialId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** The body's bookings by meeting time: the weekly review reads `status=booked`. */
export async function listBookings(ctx: AppContext, staff: Staff, q: BookingListQuery) {
  assertRole(staff, BOOKING_READERS);
  const date = (s: string | undefined, field: string) => {
    if (!s) return undefined;
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', `${field} must be a date`, { field });
    return d;
  };
  if (q.officialId && !isUuid(q.officialId)) throw new AppError('VALIDATION_FAILED', 'officialId must be a uuid', { field: 'officialId' });
  const cursor = decodeCursor(q.cursor, 2);
  const rows = await repo.listBookings(ctx.db, {
    bodyId: staff.bodyId,
    status: q.status?.split(',').map((s) => s.trim()).filter(Boolean),
    officialId: q.officialId,
    from: date(q.from, 'from'),
    to: date(q.to, 'to'),
    after: cursor ? { startsAt: new Date(cursor[0] as string), id: cursor[1] as string } : undefined,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (r) => [r.startsAt.toISOString(), r.id]);
  return { items: page.items.map((b) => staffItem(staff, b)), nextCursor: page.nextCursor };
}

/** Bookings whose reminder is a phone call on that day (the citizen has no mobile number). */
export async function callList(ctx: AppContext, staff: Staff, date: string) {
  assertRole(staff, BOOKING_STAFF);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) throw new AppError('VALIDATION_FAILED', 'date must be YYYY-MM-DD', { field: 'date' });
  const dayStart = almatyInstant(date, '00:00');
  const rows = await repo.listCallList(ctx.db, staff.bodyId, dayStart, new Date(dayStart.getTime() + 86_400_000));
  return {
    date,
    items: rows.map((row) => maskApplicant(staff, row)).map((b) => ({
      number: b.number,
      // A confidential applicant's name and phone are for the ethics commissioner alone, here too.
      applicantName: b.applicantName,
      phone: b.applicantPhone,
      language: b.language,
      startsAt: b.startsAt.toISOString(),
      place: b.place,
      videoUrl: b.videoUrl,
      officialName: b.officialName,
      calledAt: b.reminderCalledAt?.toISOString() ?? null,
    })),
  };
}

export async function markReminderCalled(ctx: AppContext, staff: Staff, number: string) {
  const appeal = await resolveBookingAppeal(ctx, number, { staff, roles: BOOKING_STAFF });
  await ctx.db.transaction().execute(async (tx) => {
    const b = await lockActiveBooking(tx, appeal.id);
    if (b.remindBy !== 'call') throw new AppError('INVALID_TRANSITION', 'this booking is not on the call list');
    const now = ctx.clock.now();
    await repo.updateBooking(tx, b.id, { reminderCalledAt: now });
    await ctx.events.record(tx, { appealId: appeal.id, type: 'reception.reminder_called', at: now, actor: { id: staff.id, role: staff.role }, data: { bookingId: b.id } });
  });
  return getBookingCard(ctx, staff, appeal.id);
}
