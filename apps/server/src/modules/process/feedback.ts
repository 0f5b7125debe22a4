// The applicant's verdict on the answer: a score of 1–5, once, with the access code. If
// they disagree, a complaint about the answer opens in the same body as a repeat of the
// original (repeatOfId), with its own number and code; both cards show the link.
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import type { Tx } from '../../platform/events.ts';
import { AppError } from '../../platform/errors.ts';
import { registerLinkedAppeal, trackAppeal, updateAppeal } from '../appeals/index.ts';
import * as repo from './process.repository.ts';
import { impossible } from './locked-appeal.ts';

export interface FeedbackInput {
  code: string;
  score: number;
  comment?: string;
  disagree?: boolean;
}

const COMPLAINT_OPENING: Record<Language, (n: string) => string> = {
  kk: (n) => `Өтініш беруші № ${n} өтінішке берілген жауаппен келіспейді.`,
  ru: (n) => `Заявитель не согласен с ответом на обращение № ${n}.`,
  en: (n) => `The applicant disagrees with the answer to appeal No. ${n}.`,
};

export async function giveFeedback(ctx: AppContext, number: string, input: FeedbackInput) {
  const { appeal } = await trackAppeal(ctx, number, input.code);
  if (!appeal.answeredAt) throw impossible('there is no answer to rate yet', { status: appeal.status });
  const comment = input.comment?.trim() || null;
  const disagree = input.disagree ?? false;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const first = await repo.insertFeedback(tx, { appealId: appeal.id, score: input.score, comment, disagree, at: now });
    if (!first) throw new AppError('FEEDBACK_ALREADY_GIVEN');
    await updateAppeal(tx, appeal.id, { satisfaction: input.score });
    let complaint: { id: string; number: string; accessCode: string } | null = null;
    if (disagree) {
      complaint = await openDisagreementComplaint(ctx, tx, appeal, comment);
      await repo.setFeedbackComplaint(tx, appeal.id, complaint.id);
    }
    await ctx.events.record(tx, {
      appealId: appeal.id,
      type: 'appeal.feedback',
      at: now,
      reason: comment,
      public: true,
      data: { score: input.score, disagree, ...(complaint ? { complaintId: complaint.id, number: complaint.number } : {}) },
    });
    return { number: appeal.number, score: input.score, disagree, complaint: complaint && { number: complaint.number, accessCode: complaint.accessCode } };
  });
}


/**
 * The complaint about an answer the applicant disagrees with: a linked appeal in the same
 * body, a repeat of the original, said on the tracking page (the body's website). Also
 * what a refuted fix opens (modules/citymap): one way to disagree, counted the same.
 */
export async function openDisagreementComplaint(
  ctx: AppContext,
  tx: Tx,
  appeal: { id: string; number: string; bodyId: string; language: string },
  comment: string | null,
): Promise<{ id: string; number: string; accessCode: string }> {
  const opening = COMPLAINT_OPENING[(appeal.language as Language) in COMPLAINT_OPENING ? (appeal.language as Language) : 'ru'](appeal.number);
  return registerLinkedAppeal(ctx, tx, appeal.id, {
    bodyId: appeal.bodyId,
    kind: 'complaint',
    channel: 'website',
    text: comment ? `${opening}\n\n${comment}` : opening,
    repeatOfId: appeal.id,
    data: { complaintAbout: appeal.number },
  });
}
