// The applicant's word on a fix: after an answer that says the problem was solved
// (`resolved`), the applicant confirms it or refutes it, once, within FIX_VERDICT_DAYS of
// the answer, with the tracking number and access code. A refutal opens the disagreement
// complaint the feedback form opens (process module), so both ways of saying "it was not
// fixed" are one kind of appeal, counted the same; the map then shows the place as not
// solved. Both verdicts are public events of the appeal.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { inTransaction } from '../../platform/events.ts';
import { trackAppeal } from '../appeals/index.ts';
import { openDisagreementComplaint } from '../process/index.ts';
import { FIX_VERDICT_DAYS } from './citymap.policy.ts';
import * as repo from './citymap.repository.ts';

const DAY_MS = 86_400_000;

export interface VerdictInput {
  code: string;
  verdict: 'confirmed' | 'refuted';
  comment?: string;
}

type Tracked = Awaited<ReturnType<typeof trackAppeal>>['appeal'];

function windowOf(appeal: Tracked): { open: boolean; until: Date | null } {
  const resolved = appeal.resolution === 'resolved' && !!appeal.answeredAt && (appeal.status === 'answered' || appeal.status === 'closed');
  return { open: resolved, until: resolved ? new Date(appeal.answeredAt!.getTime() + FIX_VERDICT_DAYS * DAY_MS) : null };
}

/** What the tracking page shows: whether a verdict may be given, until when, and the one given. */
export async function fixState(ctx: AppContext, number: string, code: string) {
  const { appeal } = await trackAppeal(ctx, number, code);
  const w = windowOf(appeal);
  const given = await repo.findVerdict(ctx.db, appeal.id);
  return {
    number: appeal.number,
    asked: w.open,
    until: w.until?.toISOString() ?? null,
    canGive: w.open && !given && ctx.clock.now() <= w.until!,
    verdict: given ? { verdict: given.verdict, at: given.at.toISOString() } : null,
  };
}

export async function giveFixVerdict(ctx: AppContext, number: string, input: VerdictInput) {
  const { appeal } = await trackAppeal(ctx, number, input.code);
  const w = windowOf(appeal);
  if (!w.open) throw new AppError('FIX_NOT_RESOLVED');
  const now = ctx.clock.now();
  if (now > w.until!) throw new AppError('FIX_VERDICT_CLOSED', undefined, { until: w.until!.toISOString() });
  const comment = input.comment?.trim() || null;
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.insertVerdict(tx, { appealId: appeal.id, bodyId: appeal.bodyId, verdict: input.verdict, comment, at: now }))) throw new AppError('FIX_VERDICT_GIVEN');
    let complaint: { id: string; number: string; accessCode: string } | null = null;
    if (input.verdict === 'refuted') {
      complaint = await openDisagreementComplaint(inTransaction(ctx, tx), tx, appeal, comment);
      await repo.setVerdictComplaint(tx, appeal.id, complaint.id);
    }
    await ctx.events.record(tx, {
      appealId: appeal.id,
      type: input.verdict === 'confirmed' ? 'appeal.fix_confirmed' : 'appeal.fix_refuted',
      at: now,
      reason: comment,
      public: true,
      data: complaint ? { complaintId: complaint.id, number: complaint.number } : {},
    });
    return { number: appeal.number, verdict: input.verdict, complaint: complaint && { number: complaint.number, accessCode: complaint.accessCode } };
  });
}

/** Counted: how many fixes the applicants confirmed and refuted (a body, a period). */
export async function verdictCounts(ctx: AppContext, q: { body?: string; from?: string; to?: string }) {
  const bodyId = q.body ? await repo.bodyIdByCode(ctx.db, q.body) : undefined;
  if (q.body && !bodyId) throw new AppError('BODY_NOT_FOUND');
  const parse = (v: string | undefined, field: string) => {
    if (!v) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', undefined, { field });
    return d;
  };
  const counts = await repo.countVerdicts(ctx.db, { bodyId, from: parse(q.from, 'from'), to: parse(q.to, 'to') });
  return { ...counts, total: counts.confirmed + counts.refuted };
}
