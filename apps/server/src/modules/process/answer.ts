// Answers: the executor (or the communications department) drafts, a head or deputy
// signs, and signing sends it by the applicant's chosen method.
import { ANSWER_METHODS, type AnswerMethod } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { getReadableAppeal, moveAppeal, canSeeApplicant } from '../appeals/index.ts';
import { getBody } from '../bodies/index.ts';
import { answerProblem } from './answer-check.ts';
import { assertMay } from './process.policy.ts';
import * as repo from './process.repository.ts';
import type { AnswerResolution } from './resolutions.ts';
import { impossible, iso, withOwnAppeal, type LockedAppeal } from './locked-appeal.ts';

export interface AnswerInput {
  text: string;
  resolution: AnswerResolution;
  deliveryMethod?: AnswerMethod;
}

export function assertAcceptableAnswer(text: string): void {
  const problem = answerProblem(text);
  if (problem) throw new AppError('ANSWER_NOT_ACCEPTABLE', `answer refused: ${problem}`, { field: 'text', problem });
}

/** The method the answer goes by must reach the applicant. */
function assertReachable(appeal: LockedAppeal, method: AnswerMethod): void {
  if (!ANSWER_METHODS.includes(method)) throw new AppError('VALIDATION_FAILED', 'unknown delivery method', { field: 'deliveryMethod' });
  const contact: Record<AnswerMethod, string | null> = { email: appeal.applicantEmail, sms: appeal.applicantPhone, paper: appeal.address, portal: 'portal' };
  if (!contact[method]) throw new AppError('CONTACT_REQUIRED', `no contact for ${method}`, { field: 'deliveryMethod' });
}

export async function draftAnswer(ctx: AppContext, staff: Staff, id: string, input: AnswerInput) {
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'draft_answer', appeal);
    if (appeal.status !== 'in_work') throw impossible('answers are drafted while the appeal is in work', { status: appeal.status });
    const text = input.text.trim();
    assertAcceptableAnswer(text);
    const deliveryMethod = input.deliveryMethod ?? (appeal.preferredAnswer as AnswerMethod);
    assertReachable(appeal, deliveryMethod);
    const now = ctx.clock.now();
    const draft = await repo.saveDraft(tx, { appealId: appeal.id, text, resolution: input.resolution, deliveryMethod, draftedBy: staff.id, at: now });
    await ctx.events.record(tx, {
      appealId: appeal.id,
      type: 'appeal.answer_drafted',
      at: now,
      actor: { id: staff.id, role: staff.role },
      data: { answerId: draft.id, resolution: input.resolution, deliveryMethod },
    });
    return { id: draft.id, appealId: appeal.id, status: draft.status, resolution: draft.resolution, deliveryMethod: draft.deliveryMethod, draftedAt: iso(draft.draftedAt) };
  });
}

/**
 * Send an answer: the appeal becomes `answered` with its resolution, and the applicant is
 * told by the answer's delivery method. Whether it beat each clock is kept on the event.
 */
export async function sendAnswer(
  ctx: AppContext,
  tx: Tx,
  staff: Staff,
  appeal: LockedAppeal,
  answer: { id: string; text: string; resolution: string; deliveryMethod: string },
  extra: Record<string, unknown> = {},
): Promise<Date> {
  const now = ctx.clock.now();
  const sent = await repo.markSent(tx, answer.id, staff.id, now);
  if (Number(sent.numUpdatedRows) !== 1) throw impossible('the draft changed meanwhile');
  await moveAppeal(
    ctx,
    tx,
    appeal,
    'answered',
    {
      type: 'appeal.answered',
      actor: staff,
      data: {
        answerId: answer.id,
        resolution: answer.resolution,
        deliveryMethod: answer.deliveryMethod,
        onTime: appeal.legalDueAt ? now <= appeal.legalDueAt : null,
        targetMet: appeal.targetDueAt ? now <= appeal.targetDueAt : null,
        ...extra,
      },
      // The text reaches the applicant's outbox but is not copied into the event log.
      transient: { text: answer.text },
    },
    { answeredAt: now, resolution: answer.resolution },
  );
  return now;
}

export async function signAnswer(ctx: AppContext, staff: Staff, id: string) {
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'sign', appeal, await getBody(ctx, appeal.bodyId));
    if (appeal.status !== 'in_work') throw impossible('only an appeal in work can be answered', { status: appeal.status });
    const draft = await repo.findDraft(tx, appeal.id);
    if (!draft) throw new AppError('NO_ANSWER_DRAFT');
    assertAcceptableAnswer(draft.text);
    const at = await sendAnswer(ctx, tx, staff, appeal, draft);
    return { id: appeal.id, status: 'answered', answerId: draft.id, resolution: draft.resolution, deliveryMethod: draft.deliveryMethod, answeredAt: at.toISOString() };
  });
}

/** Drafts and sent answers of an appeal; their text is personal data for readers outside the body. */
export async function listAnswers(ctx: AppContext, staff: Staff, id: string) {
  const appeal = await getReadableAppeal(ctx, staff, id);
  const showText = canSeeApplicant(staff, appeal);
  const rows = await repo.listAnswers(ctx.db, appeal.id);
  return { items: rows.map((r) => ({ ...r, text: showText ? r.text : null, draftedAt: iso(r.draftedAt), signedAt: iso(r.signedAt) })) };
}
