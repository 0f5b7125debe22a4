// Awaiting the applicant: for medium and heavy appeals the assigned executor may ask the
// applicant for clarification or documents; the applicant's reply (through staff, or by
// the applicant with the access code) puts the appeal back in work. The request and the
// reply are events; their text is kept as the event's reason (personal data, masked for
// readers outside the body), not in its data. The legal term keeps running (simplified:
// the APPC suspension cases are not modelled).
import type { AppContext } from '../../app-context.ts';
import type { Staff } from '../../platform/staff.ts';
import { moveAppeal, trackAppeal } from '../appeals/index.ts';
import { assertMay } from './process.policy.ts';
import { impossible, withOwnAppeal } from './locked-appeal.ts';

const MAY_ASK_FOR: readonly string[] = ['medium', 'heavy'];

export async function requestInfo(ctx: AppContext, staff: Staff, id: string, input: { text: string }) {
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'request_info', appeal);
    if (appeal.status !== 'in_work') throw impossible('information is asked for while the appeal is in work', { status: appeal.status });
    if (!MAY_ASK_FOR.includes(appeal.difficulty ?? '')) throw impossible('only medium and heavy appeals may wait for the applicant', { difficulty: appeal.difficulty });
    await moveAppeal(ctx, tx, appeal, 'awaiting_applicant', { type: 'appeal.info_requested', actor: staff, reason: input.text.trim(), transient: { text: input.text.trim() } });
    return { id: appeal.id, status: 'awaiting_applicant' };
  });
}

export async function recordInfoReceived(ctx: AppContext, staff: Staff, id: string, input: { text: string }) {
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'record_info', appeal);
    if (appeal.status !== 'awaiting_applicant') throw impossible('the appeal is not waiting for the applicant', { status: appeal.status });
    await moveAppeal(ctx, tx, appeal, 'in_work', { type: 'appeal.info_received', actor: staff, reason: input.text.trim(), data: { via: 'staff' } });
    return { id: appeal.id, status: 'in_work' };
  });
}

/** The applicant answers the request themselves, with the number and access code. */
export async function replyByApplicant(ctx: AppContext, number: string, code: string, input: { text: string }) {
  const { appeal } = await trackAppeal(ctx, number, code);
  if (appeal.status !== 'awaiting_applicant') throw impossible('the appeal is not waiting for the applicant', { status: appeal.status });
  await ctx.db.transaction().execute((tx) =>
    // moveAppeal refuses if someone moved the appeal since we read it.
    moveAppeal(ctx, tx, appeal, 'in_work', { type: 'appeal.info_received', reason: input.text.trim(), data: { via: 'applicant' } }),
  );
  return { number: appeal.number, status: 'in_work' };
}
