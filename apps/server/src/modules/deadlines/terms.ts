// The terms of an appeal on the stored calendar: the statutory term (art. 76: 15 working
// days), the redirect term (art. 65: 3 working days), the channel target, the extension
// limit (two calendar months after day 0) and the due-soon horizon.
import type { Difficulty } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { calendarView } from './calendar.ts';
import { getChannelStandard, LEGAL_TERM_DAYS } from './channel-standards.ts';
import { addCalendarMonths, almatyDate, endOfAlmatyDay } from './dates.ts';

export const REDIRECT_TERM_DAYS = 3;
export const EXTENSION_LIMIT_MONTHS = 2;
/** "Due soon" starts this many working days before the due date. */
export const DUE_SOON_WORKING_DAYS = 2;

/** Day 0 of a term: the day of receipt in Almaty if working, else the next working day. */
export async function dayZeroOf(ctx: AppContext, receivedAt: Date): Promise<string> {
  return (await calendarView(ctx)).workingOnOrAfter(almatyDate(receivedAt));
}

/**
 * The terms of an appeal received at `receivedAt`, and the calendar revision they were
 * counted on. `cached` skips asking the database for the revision: the caller's statement
 * must then hold on calendarRevisionIs(revision) and count again when it does not.
 */
export async function termsOnReceipt(
  ctx: AppContext,
  receivedAt: Date,
  opts: { cached?: boolean } = {},
): Promise<{ dayZero: string; legalDueAt: Date; redirectDueAt: Date; revision: number }> {
  const view = await calendarView(ctx, opts);
  const dayZero = await view.workingOnOrAfter(almatyDate(receivedAt));
  const [legal, redirect] = [await view.nthWorkingDayAfter(dayZero, LEGAL_TERM_DAYS), await view.nthWorkingDayAfter(dayZero, REDIRECT_TERM_DAYS)];
  return { dayZero, legalDueAt: endOfAlmatyDay(legal), redirectDueAt: endOfAlmatyDay(redirect), revision: view.revision };
}

/** The body's channel target for the difficulty, never later than the legal due date. */
export async function channelTargetDueAt(ctx: AppContext, p: { bodyId: string; channel: string; difficulty: Difficulty; receivedAt: Date }): Promise<Date> {
  const standard = await getChannelStandard(ctx, p.bodyId, p.channel);
  const days = Math.min(standard[p.difficulty], LEGAL_TERM_DAYS);
  const view = await calendarView(ctx);
  const dayZero = await view.workingOnOrAfter(almatyDate(p.receivedAt));
  return endOfAlmatyDay(await view.nthWorkingDayAfter(dayZero, days));
}

/** The latest date an extension may reach: two calendar months after day 0 (YYYY-MM-DD). */
export async function maxExtendedDate(ctx: AppContext, receivedAt: Date): Promise<string> {
  return addCalendarMonths(await dayZeroOf(ctx, receivedAt), EXTENSION_LIMIT_MONTHS);
}

/**
 * End of the 2nd working day after today (Almaty): an open appeal whose legal due date is
 * at or before this instant and not yet past is "due soon".
 */
export async function dueSoonBefore(ctx: AppContext, now: Date): Promise<Date> {
  const view = await calendarView(ctx);
  return endOfAlmatyDay(await view.nthWorkingDayAfter(almatyDate(now), DUE_SOON_WORKING_DAYS));
}
