// Reception schedules: the communications office drafts a head's or deputy's slots for a
// quarter, the head approves them, and approved slots are published for booking. A
// schedule with a month of the quarter without a reception is flagged (art. 90).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { getBody } from '../bodies/index.ts';
import * as repo from './reception.repository.ts';
import { assertRole, OFFICIAL_ROLES, SCHEDULE_APPROVERS, SCHEDULE_DRAFTERS, SCHEDULE_READERS } from './reception.policy.ts';
import { monthsWithoutReception, parseQuarter, type Quarter } from './quarters.ts';
import { isUuid } from '../../platform/ids.ts';

export interface SlotInput {
  startsAt: string;
  endsAt: string;
  place?: string;
  videoUrl?: string;
  capacity: number;
  languages?: string[];
}

export interface ScheduleInput {
  officialId: string;
  quarter: string;
  note?: string;
  slots: SlotInput[];
}

export interface ScheduleWarning {
  code: 'RECEPTION_LESS_THAN_MONTHLY';
  month: string;
}

const MAX_SLOT_MS = 12 * 3_600_000;

type SlotRow = Awaited<ReturnType<typeof repo.listSlotsOfSchedules>>[number];
type ScheduleRow = NonNullable<Awaited<ReturnType<typeof repo.findSchedule>>>;

export function warningsFor(q: Quarter, slots: { startsAt: Date }[]): ScheduleWarning[] {
  return monthsWithoutReception(q, slots.map((s) => s.startsAt)).map((month) => ({ code: 'RECEPTION_LESS_THAN_MONTHLY', month }));
}

function slotView(s: SlotRow) {
  return { id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), place: s.place, videoUrl: s.videoUrl, capacity: s.capacity, booked: s.booked, languages: s.languages };
}

function scheduleView(s: ScheduleRow, slots: SlotRow[]) {
  return {
    id: s.id,
    bodyId: s.bodyId,
    quarter: s.quarter,
    status: s.status,
    note: s.note,
    official: { id: s.officialId, name: s.officialName, role: s.officialRole },
    draftedAt: s.draftedAt.toISOString(),
    approvedAt: s.approvedAt?.toISOString() ?? null,
    approvedBy: s.approvedBy,
    slots: slots.map(slotView),
    warnings: warningsFor(parseQuarter(s.quarter), slots),
  };
}

/** Parse and check slots for a quarter: inside it, a place or a link, no overlap with each other or `existing`. */
export function validateSlots(q: Quarter, input: SlotInput[], existing: { startsAt: Date; endsAt: Date }[] = []) {
  const parsed = input.map((s, i) => {
    const field = `slots/${i}`;
    const startsAt = new Date(s.startsAt);
    const endsAt = new Date(s.endsAt);
    if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) throw new AppError('VALIDATION_FAILED', 'slot times must be instants', { field });
    if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS) throw new AppError('VALIDATION_FAILED', 'a slot ends after it starts, within 12 hours', { field });
    if (startsAt < q.start || startsAt >= q.end) throw new AppError('SLOT_OUTSIDE_QUARTER', `slot ${i} is not in ${q.code}`, { field, quarter: q.code });
    const place = s.place?.trim() || null;
    const videoUrl = s.videoUrl?.trim() || null;
    if (!place && !videoUrl) throw new AppError('VALIDATION_FAILED', 'a slot needs a place or a video link', { field: `${field}/place` });
    const languages = [...new Set(s.languages?.length ? s.languages : ['kk', 'ru'])];
    return { startsAt, endsAt, place, videoUrl, capacity: s.capacity, languages };
  });
  const all = [...existing, ...parsed].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < all.length; i++) {
    if (all[i].startsAt < all[i - 1].endsAt) throw new AppError('SLOT_OVERLAP', 'an official’s slots may not overlap', { startsAt: all[i].startsAt.toISOString() });
  }
  return parsed;
}

async function getOfficial(ctx: AppContext, bodyId: string, officialId: string) {
  const official = isUuid(officialId) ? await repo.findOfficial(ctx.db, officialId) : undefined;
  if (!official || official.bodyId !== bodyId || !official.active || !OFFICIAL_ROLES.includes(official.role as Staff['role'])) {
    throw new AppError('OFFICIAL_NOT_FOUND', 'receptions are held by the body’s head or a deputy', { field: 'officialId' });
  }
  return official;
}

async function getOwnSchedule(ctx: AppContext, staff: Staff, id: string) {
  const s = isUuid(id) ? await repo.findSchedule(ctx.db, id) : undefined;
  if (!s || s.bodyId !== staff.bodyId) throw new AppError('SCHEDULE_NOT_FOUND');
  return s;
}

export async function getSchedule(ctx: AppContext, staff: Staff, id: string) {
  assertRole(staff, SCHEDULE_READERS);
  const s = await getOwnSchedule(ctx, staff, id);
  return scheduleView(s, await repo.listSlotsOfSchedules(ctx.db, [s.id]));
}

