// Calendar dates (YYYY-MM-DD) and the Almaty day. Kazakhstan has kept one time zone,
// UTC+5, with no daylight saving since 1 March 2024, so a fixed offset is exact for the
// platform's years; terms end at 23:59:59 of their last day in Almaty.
import { ALMATY_OFFSET_MS } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === s;
}

export function assertIsoDate(s: string, field = 'date'): string {
  if (!isIsoDate(s)) throw new AppError('VALIDATION_FAILED', `${field} must be a date YYYY-MM-DD`, { field });
  return s;
}

function toUtc(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

export const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

export const yearOf = (date: string) => +date.slice(0, 4);

/** The calendar date in Almaty of an instant. */
export function almatyDate(at: Date): string {
  return fromUtc(at.getTime() + ALMATY_OFFSET_MS);
}

/** 23:59:59 Almaty time of the date: the moment a term ending that day runs out. */
export function endOfAlmatyDay(date: string): Date {
  return new Date(toUtc(date) + DAY_MS - 1000 - ALMATY_OFFSET_MS);
}

/** 00:00:00 Almaty time of the date. */
export function startOfAlmatyDay(date: string): Date {
  return new Date(toUtc(date) - ALMATY_OFFSET_MS);
}

/**
 * The same day `months` calendar months later; when that month is shorter the last day
 * of the month (31 December + 2 months = 28 or 29 February), as civil-law terms count.
 */
export function addCalendarMonths(date: string, months: number): string {
  const y = yearOf(date);
  const m = +date.slice(5, 7) - 1 + months;
  const d = +date.slice(8, 10);
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(targetYear, targetMonth, Math.min(d, lastDay)));
}
