// A duplicate is answered with its parent's answer: when the parent is answered (or a
// duplicate is merged into an answered parent), each open duplicate gets the same text and
// resolution by its own applicant's answer method, in the same transaction.
import type { AppContext } from '../../app-context.ts';
import { inTransaction, type Tx } from '../../platform/events.ts';
import { lockOpenDuplicates, moveAppeal } from '../appeals/index.ts';
import * as repo from './process.repository.ts';

async function answerDuplicates(ctx: AppContext, tx: Tx, parentId: string, actor: { id: string; role: string } | null | undefined) {
  const children = await lockOpenDuplicates(tx, parentId);
  if (children.length === 0) return;
  const answer = await repo.findSentAnswer(tx, parentId);
  if (!answer) return;
  const txCtx = inTransaction(ctx, tx);
  const now = ctx.clock.now();
  for (const child of children) {
    let status = child.status;
    if (status === 'awaiting_applicant') {
      await moveAppeal(txCtx, tx, child, 'in_work', { type: 'appeal.resumed_with_parent', data: { parentId } });
      status = 'in_work';
    }
    const sent = await repo.insertSentAnswer(tx, {
      appealId: child.id,
      text: answer.text,
      resolution: answer.resolution,
      deliveryMethod: child.preferredAnswer,
      by: actor?.id ?? answer.signedBy,
      at: now,
    });
    await moveAppeal(
      txCtx,
      tx,
      { id: child.id, status },
      'answered',
      {
        type: 'appeal.answered',
        data: {
          answerId: sent.id,
          resolution: answer.resolution,
          deliveryMethod: child.preferredAnswer,
          onTime: child.legalDueAt ? now <= child.legalDueAt : null,
          targetMet: child.targetDueAt ? now <= child.targetDueAt : null,
          answeredWithParentId: parentId,
        },
        transient: { text: answer.text },
      },
      { answeredAt: now, resolution: answer.resolution },
    );
  }
}

export function subscribeDuplicateAnswers(ctx: AppContext): void {
  ctx.events.on('appeal.answered', async (tx, e) => {
    if (e.data?.answeredWithParentId) return;
    await answerDuplicates(ctx, tx, e.appealId, e.actor);
  });
  ctx.events.on('appeal.duplicates_due', (tx, e) => answerDuplicates(ctx, tx, e.appealId, e.actor));
}
