// When the calendar changes, the stored terms of open appeals that run over the changed date
// are counted again on the new calendar, each change an event (`appeal.terms_recalculated`).
// An extended legal term is the head's decision and stays. recount-job.ts walks the appeals.
import type { Difficulty } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import type { Tx } from '../../platform/events.ts';
import * as repo from './deadlines.repository.ts';
import { channelTargetDueAt, termsOnReceipt } from './terms.ts';

export interface OpenAppealTerms {
  id: string;
  bodyId: string;
  channel: string;
  difficulty: string | null;
  receivedAt: Date;
  legalDueAt: Date | null;
  targetDueAt: Date | null;
  redirectDueAt: Date | null;
  extended: boolean;
}

type Terms = { legalDueAt?: Date; redirectDueAt?: Date; targetDueAt?: Date };

/** The terms of an appeal that differ on the current calendar (read through the pool, before any transaction). */
export async function changedTerms(ctx: AppContext, a: OpenAppealTerms): Promise<Terms> {
  const terms = await termsOnReceipt(ctx, a.receivedAt);
  const next: Terms = {};
  if (!a.extended && a.legalDueAt?.getTime() !== terms.legalDueAt.getTime()) next.legalDueAt = terms.legalDueAt;
  if (a.redirectDueAt?.getTime() !== terms.redirectDueAt.getTime()) next.redirectDueAt = terms.redirectDueAt;
  if (a.targetDueAt && a.difficulty) {
    const target = await channelTargetDueAt(ctx, { bodyId: a.bodyId, channel: a.channel, difficulty: a.difficulty as Difficulty, receivedAt: a.receivedAt });
    if (target.getTime() !== a.targetDueAt.getTime()) next.targetDueAt = target;
  }
  return next;
}

/** Writes the new terms and their event in the caller's transaction; false when nothing changed. */
export async function recordTerms(ctx: AppContext, tx: Tx, a: OpenAppealTerms, next: Terms, date: string, actor: { id: string; role: string } | null): Promise<boolean> {
  if (Object.keys(next).length === 0) return false;
  const before = { legalDueAt: a.legalDueAt, redirectDueAt: a.redirectDueAt, targetDueAt: a.targetDueAt };
  await repo.updateTerms(tx, a.id, next);
  await ctx.events.record(tx, {
    appealId: a.id,
    type: 'appeal.terms_recalculated',
    at: ctx.clock.now(),
    actor,
    reason: `calendar changed on ${date}`,
    public: false,
    data: Object.fromEntries(Object.entries(next).map(([k, v]) => [k, { from: before[k as keyof typeof before]?.toISOString() ?? null, to: v.toISOString() }])),
  });
  return true;
}
