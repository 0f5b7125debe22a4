// Links between appeals, for the card: the redirect chain A -> B -> C through an appeal,
// and the appeals that repeat it (a new appeal of the same applicant on the same topic
// within 12 months, found at intake or triage; a complaint about its answer). Repeats are
// detected in the appeals module (one indexed lookup at intake); this reads them back.
// A confidential appeal's links are for the body's ethics commissioner alone, and a link
// never joins a confidential appeal to an ordinary one: such entries are never listed.
import type { AppContext } from '../../app-context.ts';
import type { Staff } from '../../platform/staff.ts';
import { canSeeApplicant, getReadableAppeal } from '../appeals/index.ts';
import * as repo from './process.repository.ts';

export async function listAppealLinks(ctx: AppContext, staff: Staff, id: string) {
  const appeal = await getReadableAppeal(ctx, staff, id);
  if (appeal.confidential && !canSeeApplicant(staff, appeal)) {
    return { id: appeal.id, redirectedFromId: null, repeatOfId: null, redirectChain: [], repeats: [] };
  }
  const { chain, repeats } = await repo.listLinks(ctx.db, appeal.id);
  const sameSide = (a: { confidential: boolean; bodyId: string }) => a.confidential === appeal.confidential;
  return {
    id: appeal.id,
    redirectedFromId: appeal.redirectedFromId,
    repeatOfId: appeal.repeatOfId,
    redirectChain: chain.filter(sameSide).map(({ confidential: _, ...a }) => ({ ...a, receivedAt: new Date(a.receivedAt).toISOString() })),
    repeats: repeats.filter((a) => sameSide(a) && (!a.confidential || a.bodyId === appeal.bodyId)).map(({ confidential: _, ...a }) => ({ ...a, receivedAt: a.receivedAt.toISOString() })),
  };
}
