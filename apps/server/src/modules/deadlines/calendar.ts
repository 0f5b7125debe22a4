// Kazakhstan's working-day calendar as stored: a year is generated once (calendar-rules.ts)
// and read from the database; administrators add days off and working days. Each process
// keeps the years it has read in memory and drops them when the stored revision changes
// (an administrator's change, from this process, another server or the CLI).
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../auth/index.ts';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, generateYear, type CalendarDayKind } from './calendar-rules.ts';
import { addDays, assertIsoDate, isWeekend, yearOf } from './dates.ts';
import * as repo from './deadlines.repository.ts';
import { runRecountJob, type RecountRun } from './recount-job.ts';
import { assertCalendarEditor } from './deadlines.policy.ts';
import type { Tx } from '../../platform/events.ts';

type YearDays = Map<string, { kind: CalendarDayKind; reason: string; source: string; origin: string }>;
interface Cache {
  revision: number;
  years: Map<number, Promise<YearDays>>;
}

const caches = new WeakMap<Db, Cache>();

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new AppError('CALENDAR_YEAR_UNSUPPORTED', `the calendar covers ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`, { year, first: FIRST_SUPPORTED_YEAR, last: LAST_SUPPORTED_YEAR });
  }
}

async function loadYear(ctx: AppContext, year: number): Promise<YearDays> {
  if (!(await repo.isYearGenerated(ctx.db, year))) await repo.storeGeneratedYear(ctx.db, year, generateYear(year), ctx.clock.now());
  const rows = await repo.daysBetween(ctx.db, `${year}-01-01`, `${year}-12-31`);
  return new Map(rows.map((r) => [r.date, { kind: r.kind as CalendarDayKind, reason: r.reason, source: r.source, origin: r.origin }]));
}

/** A consistent view of the calendar for one computation: the revision is checked once. */
export class CalendarView {
  private readonly ctx: AppContext;
  private readonly cache: Cache;
  constructor(ctx: AppContext, cache: Cache) {
    this.ctx = ctx;
    this.cache = cache;
  }

  /** The stored revision this view reads; a statement can insist on it (calendarRevisionIs). */
  get revision(): number {
    return this.cache.revision;
  }

  year(year: number): Promise<YearDays> {
    assertYear(year);
    let p = this.cache.years.get(year);
    if (!p) {
      p = loadYear(this.ctx, year);
      this.cache.years.set(year, p);
      p.catch(() => this.cache.years.delete(year));
    }
    return p;
  }

  async isWorking(date: string): Promise<boolean> {
    const entry = (await this.year(yearOf(date))).get(date);
    return entry ? entry.kind === 'working_day' : !isWeekend(date);
  }

  /** `date` if it is a working day, else the next working day (day 0 of a term). */
  async workingOnOrAfter(date: string): Promise<string> {
    let d = date;
    while (!(await this.isWorking(d))) d = addDays(d, 1);
    return d;
  }

  /** The n-th working day strictly after `date` (n ≥ 1), or `date` itself for n = 0. */
  async nthWorkingDayAfter(date: string, n: number): Promise<string> {
    let d = date;
    for (let i = 0; i < n; ) {
      d = addDays(d, 1);
      if (await this.isWorking(d)) i++;
    }
    return d;
  }
}

/**
 * `cached`: trust what this process last read without asking the database, for a hot path
 * whose own statement then checks the revision (intake: see calendarRevisionIs).
 */
export async function calendarView(ctx: AppContext, opts: { cached?: boolean } = {}): Promise<CalendarView> {
  let cache = caches.get(ctx.db);
  if (opts.cached && cache) return new CalendarView(ctx, cache);
  const revision = await repo.calendarRevision(ctx.db);
  if (!cache || cache.revision !== revision) {
    cache = { revision, years: new Map() };
    caches.set(ctx.db, cache);
  }
  return new CalendarView(ctx, cache);
}

export async function isWorkingDay(ctx: AppContext, date: string): Promise<boolean> {
  assertIsoDate(date);
  return (await calendarView(ctx)).isWorking(date);
}

/** Longest term the arithmetic accepts; the law's longest is two months. */
const MAX_DAYS = 1000;

/**
 * The counting rule of the platform: day 0 is `from` if it is a working day, else the
 * next working day (art. 63: an appeal received on a day off is registered on the next
 * working day); the result is the `days`-th working day after day 0.
 */
export async function addWorkingDays(ctx: AppContext, from: string, days: number): Promise<string> {
  assertIsoDate(from, 'from');
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) throw new AppError('VALIDATION_FAILED', `days must be an integer 0–${MAX_DAYS}`, { field: 'days' });
  const view = await calendarView(ctx);
  return view.nthWorkingDayAfter(await view.workingOnOrAfter(from), days);
}

export interface DayOffItem {
  date: string;
  kind: 'day_off' | 'working_day';
  /** holiday | moved_day_off | transfer_day_off | working_day */
  type: CalendarDayKind;
  reason: string;
  source: string;
  origin: string;
}

/**
 * Every non-working day of the year that is not a Saturday or Sunday, plus every
 * Saturday or Sunday made a working day.
 */
export async function listDaysOff(ctx: AppContext, year: number): Promise<{ year: number; items: DayOffItem[] }> {
  const days = await (await calendarView(ctx)).year(year);
  const items: DayOffItem[] = [];
  for (const [date, d] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    const working = d.kind === 'working_day';
    if (working !== isWeekend(date)) continue;
    items.push({ date, kind: working ? 'working_day' : 'day_off', type: d.kind, reason: d.reason, source: d.source, origin: d.origin });
  }
  return { year, items };
}

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
  caches.delete(ctx.db);
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
  caches.delete(ctx.db);
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
