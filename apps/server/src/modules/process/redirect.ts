// Redirect (переадресация, APPC art. 65): the appeal belongs to another body. A new linked
// appeal enters that body's register — same applicant, text and attachments, a new number
// and access code, received now, so its own terms (art. 76 and art. 65) run from its
// receipt by the competent body. The original becomes `redirected`; in the same
// transaction the applicant gets the redirect notice (target body, new number) and the new
// appeal's registration receipt (number and access code). Late when done after the
// original's redirect due date (3 working days of its receipt).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../auth/index.ts';
import { assertMove, moveAppeal, registerLinkedAppeal } from '../appeals/index.ts';
import { assertTopicExists, getBody } from '../bodies/index.ts';
import type { LockedAppeal } from './locked-appeal.ts';

export async function redirectAppeal(
  ctx: AppContext,
  tx: Tx,
  staff: Staff,
  appeal: LockedAppeal,
  input: { targetBodyId: string; topicCode?: string; reason: string | null },
) {
  assertMove(appeal.status, 'redirected');
  const target = await getBody(ctx, input.targetBodyId);
  if (target.id === appeal.bodyId) throw new AppError('REDIRECT_TO_SELF', undefined, { field: 'targetBodyId' });
  if (input.topicCode) await assertTopicExists(ctx, input.topicCode);
  const now = ctx.clock.now();
  const late = !!appeal.redirectDueAt && now > appeal.redirectDueAt;
  const copy = await registerLinkedAppeal(ctx, tx, appeal.id, {
    bodyId: target.id,
    redirectedFromId: appeal.id,
    topicCode: input.topicCode,
    copyAttachments: true,
    staff,
    data: { redirectedFromNumber: appeal.number, redirectedFromBodyId: appeal.bodyId },
  });
  await moveAppeal(
    ctx,
    tx,
    appeal,
    'redirected',
    {
      type: 'appeal.redirected',
      actor: staff,
      reason: input.reason,
      data: {
        competence: 'other',
        targetBodyId: target.id,
        targetBodyName: { kk: target.nameKk, ru: target.nameRu, en: target.nameEn },
        newAppealId: copy.id,
        number: copy.number,
        redirectDueAt: appeal.redirectDueAt?.toISOString() ?? null,
        late,
      },
    },
    { resolution: 'redirected' },
  );
  return { id: appeal.id, status: 'redirected', competence: 'other', late, newAppeal: { id: copy.id, number: copy.number, bodyId: target.id } };
}
