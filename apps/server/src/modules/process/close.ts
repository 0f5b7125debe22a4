// Completion. Closing files an answered appeal (or one left without consideration) — it
// says nothing about whether the need was met: that is the resolution. Leaving without
// consideration is its own decision with a written reason (anonymous outside the trust
// phone, no substance, withdrawn…).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { moveAppeal } from '../appeals/index.ts';
import { assertMay } from './process.policy.ts';
import { withOwnAppeal } from './locked-appeal.ts';

export async function closeAppeal(ctx: AppContext, staff: Staff, id: string, input: { reason?: string } = {}) {
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'close', appeal);
    const now = ctx.clock.now();
    await moveAppeal(ctx, tx, appeal, 'closed', { type: 'appeal.closed', actor: staff, reason: input.reason?.trim() || null }, { closedAt: now });
    return { id: appeal.id, status: 'closed', resolution: appeal.resolution, closedAt: now.toISOString() };
  });
}

export async function leaveWithoutConsideration(ctx: AppContext, staff: Staff, id: string, input: { reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'a reason is required', { field: 'reason' });
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'leave_without_consideration', appeal);
    await moveAppeal(ctx, tx, appeal, 'left_without_consideration', { type: 'appeal.left_without_consideration', actor: staff, reason, transient: { reason } }, { resolution: 'left_without_consideration' });
    return { id: appeal.id, status: 'left_without_consideration', resolution: 'left_without_consideration' };
  });
}
