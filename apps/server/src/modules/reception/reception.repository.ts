// Kysely queries of the in-person channels. Appeals are read here for lists and
// statistics; they are changed only through the appeals module.
import { OPEN_STATUSES } from '@tyndau/contracts';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';
import type { Insertable, Updateable } from 'kysely';
import type { ReceptionBookingTable, ReceptionContactTable, ReceptionSlotTable } from './reception.tables.ts';

// ---- officials and schedules ----

export function findOfficial(db: Tx, id: string) {
  return db.selectFrom('staffUser').select(['id', 'name', 'role', 'bodyId', 'active']).where('id', '=', id).executeTakeFirst();
}

export function listOfficials(db: Db, bodyId: string, roles: readonly string[]) {
  return db.selectFrom('staffUser').select(['id', 'name', 'role']).where('bodyId', '=', bodyId).where('role', 'in', [...roles]).where('active', '=', true).orderBy('role', 'desc').orderBy('name').execute();
}

const scheduleColumns = [
  'receptionSchedule.id',
  'receptionSchedule.bodyId',
  'receptionSchedule.officialId',
  'receptionSchedule.quarter',
  'receptionSchedule.status',
  'receptionSchedule.note',
  'receptionSchedule.draftedBy',
  'receptionSchedule.draftedAt',
  'receptionSchedule.approvedBy',
  'receptionSchedule.approvedAt',
  'staffUser.name as officialName',
  'staffUser.role as officialRole',
] as const;

export function findSchedule(db: Tx, id: string) {
  return db.selectFrom('receptionSchedule').innerJoin('staffUser', 'staffUser.id', 'receptionSchedule.officialId').select(scheduleColumns).where('receptionSchedule.id', '=', id).executeTakeFirst();
}

