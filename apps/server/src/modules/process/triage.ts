// Competence triage: ours -> in work (difficulty, unit, channel target); another body's ->
// redirect (redirect.ts); nobody's -> the body's standard reply, answered and closed.
import type { Difficulty, Language, Localized } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { assertMove, findRepeatOf, moveAppeal } from '../appeals/index.ts';
import { assertTopicExists, findUnitForTopic, getBody } from '../bodies/index.ts';
import { almatyDate, channelTargetDueAt } from '../deadlines/index.ts';
import { assertAcceptableAnswer, sendAnswer } from './answer.ts';
import { assertMay } from './process.policy.ts';
import * as repo from './process.repository.ts';
import { redirectAppeal } from './redirect.ts';
import { standardReply } from './standard-reply.ts';
import { impossible, iso, withOwnAppeal, type LockedAppeal } from './locked-appeal.ts';

export interface TriageInput {
  competence: 'own' | 'other' | 'none';
  targetBodyId?: string;
  difficulty?: Difficulty;
  topicCode?: string;
  unitId?: string;
  reason?: string;
}

export async function triageAppeal(ctx: AppContext, staff: Staff, id: string, input: TriageInput) {
  if (input.competence === 'other' && !input.targetBodyId) throw new AppError('VALIDATION_FAILED', 'targetBodyId is required to redirect', { field: 'targetBodyId' });
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'triage', appeal);
    const reason = input.reason?.trim() || null;
    if (input.competence === 'other') return redirectAppeal(ctx, tx, staff, appeal, { targetBodyId: input.targetBodyId!, topicCode: input.topicCode, reason });
    if (input.competence === 'none') return answerNoCompetence(ctx, tx, staff, appeal, reason);
    return takeIntoWork(ctx, tx, staff, appeal, input, reason);
  });
}

async function takeIntoWork(ctx: AppContext, tx: Tx, staff: Staff, appeal: LockedAppeal, input: TriageInput, reason: string | null) {
  if (appeal.status !== 'registered') throw impossible('only a newly registered appeal is triaged as our own', { status: appeal.status });
  const topicCode = input.topicCode ?? appeal.topicCode;
  const topic = topicCode ? await assertTopicExists(ctx, topicCode) : undefined;
  const difficulty: Difficulty = input.difficulty ?? ((topic?.defaultDifficulty as Difficulty | undefined) ?? 'medium');
  let unitId: string | null;
  if (input.unitId) {
    const unit = await repo.findUnit(tx, input.unitId);
    if (!unit || unit.bodyId !== appeal.bodyId) throw new AppError('UNIT_NOT_FOUND', 'the unit must belong to the appeal’s body', { field: 'unitId' });
    unitId = unit.id;
  } else {
    unitId = await findUnitForTopic(ctx, appeal.bodyId, topicCode);
  }
  const targetDueAt = await channelTargetDueAt(ctx, { bodyId: appeal.bodyId, channel: appeal.channel, difficulty, receivedAt: appeal.receivedAt });
  // A topic chosen only now may reveal a repeat that intake could not see.
  const repeatOfId =
    appeal.repeatOfId ??
    (topicCode !== appeal.topicCode
      ? await findRepeatOf(tx, { iin: appeal.applicantIin, email: appeal.applicantEmail, phone: appeal.applicantPhone, topicCode, receivedAt: appeal.receivedAt, excludeId: appeal.id, confidential: appeal.confidential, bodyId: appeal.bodyId })
      : null);
  await moveAppeal(
    ctx,
    tx,
    appeal,
    'in_work',
    {
      type: 'appeal.triaged',
      actor: staff,
      reason,
      data: { competence: 'own', difficulty, topicCode, unitId, targetDueAt: targetDueAt.toISOString(), ...(repeatOfId && !appeal.repeatOfId ? { repeatOfId } : {}) },
    },
    { difficulty, topicCode, unitId, targetDueAt, repeatOfId },
  );
  return { id: appeal.id, status: 'in_work', competence: 'own', difficulty, topicCode, unitId, targetDueAt: iso(targetDueAt), legalDueAt: iso(appeal.legalDueAt), repeatOfId };
}

/** Nobody's competence: the body's standard reply is sent at once (resolution `explained`) and the appeal closed. */
async function answerNoCompetence(ctx: AppContext, tx: Tx, staff: Staff, appeal: LockedAppeal, reason: string | null) {
  assertMove(appeal.status, 'answered');
  const body = await getBody(ctx, appeal.bodyId);
  const name: Localized = { kk: body.nameKk, ru: body.nameRu, en: body.nameEn };
  const settings = body.settings as { noCompetenceReply?: Partial<Localized> };
  const text = standardReply(appeal.language as Language, {
    applicantName: appeal.applicantName,
    number: appeal.number,
    date: almatyDate(appeal.receivedAt).split('-').reverse().join('.'),
    body: name,
    reason,
    template: settings.noCompetenceReply,
  });
  assertAcceptableAnswer(text);
  const now = ctx.clock.now();
  const draft = await repo.saveDraft(tx, { appealId: appeal.id, text, resolution: 'explained', deliveryMethod: appeal.preferredAnswer, draftedBy: staff.id, at: now, standardReply: true });
  await sendAnswer(ctx, tx, staff, appeal, { id: draft.id, text, resolution: 'explained', deliveryMethod: appeal.preferredAnswer }, { competence: 'none', standardReply: true });
  await moveAppeal(ctx, tx, { id: appeal.id, status: 'answered' }, 'closed', { type: 'appeal.closed', actor: staff, reason, data: { competence: 'none' } }, { closedAt: now });
  return { id: appeal.id, status: 'closed', competence: 'none', resolution: 'explained', answerId: draft.id };
}
