// Extension of the statutory term (продление, APPC art. 76): only the head or a deputy,
// by a motivated (written) decision, to a date later than the current term and no later
// than two calendar months after day 0. The applicant is told at once, which meets the
// law's "within 3 working days".
import { updateAppeal } from '../appeals/index.ts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { endOfAlmatyDay, maxExtendedDate } from '../deadlines/index.ts';
import { assertMay } from './process.policy.ts';
import { impossible, iso, withOwnAppeal } from './locked-appeal.ts';

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export async function extendTerm(ctx: AppContext, staff: Staff, id: string, input: { until: string; reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'an extension needs a written reason', { field: 'reason' });
  if (!isIsoDate(input.until)) throw new AppError('VALIDATION_FAILED', 'until must be a date YYYY-MM-DD', { field: 'until' });
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'extend', appeal);
    if (!(OPEN_STATUSES as readonly string[]).includes(appeal.status)) throw impossible('only an open appeal has a term to extend', { status: appeal.status });
    const now = ctx.clock.now();
    const current = appeal.legalDueAt;
    // Extending after the fact would hide a missed term.
    if (current && now > current) throw new AppError('TERM_EXPIRED', 'the term has already run out', { legalDueAt: iso(current) });
    const maxDate = await maxExtendedDate(ctx, appeal.receivedAt);
    if (input.until > maxDate) throw new AppError('EXTENSION_TOO_LONG', `at most ${maxDate}`, { field: 'until', maxDate });
    const legalDueAt = endOfAlmatyDay(input.until);
    if (current && legalDueAt <= current) throw new AppError('EXTENSION_NOT_LATER', 'the new term must end after the current one', { field: 'until', legalDueAt: iso(current) });
    await updateAppeal(tx, appeal.id, { legalDueAt, extended: true });
    await ctx.events.record(tx, {
      appealId: appeal.id,
      type: 'appeal.extended',
      at: now,
      actor: { id: staff.id, role: staff.role },
      reason,
      public: true,
      data: { until: input.until, previousLegalDueAt: iso(current), legalDueAt: legalDueAt.toISOString(), maxDate },
    });
    return { id: appeal.id, status: appeal.status, until: input.until, legalDueAt: legalDueAt.toISOString(), previousLegalDueAt: iso(current), maxDate };
  });
}
