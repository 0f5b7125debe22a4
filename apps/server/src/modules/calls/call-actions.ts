// What an operator makes of a call, each through the register's own intake
// (`registerAppeal`) and linked to the call in the appeal's transaction:
//   - a consultation answered on the first line: an `inquiry` of the line's channel,
//     resolution `explained`, answered and closed at once (a first-call resolution);
//   - an appeal of the line's channel, to be worked through the common process;
//   - an appeal of another body's competence: registered here and redirected through the
//     common process (art. 65), so the applicant gets the new body's number.
import type { AnswerMethod, AppealKind, Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { detectLanguage, moveAppeal, registerAppeal, type AppealInput, type RegisteredAppeal } from '../appeals/index.ts';
import { redirectInTransaction } from '../process/index.ts';
import { assertMayAct, assertMayUseIdentity } from './calls.policy.ts';
import { findOwnCall, type CallRow } from './calls.service.ts';
import { displayNumber } from './numbers.ts';

type Applicant = AppealInput['applicant'];
type Outcome = 'consultation' | 'appeal' | 'redirect';

/** Who a consultation is registered for when the operator does not ask the caller's name. */
const CALLER: Record<Language, string> = { kk: 'Қоңырау шалушы', ru: 'Позвонивший', en: 'Caller' };

function assertApplicantAllowed(staff: Staff, call: CallRow, applicant: Applicant) {
  // An anonymous trust-phone report may be taken by the operator; a name or contact may not.
  if (applicant.type !== 'anonymous') assertMayUseIdentity(staff, call);
}

async function link(tx: Tx, call: CallRow, appeal: RegisteredAppeal, outcome: Outcome, staff: Staff, at: Date) {
  await tx.insertInto('callAppeal').values({ callId: call.id, appealId: appeal.id, outcome, createdAt: at, createdBy: staff.id }).execute();
}

async function register(
  ctx: AppContext,
  staff: Staff,
  call: CallRow,
  input: Omit<AppealInput, 'bodyId' | 'channel'>,
  outcome: Outcome,
  idempotencyKey: string | undefined,
  then?: (tx: Tx, appeal: RegisteredAppeal) => Promise<void>,
) {
  const language = input.language ?? (call.language as Language | null) ?? detectLanguage(input.text);
  return registerAppeal(ctx, { ...input, language, bodyId: staff.bodyId, channel: call.channel as AppealInput['channel'] }, {
    staff,
    idempotencyKey: idempotencyKey ? `call:${call.id}:${outcome}:${idempotencyKey}` : undefined,
    within: async (tx, appeal) => {
      await link(tx, call, appeal, outcome, staff, ctx.clock.now());
      await then?.(tx, appeal);
    },
  });
}

export interface ConsultationInput {
  text: string;
  topicCode?: string;
  language?: Language;
  applicant?: Applicant;
}

/** A question answered on the call itself from the knowledge base: registered, explained and closed in one go. */
export async function recordConsultation(ctx: AppContext, staff: Staff, id: string, input: ConsultationInput, idempotencyKey?: string) {
  const call = await findOwnCall(ctx, staff, id);
  assertMayAct(staff, call);
  const language = input.language ?? (call.language as Language | null) ?? detectLanguage(input.text);
  const applicant: Applicant =
    input.applicant ??
    (call.channel === 'trust_phone'
      ? { type: 'anonymous' }
      : { type: 'individual', name: CALLER[language], phone: displayNumber(call.callerNumber) ?? undefined });
  assertApplicantAllowed(staff, call, applicant);
  const appeal = await register(ctx, staff, call, { kind: 'inquiry', text: input.text, topicCode: input.topicCode, language, applicant, preferredAnswer: 'portal' }, 'consultation', idempotencyKey, async (tx, a) => {
    const now = ctx.clock.now();
    const data = { callId: call.callId, resolution: 'explained', firstCall: true };
    await moveAppeal(ctx, tx, { id: a.id, status: 'registered' }, 'answered', { type: 'call.consultation', actor: staff, data }, { resolution: 'explained', answeredAt: now });
    await moveAppeal(ctx, tx, { id: a.id, status: 'answered' }, 'closed', { type: 'appeal.closed', actor: staff, data: { callId: call.callId } }, { closedAt: now });
  });
  return { appeal: { id: appeal.id, number: appeal.number } };
}

export interface CallAppealInput {
  kind: AppealKind;
  text: string;
  topicCode?: string;
  language?: Language;
  applicant: Applicant;
  preferredAnswer: AnswerMethod;
  address?: string;
}

/** An appeal taken on the call, with the line's channel, for the common process. */
export async function registerCallAppeal(ctx: AppContext, staff: Staff, id: string, input: CallAppealInput, idempotencyKey?: string) {
  const call = await findOwnCall(ctx, staff, id);
  assertMayAct(staff, call);
  assertApplicantAllowed(staff, call, input.applicant);
  const appeal = await register(ctx, staff, call, input, 'appeal', idempotencyKey);
  return { appeal: { id: appeal.id, number: appeal.number, accessCode: appeal.accessCode } };
}

export interface CallRedirectInput extends Omit<CallAppealInput, 'language' | 'address'> {
  bodyId: string;
  reason: string;
  language?: Language;
  address?: string;
}

/** Another body's question: registered here, then redirected through the common process in the same transaction. */
export async function redirectCall(ctx: AppContext, staff: Staff, id: string, input: CallRedirectInput, idempotencyKey?: string) {
  const call = await findOwnCall(ctx, staff, id);
  assertMayAct(staff, call);
  assertApplicantAllowed(staff, call, input.applicant);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'a redirect needs its reason', { field: 'reason' });
  const { bodyId, reason: _r, ...appealInput } = input;
  let redirectedTo: { bodyId: string; appealId: string; number: string } | undefined;
  const appeal = await register(ctx, staff, call, appealInput, 'redirect', idempotencyKey, async (tx, a) => {
    const r = await redirectInTransaction(ctx, tx, staff, a.id, { targetBodyId: bodyId, reason, data: { callId: call.callId } });
    redirectedTo = { bodyId: r.newAppeal.bodyId, appealId: r.newAppeal.id, number: r.newAppeal.number };
  });
  if (!redirectedTo) {
    // An Idempotency-Key replay: the redirect was done by the first request.
    const row = await ctx.db.selectFrom('appeal').select(['id', 'number', 'bodyId']).where('redirectedFromId', '=', appeal.id).executeTakeFirstOrThrow();
    redirectedTo = { bodyId: row.bodyId, appealId: row.id, number: row.number };
  }
  return { appeal: { id: appeal.id, number: appeal.number, accessCode: appeal.accessCode }, redirectedTo };
}