export async function createSchedule(ctx: AppContext, staff: Staff, input: ScheduleInput) {
  assertRole(staff, SCHEDULE_DRAFTERS);
  const q = parseQuarter(input.quarter);
  const official = await getOfficial(ctx, staff.bodyId, input.officialId);
  const slots = validateSlots(q, input.slots);
  const id = await ctx.db.transaction().execute(async (tx) => {
    if (await repo.findScheduleOf(tx, official.id, q.code)) throw new AppError('SCHEDULE_EXISTS', 'one schedule per official and quarter');
    const scheduleId = await repo.insertSchedule(tx, { bodyId: staff.bodyId, officialId: official.id, quarter: q.code, note: input.note?.trim() || null, draftedBy: staff.id, draftedAt: ctx.clock.now() });
    await repo.insertSlots(tx, slots.map((s) => ({ ...s, scheduleId, bodyId: staff.bodyId, officialId: official.id })));
    return scheduleId;
  });
  return getSchedule(ctx, staff, id);
}

/**
 * Add slots: the communications office to a draft; the head, who approves schedules, may
 * add an extra reception to an approved one (published at once). Nothing is taken away
 * from an approved schedule: citizens have booked against it.
 */
export async function addSlots(ctx: AppContext, staff: Staff, scheduleId: string, input: SlotInput[]) {
  assertRole(staff, [...SCHEDULE_DRAFTERS, ...SCHEDULE_APPROVERS]);
  const s = await getOwnSchedule(ctx, staff, scheduleId);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockSchedule(tx, s.id);
    const may = locked?.status === 'draft' ? SCHEDULE_DRAFTERS.includes(staff.role) : locked?.status === 'approved' && SCHEDULE_APPROVERS.includes(staff.role);
    if (!may) throw new AppError(locked?.status === 'draft' ? 'FORBIDDEN' : 'INVALID_TRANSITION', 'a draft is edited by the office; the head adds to an approved schedule', { status: locked?.status });
    const existing = await repo.listSlotsOfSchedules(tx, [s.id]);
    const slots = validateSlots(parseQuarter(s.quarter), input, existing);
    await repo.insertSlots(tx, slots.map((x) => ({ ...x, scheduleId: s.id, bodyId: s.bodyId, officialId: s.officialId })));
  });
  return getSchedule(ctx, staff, s.id);
}

export async function removeSlot(ctx: AppContext, staff: Staff, scheduleId: string, slotId: string) {
  assertRole(staff, SCHEDULE_DRAFTERS);
  const s = await getOwnSchedule(ctx, staff, scheduleId);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockSchedule(tx, s.id);
    if (locked?.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'only a draft schedule is edited', { status: locked?.status });
    if (!isUuid(slotId) || !(await repo.deleteSlot(tx, s.id, slotId))) throw new AppError('SLOT_NOT_FOUND');
  });
  return getSchedule(ctx, staff, s.id);
}

export async function approveSchedule(ctx: AppContext, staff: Staff, scheduleId: string) {
  assertRole(staff, SCHEDULE_APPROVERS);
  const s = await getOwnSchedule(ctx, staff, scheduleId);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockSchedule(tx, s.id);
    if (locked?.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'the schedule is already approved', { status: locked?.status });
    const slots = await repo.listSlotsOfSchedules(tx, [s.id]);
    if (slots.length === 0) throw new AppError('SCHEDULE_EMPTY', 'a schedule without slots cannot be approved');
    await repo.approveSchedule(tx, s.id, staff.id, ctx.clock.now());
  });
  return getSchedule(ctx, staff, s.id);
}

/** The body's schedules (of a quarter), each with its slots and warnings. */
export async function listSchedules(ctx: AppContext, staff: Staff, opts: { quarter?: string }) {
  assertRole(staff, SCHEDULE_READERS);
  if (opts.quarter) parseQuarter(opts.quarter);
  const rows = await repo.listSchedules(ctx.db, staff.bodyId, opts.quarter);
  const slots = await repo.listSlotsOfSchedules(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => scheduleView(r, slots.filter((s) => s.scheduleId === r.id))) };
}

export async function listOfficials(ctx: AppContext, bodyIdOrCode: string) {
  const body = await getBody(ctx, bodyIdOrCode);
  const rows = await repo.listOfficials(ctx.db, body.id, OFFICIAL_ROLES);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role })) };
}

/** Approved slots of a body, soonest first: what a citizen books from. */
export async function listPublishedSlots(ctx: AppContext, bodyIdOrCode: string, opts: { from?: string; to?: string; officialId?: string }) {
  const body = await getBody(ctx, bodyIdOrCode);
  const from = opts.from ? new Date(opts.from) : ctx.clock.now();
  const to = opts.to ? new Date(opts.to) : new Date(from.getTime() + 92 * 86_400_000);
  if (Number.isNaN(from.getTime())) throw new AppError('VALIDATION_FAILED', 'from must be a date', { field: 'from' });
  if (Number.isNaN(to.getTime()) || to <= from || to.getTime() - from.getTime() > 366 * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', 'to must be after from, within a year', { field: 'to' });
  }
  if (opts.officialId && !isUuid(opts.officialId)) throw new AppError('VALIDATION_FAILED', 'officialId must be a uuid', { field: 'officialId' });
  const rows = await repo.listPublishedSlots(ctx.db, { bodyId: body.id, from, to, officialId: opts.officialId, limit: 1000 });
  return {
    items: rows.map((s) => ({
      id: s.id,
      officialId: s.officialId,
      officialName: s.officialName,
      officialRole: s.officialRole,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      capacity: s.capacity,
      booked: s.booked,
      available: s.capacity - s.booked,
      place: s.place,
      videoUrl: s.videoUrl,
      languages: s.languages,
    })),
  };
}
