// Confidentiality of an appeal: set at intake for the trust phone, inherited by everything
// made from a confidential appeal, or marked by the body (an ethics case that came by
// letter) — never removed. Every opening of a confidential card is an event on the
// appeal's own log, which the body's ethics commissioner and oversight can list.
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import { CONFIDENTIAL_MARKERS } from './appeals.policy.ts';
import { CARD_READ_EVENT, getReadableAppeal, lockOwnAppeal } from './appeals.service.ts';

export const MARKED_CONFIDENTIAL_EVENT = 'appeal.marked_confidential';

/** Who may list the reads of a confidential card: the body's ethics commissioner, and oversight. */
function mayListReads(staff: Staff, appeal: { bodyId: string }): boolean {
  return (staff.role === 'ethics_commissioner' && staff.bodyId === appeal.bodyId) || staff.role === 'oversight';
}

export async function listCardReads(ctx: AppContext, staff: Staff, id: string, q: { limit: number; cursor?: string }) {
  const appeal = await getReadableAppeal(ctx, staff, id);
  if (!mayListReads(staff, appeal)) throw new AppError('FORBIDDEN');
  const cursor = decodeCursor(q.cursor, 1);
  const after = cursor ? Number(cursor[0]) : undefined;
  if (after !== undefined && !Number.isSafeInteger(after)) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  const rows = await ctx.db
    .selectFrom('appealEvent as e')
    .leftJoin('staffUser as u', 'u.id', 'e.actorId')
    .select(['e.id', 'e.at', 'e.actorId', 'e.actorRole', 'u.name as actorName'])
    .where('e.appealId', '=', appeal.id)
    .where('e.type', '=', CARD_READ_EVENT)
    .$if(after !== undefined, (qb) => qb.where('e.id', '<', after!))
    .orderBy('e.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = pageOf(rows, q.limit, (r) => [r.id]);
  return {
    id: appeal.id,
    confidential: appeal.confidential,
    items: page.items.map((r) => ({ at: r.at.toISOString(), actorId: r.actorId, actorRole: r.actorRole, actorName: r.actorName })),
    nextCursor: page.nextCursor,
  };
}

/**
 * The appeal and everything made from it, to any depth: redirect copies, complaints from
 * disagreement (appeal_feedback, the process module's) and reception follow-ups (the
 * reception module's). Read as SQL over those tables because the mark must reach them in
 * one transaction, whichever module made them.
 */
async function madeFrom(tx: Tx, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive made_from as (
      select ${id}::uuid as id
      union
      select x.child from made_from m
        join lateral (
          select a.id as child from appeal a where a.redirected_from_id = m.id
          union all
          select f.complaint_id from appeal_feedback f where f.appeal_id = m.id and f.complaint_id is not null
          union all
          select fu.appeal_id from reception_booking b join reception_follow_up fu on fu.booking_id = b.id where b.appeal_id = m.id
        ) x on true
    )
    select id from made_from limit 1000`.execute(tx);
  return rows.map((r) => r.id);
}

/**
 * Mark an appeal of the body confidential: head, deputy or ethics commissioner. Idempotent
 * (marking it again changes nothing and records nothing); never removed. What was made from
 * it becomes confidential too, and repeat links to ordinary appeals are cut both ways.
 */
export async function markConfidential(ctx: AppContext, staff: Staff, id: string, input: { reason?: string } = {}) {
  return ctx.db.transaction().execute(async (tx) => {
    const appeal = await lockOwnAppeal(tx, staff, id);
    if (!CONFIDENTIAL_MARKERS.includes(staff.role)) throw new AppError('FORBIDDEN', `${staff.role} may not mark an appeal confidential`);
    if (appeal.confidential) return { id: appeal.id, confidential: true, changed: false, inherited: [] as string[] };
    const ids = await madeFrom(tx, appeal.id);
    const newly = await tx.updateTable('appeal').set({ confidential: true }).where('id', 'in', ids).where('confidential', '=', false).returning(['id']).execute();
    const marked = newly.map((r) => r.id);
    // No link between a confidential appeal and an ordinary one, in either direction; among
    // confidential ones, only within the body.
    await sql`update appeal a set repeat_of_id = null
                from appeal p
               where p.id = a.repeat_of_id
                 and (a.id = any(${marked}::uuid[]) or p.id = any(${marked}::uuid[]))
                 and (p.confidential <> a.confidential or (a.confidential and p.body_id <> a.body_id))`.execute(tx);
    const now = ctx.clock.now();
    const reason = input.reason?.trim() || null;
    for (const appealId of marked) {
      await ctx.events.record(tx, {
        appealId,
        type: MARKED_CONFIDENTIAL_EVENT,
        at: now,
        actor: { id: staff.id, role: staff.role },
        reason,
        public: false,
        data: appealId === appeal.id ? {} : { inheritedFromId: appeal.id },
      });
    }
    return { id: appeal.id, confidential: true, changed: true, inherited: marked.filter((x) => x !== appeal.id) };
  });
}
