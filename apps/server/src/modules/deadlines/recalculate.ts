// When an administrator changes the calendar, the stored terms of open appeals that run
// over the changed date are counted again on the new calendar, each change an event
// (`appeal.terms_recalculated`). An extended legal term is the head's decision and stays.
import type { Difficulty } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { OPEN_STATUSES } from '../appeals/index.ts';
import type { Staff } from '../auth/index.ts';
import { endOfAlmatyDay, startOfAlmatyDay } from './dates.ts';
import * as repo from './deadlines.repository.ts';
import { channelTargetDueAt, termsOnReceipt } from './terms.ts';

export async function recalculateOpenTerms(ctx: AppContext, date: string, actor: Staff | null): Promise<number> {
  const appeals = await repo.openAppealsSpanning(ctx.db, startOfAlmatyDay(date), endOfAlmatyDay(date), OPEN_STATUSES);
  let changed = 0;
  for (const a of appeals) {
    const terms = await termsOnReceipt(ctx, a.receivedAt);
    const next: { legalDueAt?: Date; redirectDueAt?: Date; targetDueAt?: Date } = {};
    if (!a.extended && a.legalDueAt?.getTime() !== terms.legalDueAt.getTime()) next.legalDueAt = terms.legalDueAt;
    if (a.redirectDueAt?.getTime() !== terms.redirectDueAt.getTime()) next.redirectDueAt = terms.redirectDueAt;
    if (a.targetDueAt && a.difficulty) {
      const target = await channelTargetDueAt(ctx, { bodyId: a.bodyId, channel: a.channel, difficulty: a.difficulty as Difficulty, receivedAt: a.receivedAt });
      if (target.getTime() !== a.targetDueAt.getTime()) next.targetDueAt = target;
    }
    if (Object.keys(next).length === 0) continue;
    const before = { legalDueAt: a.legalDueAt, redirectDueAt: a.redirectDueAt, targetDueAt: a.targetDueAt };
    await ctx.db.transaction().execute(async (tx) => {
      await repo.updateTerms(tx, a.id, next);
      await ctx.events.record(tx, {
        appealId: a.id,
        type: 'appeal.terms_recalculated',
        at: ctx.clock.now(),
        actor: actor ? { id: actor.id, role: actor.role } : null,
        reason: `calendar changed on ${date}`,
        public: false,
        data: Object.fromEntries(Object.entries(next).map(([k, v]) => [k, { from: before[k as keyof typeof before]?.toISOString() ?? null, to: v.toISOString() }])),
      });
    });
    changed++;
  }
  return changed;
}
