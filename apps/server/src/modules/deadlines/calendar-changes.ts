// Changes to the stored calendar by an administrator (or the CLI): each is recorded with its
// reason and starts a recount of the terms that run over the date (recount-job.ts). Reading the
// calendar is calendar.ts; this file sits above the terms, which read it.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import type { Tx } from '../../platform/events.ts';
import { assertYear, calendarView, forgetCalendar } from './calendar.ts';
import type { CalendarDayKind } from './calendar-rules.ts';
import { assertIsoDate, yearOf } from './dates.ts';
import * as repo from './deadlines.repository.ts';
import { runRecountJob, type RecountRun } from './recount-job.ts';
import { assertCalendarEditor } from './deadlines.policy.ts';

export const ADMIN_DAY_OFF_KINDS = ['holiday', 'transfer_day_off', 'moved_day_off'] as const;

/**
 * An administrator's entry: a day off (a transfer by decree, the official Kurban Ait date)
 * or a working day (a Saturday worked by decree). It replaces what was stored for the date,
 * and the terms of open appeals running over the date are counted again.
 */
export async function setCalendarDay(
  ctx: AppContext,
  actor: Staff | null,
  input: { date: string; working: boolean; reason: string; kind?: (typeof ADMIN_DAY_OFF_KINDS)[number] },
  run: RecountRun = {},
) {
  assertIsoDate(input.date);
  assertYear(yearOf(input.date));
  const reason = input.reason.trim();
  if (reason.length < 3) throw new AppError('VALIDATION_FAILED', 'reason is required', { field: 'reason' });
  if (input.working && input.kind) throw new AppError('VALIDATION_FAILED', 'a working day has no day-off kind', { field: 'kind' });
  if (input.kind && !ADMIN_DAY_OFF_KINDS.includes(input.kind)) throw new AppError('VALIDATION_FAILED', `kind must be one of ${ADMIN_DAY_OFF_KINDS.join(', ')}`, { field: 'kind' });
  if (actor) await assertCalendarEditor(ctx, actor);
  const view = await calendarView(ctx);
  await view.year(yearOf(input.date)); // generated first, so the generator never overwrites this entry
  const kind: CalendarDayKind = input.working ? 'working_day' : (input.kind ?? 'transfer_day_off');
  const { stored: row, change } = await ctx.db.transaction().execute(async (tx) => {
    const before = await repo.lockDay(tx, input.date);
    const stored = await repo.upsertDay(tx, {
      date: input.date,
      kind,
      reason,
      source: actor ? `administrator ${actor.email}` : 'administrator (command line)',
      origin: 'admin',
      createdAt: ctx.clock.now(),
      createdBy: actor?.id ?? null,
    });
    await repo.bumpRevision(tx);
    return { stored, change: await recordChange(ctx, tx, actor, input.date, before, stored, reason) };
  });
  forgetCalendar(ctx.db);
  const recalculated = (await runRecountJob(ctx, change.recountJobId, run)) ?? 0;
  return { date: row.date, kind: row.kind, reason: row.reason, source: row.source, origin: row.origin, working: kind === 'working_day', recalculated, changeId: change.id, recountJobId: change.recountJobId };
}

const snapshot = (d: { kind: string; reason: string; source: string; origin: string } | undefined) => (d ? { kind: d.kind, reason: d.reason, source: d.source, origin: d.origin } : null);

/** The change record and the recount job it starts, in the change's own transaction. */
async function recordChange(
  ctx: AppContext,
  tx: Tx,
  actor: Staff | null,
  date: string,
  before: { kind: string; reason: string; source: string; origin: string } | undefined,
  after: { kind: string; reason: string; source: string; origin: string } | undefined,
  reason: string,
): Promise<{ id: string; recountJobId: string }> {
  const at = ctx.clock.now();
  const job = await tx.insertInto('calendarRecountJob').values({ date, actorId: actor?.id ?? null, createdAt: at, leaseUntil: null, cursor: null, finishedAt: null }).returning('id').executeTakeFirstOrThrow();
  const change = await tx
    .insertInto('calendarChange')
    .values({ date, before: snapshot(before), after: snapshot(after), reason, changedBy: actor?.id ?? null, changedByLabel: actor ? actor.email : 'command line', at, recountJobId: job.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: String(change.id), recountJobId: String(job.id) };
}

/** Remove a stored entry: the date falls back to the five-day week. */
export async function removeCalendarDay(ctx: AppContext, date: string, actor: Staff | null = null, reason = 'stored entry removed'): Promise<{ recalculated: number; changeId: string; recountJobId: string }> {
  assertIsoDate(date);
  assertYear(yearOf(date));
  if (actor) await assertCalendarEditor(ctx, actor);
  await (await calendarView(ctx)).year(yearOf(date));
  const change = await ctx.db.transaction().execute(async (tx) => {
    const before = await repo.lockDay(tx, date);
    if (!before || !(await repo.deleteDay(tx, date))) return null;
    await repo.bumpRevision(tx);
    return recordChange(ctx, tx, actor, date, before, undefined, reason.trim() || 'stored entry removed');
  });
  if (!change) throw new AppError('CALENDAR_DAY_NOT_FOUND', 'no stored entry for this date', { date });
  forgetCalendar(ctx.db);
  return { recalculated: (await runRecountJob(ctx, change.recountJobId)) ?? 0, changeId: change.id, recountJobId: change.recountJobId };
}

/** The calendar's changes, newest first, with the progress of each one's recount. */
export async function listCalendarChanges(ctx: AppContext, q: { limit: number; cursor?: string }) {
  const c = decodeCursor(q.cursor, 1);
  if (c && !/^\d{1,18}$/.test(String(c[0]))) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  const rows = await repo.listChanges(ctx.db, { afterId: c ? String(c[0]) : undefined, limit: q.limit });
  const page = pageOf(rows, q.limit, (r) => [String(r.id)]);
  return {
    items: page.items.map((r) => ({
      id: String(r.id),
      date: r.date,
      before: r.before,
      after: r.after,
      reason: r.reason,
      changedBy: r.changedBy,
      changedByLabel: r.changedByLabel,
      at: r.at.toISOString(),
      recount: { jobId: String(r.recountJobId), status: r.status, processed: r.processed, changed: r.changed, finishedAt: r.finishedAt?.toISOString() ?? null },
    })),
    nextCursor: page.nextCursor,
  };
}