export function lockSchedule(tx: Tx, id: string) {
  return tx.selectFrom('receptionSchedule').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findScheduleOf(db: Tx, officialId: string, quarter: string) {
  return db.selectFrom('receptionSchedule').select(['id', 'status']).where('officialId', '=', officialId).where('quarter', '=', quarter).executeTakeFirst();
}

export function listSchedules(db: Db, bodyId: string, quarter?: string) {
  return db
    .selectFrom('receptionSchedule')
    .innerJoin('staffUser', 'staffUser.id', 'receptionSchedule.officialId')
    .select(scheduleColumns)
    .where('receptionSchedule.bodyId', '=', bodyId)
    .$if(!!quarter, (q) => q.where('receptionSchedule.quarter', '=', quarter!))
    .orderBy('receptionSchedule.quarter', 'desc')
    .orderBy('staffUser.role', 'desc')
    .orderBy('staffUser.name')
    .limit(200)
    .execute();
}

export async function insertSchedule(tx: Tx, row: { bodyId: string; officialId: string; quarter: string; note: string | null; draftedBy: string; draftedAt: Date; status?: string; approvedBy?: string | null; approvedAt?: Date | null }) {
  return (await tx.insertInto('receptionSchedule').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertSlots(tx: Tx, rows: Insertable<ReceptionSlotTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return tx.insertInto('receptionSlot').values(rows).returning('id').execute();
}

export function listSlotsOfSchedules(db: Tx, scheduleIds: string[]) {
  if (scheduleIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('receptionSlot').selectAll().where('scheduleId', 'in', scheduleIds).orderBy('startsAt').execute();
}

export async function deleteSlot(tx: Tx, scheduleId: string, slotId: string): Promise<boolean> {
  const res = await tx.deleteFrom('receptionSlot').where('id', '=', slotId).where('scheduleId', '=', scheduleId).where('booked', '=', 0).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function approveSchedule(tx: Tx, id: string, by: string, at: Date): Promise<boolean> {
  const res = await tx.updateTable('receptionSchedule').set({ status: 'approved', approvedBy: by, approvedAt: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---- slots ----

const slotColumns = [
  'receptionSlot.id',
  'receptionSlot.scheduleId',
  'receptionSlot.bodyId',
  'receptionSlot.officialId',
  'receptionSlot.startsAt',
  'receptionSlot.endsAt',
  'receptionSlot.place',
  'receptionSlot.videoUrl',
  'receptionSlot.capacity',
  'receptionSlot.booked',
  'receptionSlot.languages',
  'receptionSchedule.status as scheduleStatus',
  'staffUser.name as officialName',
  'staffUser.role as officialRole',
] as const;

export function findSlot(db: Tx, id: string) {
  return db
    .selectFrom('receptionSlot')
    .innerJoin('receptionSchedule', 'receptionSchedule.id', 'receptionSlot.scheduleId')
    .innerJoin('staffUser', 'staffUser.id', 'receptionSlot.officialId')
    .select(slotColumns)
    .where('receptionSlot.id', '=', id)
    .executeTakeFirst();
}

export function listPublishedSlots(db: Db, opts: { bodyId: string; from: Date; to: Date; officialId?: string; limit: number }) {
  return db
    .selectFrom('receptionSlot')
    .innerJoin('receptionSchedule', 'receptionSchedule.id', 'receptionSlot.scheduleId')
    .innerJoin('staffUser', 'staffUser.id', 'receptionSlot.officialId')
    .select(slotColumns)
    .where('receptionSlot.bodyId', '=', opts.bodyId)
    .where('receptionSchedule.status', '=', 'approved')
    .where('receptionSlot.startsAt', '>=', opts.from)
    .where('receptionSlot.startsAt', '<', opts.to)
    .$if(!!opts.officialId, (q) => q.where('receptionSlot.officialId', '=', opts.officialId!))
    .orderBy('receptionSlot.startsAt')
    .orderBy('receptionSlot.id')
    .limit(opts.limit)
    .execute();
}

/**
 * Take one seat if there is one. A conditional update: concurrent bookings of the last
 * seat queue on the row lock and the loser sees booked = capacity, so nothing is overbooked.
 */
export async function claimSeat(tx: Tx, slotId: string): Promise<boolean> {
  const res = await tx
    .updateTable('receptionSlot')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', slotId)
    .where((eb) => eb('booked', '<', eb.ref('capacity')))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function freeSeat(tx: Tx, slotId: string): Promise<void> {
  await tx
    .updateTable('receptionSlot')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('id', '=', slotId)
    .where('booked', '>', 0)
    .execute();
}

// ---- bookings ----

export async function insertBooking(tx: Tx, row: Insertable<ReceptionBookingTable>): Promise<string> {
  return (await tx.insertInto('receptionBooking').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateBooking(tx: Tx, id: string, fields: Updateable<ReceptionBookingTable>) {
  return tx.updateTable('receptionBooking').set(fields).where('id', '=', id).execute();
}

export function findActiveBookingOfAppeal(db: Tx, appealId: string) {
  return db.selectFrom('receptionBooking').select(['id', 'status', 'slotId']).where('appealId', '=', appealId).where('status', 'in', ['booked', 'confirmed']).executeTakeFirst();
}

/** The appeal's current booking (the end of its reschedule chain), locked for a change. */
export function lockCurrentBooking(tx: Tx, appealId: string) {
  return tx.selectFrom('receptionBooking').selectAll().where('appealId', '=', appealId).where('rescheduledToId', 'is', null).forUpdate().executeTakeFirst();
}

export function findAppealRefByNumber(db: Tx, number: string) {
  return db.selectFrom('appeal').select(['id', 'bodyId', 'number', 'status', 'channel']).where('number', '=', number).executeTakeFirst();
}

/** Everything a booking's card shows: the booking, its slot and official, and its appeal. */
export function bookingView(db: Tx) {
  return db
    .selectFrom('receptionBooking as b')
    .innerJoin('receptionSlot as s', 's.id', 'b.slotId')
    .innerJoin('staffUser as o', 'o.id', 's.officialId')
    .innerJoin('appeal as a', 'a.id', 'b.appealId')
    .select([
      'b.id',
      'b.appealId',
      'b.slotId',
      'b.bodyId',
      'b.status',
      'b.source',
      'b.bookedBy',
      'b.bookedAt',
      'b.remindAt',
      'b.remindBy',
      'b.reminderCalledAt',
      'b.reviewedBy',
      'b.reviewedAt',
      'b.reviewNote',
      'b.attendees',
      'b.topics',
      'b.decision',
      'b.outcomeBy',
      'b.outcomeAt',
      'b.closedAt',
      'b.rescheduledToId',
      's.startsAt',
      's.endsAt',
      's.place',
      's.videoUrl',
      's.officialId',
      'o.name as officialName',
      'o.role as officialRole',
      'a.number',
      'a.status as appealStatus',
      'a.channel',
      'a.kind',
      'a.text as question',
      'a.topicCode',
      'a.language',
      'a.applicantName',
      'a.confidential',
      'a.applicantIin',
      'a.applicantBin',
      'a.applicantEmail',
      'a.applicantPhone',
      'a.preferredAnswer',
      'a.address',
      'a.legalDueAt',
      'a.resolution',
    ]);
}

export type BookingViewRow = NonNullable<Awaited<ReturnType<ReturnType<typeof bookingView>['executeTakeFirst']>>>;

export function findBookingView(db: Tx, bookingId: string) {
  return bookingView(db).where('b.id', '=', bookingId).executeTakeFirst();
}

export interface BookingFilter {
  bodyId: string;
  status?: string[];
  officialId?: string;
  from?: Date;
  to?: Date;
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** Bookings by meeting time, soonest first (the weekly review reads them in this order). */
export function listBookings(db: Db, f: BookingFilter) {
  return bookingView(db)
    .where('b.bodyId', '=', f.bodyId)
    .$if(!!f.status?.length, (q) => q.where('b.status', 'in', f.status!))
    .$if(!!f.officialId, (q) => q.where('s.officialId', '=', f.officialId!))
    .$if(!!f.from, (q) => q.where('s.startsAt', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('s.startsAt', '<', f.to!))
    .$if(!!f.after, (q) => q.where((eb) => eb.or([eb('s.startsAt', '>', f.after!.startsAt), eb.and([eb('s.startsAt', '=', f.after!.startsAt), eb('b.id', '>', f.after!.id)])])))
    .orderBy('s.startsAt')
    .orderBy('b.id')
    .limit(f.limit + 1)
    .execute();
}

export function listCallList(db: Db, bodyId: string, dayStart: Date, dayEnd: Date) {
  return bookingView(db)
    .where('b.bodyId', '=', bodyId)
    .where('b.remindBy', '=', 'call')
    .where('b.status', 'in', ['booked', 'confirmed'])
    .where('b.remindAt', '>=', dayStart)
    .where('b.remindAt', '<', dayEnd)
    .orderBy('s.startsAt')
    .limit(500)
    .execute();
}

export function listFollowUps(db: Tx, bookingIds: string[]) {
  if (bookingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('receptionFollowUp as f')
    .innerJoin('appeal as a', 'a.id', 'f.appealId')
    .select(['f.bookingId', 'a.id', 'a.number', 'a.status', 'a.text', 'a.topicCode', 'a.unitId', 'a.legalDueAt', 'a.resolution'])
    .where('f.bookingId', 'in', bookingIds)
    .orderBy('a.number')
    .execute();
}

export function insertFollowUp(tx: Tx, bookingId: string, appealId: string) {
  return tx.insertInto('receptionFollowUp').values({ bookingId, appealId }).execute();
}

export function unitOfBody(db: Tx, bodyId: string, unitId: string) {
  return db.selectFrom('unit').select('id').where('id', '=', unitId).where('bodyId', '=', bodyId).executeTakeFirst();
}

// ---- statistics ----

/** The bookings of slots in a period, one row each (a reschedule's old row included, for the caller to skip). */
export function bookingsForStats(db: Db, f: { bodyId?: string; officialId?: string; from: Date; to: Date }) {
  return db
    .selectFrom('receptionBooking as b')
    .innerJoin('receptionSlot as s', 's.id', 'b.slotId')
    .innerJoin('appeal as a', 'a.id', 'b.appealId')
    .select(['b.id', 'b.slotId', 'b.status', 'b.topics', 'b.source', 's.officialId', 's.bodyId', 'a.topicCode', 'a.resolution', 'a.id as appealId'])
    .$if(!!f.bodyId, (q) => q.where('b.bodyId', '=', f.bodyId!))
    .$if(!!f.officialId, (q) => q.where('s.officialId', '=', f.officialId!))
    .where('s.startsAt', '>=', f.from)
    .where('s.startsAt', '<', f.to)
    .execute();
}

export function slotsForStats(db: Db, f: { bodyId?: string; officialId?: string; from: Date; to: Date }) {
  return db
    .selectFrom('receptionSlot as s')
    .innerJoin('receptionSchedule as r', 'r.id', 's.scheduleId')
    .innerJoin('staffUser as o', 'o.id', 's.officialId')
    .select(['s.id', 's.officialId', 's.bodyId', 's.capacity', 's.booked', 's.startsAt', 'o.name as officialName', 'o.role as officialRole'])
    .where('r.status', '=', 'approved')
    .$if(!!f.bodyId, (q) => q.where('s.bodyId', '=', f.bodyId!))
    .$if(!!f.officialId, (q) => q.where('s.officialId', '=', f.officialId!))
    .where('s.startsAt', '>=', f.from)
    .where('s.startsAt', '<', f.to)
    .execute();
}

export function countFollowUps(db: Db, bookingIds: string[]) {
  if (bookingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('receptionFollowUp as f')
    .innerJoin('appeal as a', 'a.id', 'f.appealId')
    .select(['f.bookingId', 'a.status', 'a.resolution'])
    .where('f.bookingId', 'in', bookingIds)
    .execute();
}

// ---- desk (public reception, front office) ----

export async function insertContact(tx: Tx, row: Insertable<ReceptionContactTable>): Promise<string> {
  return (await tx.insertInto('receptionContact').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function listContacts(db: Db, f: { bodyId: string; desk: string; from: Date; to: Date; limit: number }) {
  return db
    .selectFrom('receptionContact as c')
    .leftJoin('appeal as a', 'a.id', 'c.appealId')
    .select(['c.id', 'c.desk', 'c.subSource', 'c.at', 'c.purpose', 'c.language', 'c.topicCode', 'c.outcome', 'c.appealId', 'a.number as appealNumber', 'c.visitorName', 'c.note', 'c.staffId'])
    .where('c.bodyId', '=', f.bodyId)
    .where('c.desk', '=', f.desk)
    .where('c.at', '>=', f.from)
    .where('c.at', '<', f.to)
    .orderBy('c.at', 'desc')
    .limit(f.limit)
    .execute();
}

/** Contacts of a period for counting: only the columns the breakdowns need. */
export function contactsForStats(db: Db, f: { bodyId: string; desk: string; from: Date; to: Date }) {
  return db
    .selectFrom('receptionContact')
    .select(['at', 'subSource', 'purpose', 'language', 'outcome', 'topicCode'])
    .where('bodyId', '=', f.bodyId)
    .where('desk', '=', f.desk)
    .where('at', '>=', f.from)
    .where('at', '<', f.to)
    .execute();
}

/** Appeals of a channel registered in a period, and the channel's open appeals now (monitoring). */
export async function channelAppealCounts(db: Db, f: { bodyId: string; channel: string; from: Date; to: Date; now: Date }) {
  const registered = await db
    .selectFrom('appeal')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('bodyId', '=', f.bodyId)
    .where('channel', '=', f.channel)
    .where('registeredAt', '>=', f.from)
    .where('registeredAt', '<', f.to)
    .executeTakeFirstOrThrow();
  const open = await db
    .selectFrom('appeal')
    .select((eb) => [eb.fn.countAll<string>().as('open'), eb.fn.countAll<string>().filterWhere('legalDueAt', '<', f.now).as('overdue')])
    .where('bodyId', '=', f.bodyId)
    .where('channel', '=', f.channel)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirstOrThrow();
  return { registered: Number(registered.n), open: Number(open.open), overdue: Number(open.overdue) };
}

export function findDeskSetting(db: Tx, bodyId: string) {
  return db.selectFrom('receptionDeskSetting').selectAll().where('bodyId', '=', bodyId).executeTakeFirst();
}

export function upsertDeskSetting(tx: Tx, row: { bodyId: string; days: number[]; opens: string; closes: string; autoresponseKk: string | null; autoresponseRu: string | null; autoresponseEn: string | null; updatedBy: string; updatedAt: Date }) {
  return tx
    .insertInto('receptionDeskSetting')
    .values(row)
    .onConflict((oc) => oc.column('bodyId').doUpdateSet({ days: row.days, opens: row.opens, closes: row.closes, autoresponseKk: row.autoresponseKk, autoresponseRu: row.autoresponseRu, autoresponseEn: row.autoresponseEn, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
    .execute();
}
