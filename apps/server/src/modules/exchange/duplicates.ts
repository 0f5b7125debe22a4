// Duplicates: the same applicant's appeal received through a national system and through
// another channel of the same body within 3 working days, with nearly the same text
// (pg_trgm similarity ≥ 0.5 — the register already has the extension for its search), is
// flagged for staff. Merging is the register's merge action; here they are listed and a
// false alarm is dismissed.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { addWorkingDays, almatyDate } from '../deadlines/index.ts';
import * as repo from './exchange.repository.ts';
import { assertMayReadDuplicates } from './exchange.policy.ts';

export const SIMILARITY_THRESHOLD = 0.5;
export const WINDOW_WORKING_DAYS = 3;

/** Flags new pairs among the appeals exchanged in the last week; the count flagged. */
export async function findDuplicates(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  // 3 working days are at most 3 + a long holiday: 10 calendar days either side are read, the working days decide.
  const candidates = await repo.duplicateCandidates(ctx.db, new Date(now.getTime() - 14 * 86_400_000), 10, SIMILARITY_THRESHOLD);
  const kept = [];
  for (const c of candidates) {
    const [first, second] = c.exchangedAt <= c.otherAt ? [c.exchangedAt, c.otherAt] : [c.otherAt, c.exchangedAt];
    const limit = await addWorkingDays(ctx, almatyDate(first), WINDOW_WORKING_DAYS);
    if (almatyDate(second) <= limit) kept.push({ bodyId: c.bodyId, exchangedAppealId: c.exchangedId, otherAppealId: c.otherId, similarity: c.similarity, at: now });
  }
  return repo.insertDuplicates(ctx.db, kept);
}

export async function listDuplicates(ctx: AppContext, staff: Staff, q: { status?: 'open' | 'dismissed'; limit: number }) {
  assertMayReadDuplicates(staff);
  const rows = await repo.listDuplicateRows(ctx.db, staff.bodyId, { status: q.status ?? 'open', limit: q.limit });
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      similarity: Math.round(r.similarity * 100) / 100,
      status: r.status,
      foundAt: r.foundAt.toISOString(),
      exchanged: { id: r.exchangedId, number: r.exchangedNumber, channel: r.exchangedChannel, externalNumber: r.externalNumber, receivedAt: r.exchangedReceivedAt.toISOString(), status: r.exchangedStatus, text: r.exchangedText },
      other: { id: r.otherId, number: r.otherNumber, channel: r.otherChannel, receivedAt: r.otherReceivedAt.toISOString(), status: r.otherStatus, text: r.otherText },
    })),
  };
}

export async function dismissDuplicateFlag(ctx: AppContext, staff: Staff, id: string) {
  assertMayReadDuplicates(staff);
  if (!/^\d{1,15}$/.test(id) || !(await repo.dismissDuplicate(ctx.db, staff.bodyId, Number(id), staff.id, ctx.clock.now()))) throw new AppError('NOT_FOUND');
  return { id, status: 'dismissed' };
}
