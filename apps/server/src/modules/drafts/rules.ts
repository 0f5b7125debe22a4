// The rules the platform applies to every open discussion by itself (every five minutes,
// on every server: each rule marks the discussion under its row lock, so it acts once):
//   - half of the term has passed with no comment -> the draft is announced again;
//   - over 100 comments -> the discussion is extended by 3 days (once);
//   - mostly negative comments (at least 10, over half against) -> the body's head and
//     communications officer are alerted to hold outreach (hearings, briefings);
//   - the term is over -> the discussion is closed (summary and revision may follow).
import type { AppContext } from '../../app-context.ts';
import { queueStaffNotification } from '../notify/index.ts';
import * as repo from './drafts.repository.ts';
import { OUTREACH_ROLES } from './drafts.policy.ts';
import type { Tx } from '../../platform/events.ts';
import { queueNotification } from '../notify/index.ts';

export const EXTEND_OVER_COMMENTS = 100;
export const EXTENSION_MS = 3 * 86_400_000;
export const NEGATIVE_MIN_COMMENTS = 10;
const EVERY_MS = 5 * 60_000;

export interface RulesOutcome {
  reannounced: string[];
  extended: string[];
  outreach: string[];
  closed: string[];
}

export async function applyDiscussionRules(ctx: AppContext): Promise<RulesOutcome> {
  const now = ctx.clock.now();
  const out: RulesOutcome = { reannounced: [], extended: [], outreach: [], closed: [] };
  for (const s of await repo.openDiscussionStats(ctx.db, now)) {
    await ctx.db.transaction().execute(async (tx) => {
      const d = await repo.findDiscussion(tx, s.id, true);
      if (!d || d.closedAt) return;
      if (s.total > EXTEND_OVER_COMMENTS && !d.extendedAt && d.closesAt > now) {
        await repo.updateDiscussion(tx, d.id, { closesAt: new Date(d.closesAt.getTime() + EXTENSION_MS), extendedAt: now });
        out.extended.push(d.id);
        return; // closing waits for the new term
      }
      if (d.closesAt <= now) {
        await repo.updateDiscussion(tx, d.id, { closedAt: now });
        out.closed.push(d.id);
        return;
      }
      const half = d.opensAt.getTime() + (d.closesAt.getTime() - d.opensAt.getTime()) / 2;
      if (s.total === 0 && !d.reannouncedAt && now.getTime() >= half) {
        await reannounce(ctx, tx, d);
        await repo.updateDiscussion(tx, d.id, { reannouncedAt: now });
        out.reannounced.push(d.id);
      }
      if (s.total >= NEGATIVE_MIN_COMMENTS && s.against * 2 > s.total && !d.outreachAlertedAt) {
        for (const u of await repo.staffOfBody(tx, d.bodyId, OUTREACH_ROLES)) {
          await queueStaffNotification(tx, { userId: u.id, template: 'staff.drafts_outreach', payload: { title: d.title, comments: s.total, against: s.against, discussionId: d.id }, at: now, dedupeKey: `drafts.outreach:${d.id}:${u.id}` });
        }
        await repo.updateDiscussion(tx, d.id, { outreachAlertedAt: now });
        out.outreach.push(d.id);
      }
    });
  }
  return out;
}

async function reannounce(ctx: AppContext, tx: Tx, d: NonNullable<repo.DiscussionRow>) {
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  for (const s of await repo.subscribersOf(tx, d.bodyId)) {
    await queueNotification(tx, {
      recipientKind: 'applicant',
      template: 'drafts.reannounced',
      channel: 'email',
      language: s.language,
      address: s.email,
      payload: { title: d.title, closesAt: d.closesAt.toISOString(), url: `${base}/${s.language}/drafts/${d.id}` },
      at: ctx.clock.now(),
      dedupeKey: `drafts.reannounced:${d.id}:${s.email}`,
    });
  }
}

export function startDiscussionRules(ctx: AppContext, warn: (msg: string, err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = applyDiscussionRules(ctx).catch((err: unknown) => warn('discussion rules failed', err));
  }, EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
