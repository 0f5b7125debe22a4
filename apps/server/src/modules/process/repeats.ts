// Links between appeals, for the card: the redirect chain A -> B -> C through an appeal,
// and the appeals that repeat it (a new appeal of the same applicant on the same topic
// within 12 months, found at intake or triage; a complaint about its answer). Repeats are
// detected in the appeals module (one indexed lookup at intake); this reads them back.
import type { AppContext } from '../../app-context.ts';
import type { Staff } from '../auth/index.ts';
import { getReadableAppeal } from '../appeals/index.ts';
import * as repo from './process.repository.ts';

export async function listAppealLinks(ctx: AppContext, staff: Staff, id: string) {
  const appeal = await getReadableAppeal(ctx, staff, id);
  const { chain, repeats } = await repo.listLinks(ctx.db, appeal.id);
  return {
    id: appeal.id,
    redirectedFromId: appeal.redirectedFromId,
    repeatOfId: appeal.repeatOfId,
    redirectChain: chain.map((a) => ({ ...a, receivedAt: new Date(a.receivedAt).toISOString() })),
    repeats: repeats.map((a) => ({ ...a, receivedAt: a.receivedAt.toISOString() })),
  };
}
