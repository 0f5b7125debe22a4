// Redirect (переадресация, APPC art. 65): the appeal belongs to another body. A new linked
// appeal enters that body's register — same applicant, text and attachments, a new number
// and access code, received now, so its own terms (art. 76 and art. 65) run from its
// receipt by the competent body. The original becomes `redirected`; in the same
// transaction the applicant gets the redirect notice (target body, new number) and the new
// appeal's registration receipt (number and access code). Late when done after the
// original's redirect due date (3 working days of its receipt).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { inTransaction, type Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { assertMove, lockOwnAppeal, moveAppeal, registerLinkedAppeal } from '../appeals/index.ts';
import { assertTopicExists, getBody } from '../bodies/index.ts';
import type { LockedAppeal } from './locked-appeal.ts';

export interface RedirectInput {
  targetBodyId: string;
  topicCode?: string;
  reason: string | null;
  /** Extra data for the `appeal.redirected` event (e.g. a reception booking's id). */
  data?: Record<string, unknown>;
}

/**
 * Redirect inside the caller's transaction, for other modules (a reception booking
 * found to be another body's). The caller has checked who may do it.
 */
export async function redirectInTransaction(ctx: AppContext, tx: Tx, staff: Staff, appealId: string, input: RedirectInput) {
  return redirectAppeal(ctx, tx, staff, await lockOwnAppeal(tx, staff, appealId), input);
}

export async function redirectAppeal(ctx: AppContext, tx: Tx, staff: Staff, appeal: LockedAppeal, input: RedirectInput) {
  assertMove(appeal.status, 'redirected');
  const target = await getBody(inTransaction(ctx, tx), input.targetBodyId);
  if (target.id === appeal.bodyId) throw new AppError('REDIRECT_TO_SELF', undefined, { field: 'targetBodyId' });
  if (input.topicCode) await assertTopicExists(inTransaction(ctx, tx), input.topicCode);
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
        ...input.data,
      },
    },
    { resolution: 'redirected' },
  );
  return { id: appeal.id, status: 'redirected', competence: 'other', late, newAppeal: { id: copy.id, number: copy.number, bodyId: target.id } };
}
