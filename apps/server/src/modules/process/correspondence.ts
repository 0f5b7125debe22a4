// What the applicant reads on the tracking page besides the history: the answer sent to
// them and the body's requests for more information (kept out of the event data, which
// other readers see).
import type { AppContext } from '../../app-context.ts';
import { trackAppeal } from '../appeals/index.ts';
import * as repo from './process.repository.ts';

export async function applicantCorrespondence(ctx: AppContext, number: string, code: string) {
  const { appeal } = await trackAppeal(ctx, number, code);
  const [answer, requests] = await Promise.all([repo.findSentAnswer(ctx.db, appeal.id), repo.listApplicantMessages(ctx.db, appeal.id)]);
  return {
    number: appeal.number,
    status: appeal.status,
    answer: answer ? { text: answer.text, resolution: answer.resolution, deliveryMethod: answer.deliveryMethod, sentAt: answer.signedAt?.toISOString() ?? null } : null,
    messages: requests.map((e) => ({ type: e.type, at: e.at.toISOString(), text: e.reason })),
  };
}

/** The answer sent to the applicant, for the tracking view (GET /track/{number}): text, resolution, when. */
export async function sentAnswerOf(ctx: AppContext, appealId: string) {
  const answer = await repo.findSentAnswer(ctx.db, appealId);
  return answer ? { text: answer.text, resolution: answer.resolution, deliveryMethod: answer.deliveryMethod, sentAt: answer.signedAt?.toISOString() ?? null } : null;
}
