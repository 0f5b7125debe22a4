// Kazakhstan's working-day calendar as stored: a year is generated once (calendar-rules.ts)
// and read from the database; administrators add days off and working days. Each process
// keeps the years it has read in memory and drops them when the stored revision changes
// (an administrator's change, from this process, another server or the CLI).
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, generateYear, type CalendarDayKind } from './calendar-rules.ts';
import { addDays, assertIsoDate, isWeekend, yearOf } from './dates.ts';
import * as repo from './deadlines.repository.ts';

type YearDays = Map<string, { kind: CalendarDayKind; reason: string; source: string; origin: string }>;
interface Cache {
  revision: number;
  years: Map<number, Promise<YearDays>>;
}

const caches = new WeakMap<Db, Cache>();

/** After a change in this process: the next read loads the calendar again. */
export const forgetCalendar = (db: Db): void => void caches.delete(db);

export function assertYear(year: number): void {
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
