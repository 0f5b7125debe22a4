// Reception schedules are approved per quarter, and the law (art. 90) counts receptions
// per month, both in Almaty time (UTC+5, no daylight saving since 2024).
import { ALMATY_OFFSET_MS, ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';

const QUARTER = /^(\d{4})-Q([1-4])$/;

export interface Quarter {
  code: string;
  year: number;
  /** 1..4 */
  q: number;
  /** First instant of the quarter in Almaty. */
  start: Date;
  /** First instant of the next quarter. */
  end: Date;
  /** The quarter's three months, YYYY-MM. */
  months: string[];
}

const almatyMidnight = (year: number, month0: number) => new Date(Date.UTC(year, month0, 1) - ALMATY_OFFSET_MS);

export function parseQuarter(code: string, field = 'quarter'): Quarter {
  const m = QUARTER.exec(code);
  if (!m) throw new AppError('VALIDATION_FAILED', `${field} must look like 2026-Q4`, { field });
  const year = Number(m[1]);
  const q = Number(m[2]);
  const first = (q - 1) * 3;
  return {
    code,
    year,
    q,
    start: almatyMidnight(year, first),
    end: almatyMidnight(year, first + 3),
    months: [0, 1, 2].map((i) => `${year}-${String(first + i + 1).padStart(2, '0')}`),
  };
}

/** The quarter an instant falls in, in Almaty. */
export function quarterOf(at: Date): Quarter {
  const local = new Date(at.getTime() + ALMATY_OFFSET_MS);
  return parseQuarter(`${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`);
}

export function nextQuarter(q: Quarter): Quarter {
  return q.q === 4 ? parseQuarter(`${q.year + 1}-Q1`) : parseQuarter(`${q.year}-Q${q.q + 1}`);
}

/** YYYY-MM of an instant in Almaty. */
export function almatyMonth(at: Date): string {
  return new Date(at.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 7);
}

/** Hour of the day (0..23) of an instant in Almaty. */
export function almatyHour(at: Date): number {
  return new Date(at.getTime() + ALMATY_OFFSET_MS).getUTCHours();
}

/** An instant from an Almaty calendar date and a wall-clock time HH:MM. */
export function almatyInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${ALMATY_UTC_OFFSET}`);
}

/** Months of a quarter in which none of the given instants falls (art. 90: at least once a month). */
export function monthsWithoutReception(q: Quarter, startsAt: Date[]): string[] {
  const held = new Set(startsAt.map(almatyMonth));
  return q.months.filter((m) => !held.has(m));
}
