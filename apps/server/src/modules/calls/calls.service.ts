// The calls of a body as staff see them: the list (newest first, keyset), one call with
// what was made of it and the caller's earlier appeals (the screen pop), the language and
// sign-language flag, and the callback queue with its attempts.
import { ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import type { Language } from '@tyndau/contracts';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import type { CallTable } from './calls.tables.ts';
import { assertMayAct, assertMayUseIdentity, assertRole, CALL_READERS, seesCallerNumber } from './calls.policy.ts';
import { displayNumber, normalizeNumber, phoneSpellings } from './numbers.ts';

export type CallRow = Selectable<CallTable>;
export const CALL_STATES = ['ringing', 'answered', 'missed', 'ended'] as const;
export const CALLBACK_OUTCOMES = ['reached', 'no_answer', 'busy', 'wrong_number'] as const;
/** Outcomes after which nobody calls again. */
const FINAL_OUTCOMES = ['reached', 'wrong_number'];
const EARLIER_APPEALS = 10;

const seconds = (a: Date | null, b: Date | null) => (a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The calls as the reader may see them, with their appeals, callback and the screen pop. */
async function viewCalls(ctx: AppContext, staff: Staff, rows: CallRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const visibleCallers = [...new Set(rows.filter((r) => r.channel !== 'trust_phone' && r.callerNumber && seesCallerNumber(staff, r)).map((r) => r.callerNumber!))];
  const [links, callbacks, attempts, earlier] = await Promise.all([
    ctx.db
      .selectFrom('callAppeal')
      .innerJoin('appeal', 'appeal.id', 'callAppeal.appealId')
      .select(['callAppeal.callId', 'callAppeal.outcome', 'appeal.id', 'appeal.number', 'appeal.kind', 'appeal.status'])
      .where('callAppeal.callId', 'in', ids)
      .orderBy('callAppeal.createdAt')
      .execute(),
    ctx.db.selectFrom('callCallback').selectAll().where('callId', 'in', ids).execute(),
    ctx.db.selectFrom('callCallbackAttempt').select(['callId', 'at', 'outcome', 'note']).where('callId', 'in', ids).orderBy('at').execute(),
    // Trust-phone appeals never appear in anybody's screen pop: the caller's identity there is protected.
    visibleCallers.length
      ? ctx.db
          .selectFrom('appeal')
          .select(['id', 'number', 'receivedAt', 'status', 'kind', 'topicCode', 'applicantPhone'])
          .where('bodyId', '=', staff.bodyId)
          .where('applicantPhone', 'in', visibleCallers.flatMap(phoneSpellings))
          .where('channel', '<>', 'trust_phone')
          .orderBy('receivedAt', 'desc')
          .limit(EARLIER_APPEALS * visibleCallers.length)
          .execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const showNumber = seesCallerNumber(staff, r);
    const cb = callbacks.find((c) => c.callId === r.id);
    const linked = new Set(links.filter((l) => l.callId === r.id).map((l) => l.id));
    const pop =
      r.channel === 'trust_phone' || !showNumber || !r.callerNumber
        ? []
        : earlier.filter((a) => normalizeNumber(a.applicantPhone) === r.callerNumber && a.receivedAt <= (r.endedAt ?? ctx.clock.now()) && !linked.has(a.id)).slice(0, EARLIER_APPEALS);
    return {
      id: r.id,
      callId: r.callId,
      lineNumber: displayNumber(r.lineNumber) ?? '',
      channel: r.channel,
      direction: r.direction as 'in' | 'out',
      callerNumber: showNumber ? displayNumber(r.callerNumber) : null,
      state: r.state as (typeof CALL_STATES)[number],
      startedAt: r.startedAt.toISOString(),
      answeredAt: iso(r.answeredAt),
      endedAt: iso(r.endedAt),
      waitSeconds: seconds(r.startedAt, r.answeredAt ?? r.endedAt),
      talkSeconds: r.answeredAt ? seconds(r.answeredAt, r.endedAt) : null,
      cause: r.cause,
      agent: r.agent,
      queue: r.queue,
      language: r.language as Language | null,
      signLanguage: r.signLanguage,
      blocked: r.blocked,
      appeals: links.filter((l) => l.callId === r.id).map((l) => ({ id: l.id, number: l.number, kind: l.kind, status: l.status, outcome: l.outcome })),
      earlierAppeals: pop.map((a) => ({ id: a.id, number: a.number, receivedAt: a.receivedAt.toISOString(), status: a.status, kind: a.kind, topicCode: a.topicCode })),
      callback: cb
        ? {
            dueAt: cb.dueAt.toISOString(),
            note: cb.note,
            source: cb.source,
            done: cb.done,
            attempts: attempts.filter((a) => a.callId === r.id).map((a) => ({ at: a.at.toISOString(), outcome: a.outcome, note: a.note })),
          }
        : null,
    };
  });
}

/** A keyset cursor of (instant, call id); anything else a client made up is a 400, not a database error. */
function callCursor(cursor: string | undefined): [Date, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const at = new Date(String(key[0]));
  if (Number.isNaN(at.getTime()) || typeof key[1] !== 'string' || !/^[0-9a-f-]{36}$/i.test(key[1])) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  return [at, key[1]];
}

export type CallView = Awaited<ReturnType<typeof viewCalls>>[number];

/** A period bound: an Almaty date (the whole day) or an ISO instant. */
function instantOf(value: string, field: string, end: boolean): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = date ? new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}${ALMATY_UTC_OFFSET}`) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', `${field} is a date (YYYY-MM-DD) or an ISO instant`, { field });
  return d;
}

export interface CallListQuery {
  state?: string;
  line?: string;
  caller?: string;
  direction?: 'in' | 'out';
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export async function listCalls(ctx: AppContext, staff: Staff, q: CallListQuery) {
  assertRole(staff, CALL_READERS);
  const limit = q.limit ?? 50;
  const states = q.state ? q.state.split(',').map((s) => s.trim()) : [];
  for (const s of states) if (!(CALL_STATES as readonly string[]).includes(s)) throw new AppError('VALIDATION_FAILED', 'unknown state', { field: 'state', rule: 'enum', allowed: CALL_STATES });
  const cursor = callCursor(q.cursor);
  let query = ctx.db.selectFrom('call').selectAll().where('bodyId', '=', staff.bodyId);
  if (states.length) query = query.where('state', 'in', states);
  if (q.line) query = query.where('lineNumber', '=', normalizeNumber(q.line) ?? '');
  if (q.direction) query = query.where('direction', '=', q.direction);
  if (q.caller) {
    query = query.where('callerNumber', '=', normalizeNumber(q.caller) ?? '');
    // Nobody but the ethics commissioner may find a trust-phone call by its number.
    if (staff.role !== 'ethics_commissioner') query = query.where('channel', '<>', 'trust_phone');
  }
  if (q.from) query = query.where('startedAt', '>=', instantOf(q.from, 'from', false));
  if (q.to) query = query.where('startedAt', '<=', instantOf(q.to, 'to', true));
  if (cursor) query = query.where((eb) => eb(eb.refTuple('startedAt', 'id'), '<', eb.tuple(cursor[0], cursor[1])));
  const rows = await query.orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.startedAt.toISOString(), r.id]);
  return { items: await viewCalls(ctx, staff, page.items), nextCursor: page.nextCursor };
}

/** A call of the staff member's body; another body's call is 404. */
export async function findOwnCall(ctx: AppContext, staff: Staff, id: string): Promise<CallRow> {
  const row = await ctx.db.selectFrom('call').selectAll().where('id', '=', id).where('bodyId', '=', staff.bodyId).executeTakeFirst();
  if (!row) throw new AppError('CALL_NOT_FOUND');
  return row;
}

export async function getCall(ctx: AppContext, staff: Staff, id: string): Promise<CallView> {
  assertRole(staff, CALL_READERS);
  const [view] = await viewCalls(ctx, staff, [await findOwnCall(ctx, staff, id)]);
  return view;
}

export async function updateCall(ctx: AppContext, staff: Staff, id: string, input: { language?: Language | null; signLanguage?: boolean }) {
  const call = await findOwnCall(ctx, staff, id);
  assertMayAct(staff, call);
  const set: { language?: Language | null; signLanguage?: boolean } = {};
  if (input.language !== undefined) set.language = input.language;
  if (input.signLanguage !== undefined) set.signLanguage = input.signLanguage;
  if (Object.keys(set).length) await ctx.db.updateTable('call').set(set).where('id', '=', id).execute();
  return getCall(ctx, staff, id);
}

// ---- callbacks ----

/** Schedule (or move) a callback of a call. On the trust phone it dials the caller's number: the ethics commissioner only. */
export async function scheduleCallback(ctx: AppContext, staff: Staff, id: string, input: { dueAt: string; note?: string }) {
  const call = await findOwnCall(ctx, staff, id);
  assertMayAct(staff, call);
  assertMayUseIdentity(staff, call);
  if (!call.callerNumber) throw new AppError('VALIDATION_FAILED', 'the call has no number to call back', { field: 'callId' });
  const dueAt = new Date(input.dueAt);
  if (Number.isNaN(dueAt.getTime())) throw new AppError('VALIDATION_FAILED', 'dueAt is an ISO instant', { field: 'dueAt' });
  const note = input.note?.trim() || null;
  await ctx.db
    .insertInto('callCallback')
    .values({ callId: call.id, bodyId: call.bodyId, dueAt, note, source: 'operator', createdAt: ctx.clock.now() })
    .onConflict((oc) => oc.column('callId').doUpdateSet({ dueAt, note, done: false, doneAt: null }))
    .execute();
  return getCall(ctx, staff, id);
}

export async function recordCallbackAttempt(ctx: AppContext, staff: Staff, id: string, input: { outcome: (typeof CALLBACK_OUTCOMES)[number]; note?: string }) {
  const call = await findOwnCall(ctx, staff, id);
  assertMayAct(staff, call);
  assertMayUseIdentity(staff, call);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const cb = await tx.selectFrom('callCallback').select(['callId', 'done']).where('callId', '=', call.id).forUpdate().executeTakeFirst();
    if (!cb) throw new AppError('CALLBACK_NOT_FOUND');
    if (cb.done) throw new AppError('CALLBACK_DONE');
    await tx.insertInto('callCallbackAttempt').values({ callId: call.id, at: now, outcome: input.outcome, note: input.note?.trim() || null, staffId: staff.id }).execute();
    if (FINAL_OUTCOMES.includes(input.outcome)) await tx.updateTable('callCallback').set({ done: true, doneAt: now }).where('callId', '=', call.id).execute();
  });
  return getCall(ctx, staff, id);
}

/** The callback queue, soonest due first. */
export async function listCallbacks(ctx: AppContext, staff: Staff, q: { done?: boolean; limit?: number; cursor?: string }) {
  assertRole(staff, CALL_READERS);
  const limit = q.limit ?? 50;
  const cursor = callCursor(q.cursor);
  let query = ctx.db
    .selectFrom('callCallback as cb')
    .innerJoin('call', 'call.id', 'cb.callId')
    .selectAll('call')
    .select(['cb.dueAt as cbDueAt'])
    .where('cb.bodyId', '=', staff.bodyId)
    .where('cb.done', '=', q.done ?? false);
  if (cursor) query = query.where((eb) => eb(eb.refTuple('cb.dueAt', 'cb.callId'), '>', eb.tuple(cursor[0], cursor[1])));
  const rows = await query.orderBy('cb.dueAt').orderBy('cb.callId').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.cbDueAt.toISOString(), r.id]);
  return { items: await viewCalls(ctx, staff, page.items.map(({ cbDueAt: _, ...call }) => call)), nextCursor: page.nextCursor };
}
