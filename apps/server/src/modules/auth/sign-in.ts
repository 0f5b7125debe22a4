// Signing in, step by step. A right password (or an OIDC identity) opens a challenge: a
// short-lived token for the steps still due before a session is given:
//   change_password  an account made by `user add` replaces the password it was given;
//   enrol_totp       a role that must have a second factor and has none enrols one now;
//   totp             an account with a second factor gives a code (or a recovery code).
// Only when no step is due is a session created. Wrong passwords and codes count towards
// the account's lock-out (throttle.ts).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { newToken, sha256 } from '../../platform/ids.ts';
import type { Staff } from '../../platform/staff.ts';
import { totpRequired } from '@tyndau/contracts';
import { assertAcceptablePassword, burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { describeEnrolment, issueRecoveryCodes, newTotpSecret, spendRecoveryCode, totpMatches, type Enrolment } from './second-factor.ts';
import { createSession, endAllSessions } from './sessions.ts';
import { assertNotLocked, clearFailures, recordFailure } from './throttle.ts';

export type SignInStep = 'change_password' | 'enrol_totp' | 'totp';
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
const CHALLENGE_MAX_FAILURES = 5;

export type SignInResult =
  | { kind: 'session'; token: string; staff: Staff; recoveryCodes?: string[] }
  | { kind: 'step'; step: SignInStep; challenge: string; expiresAt: Date; enrolment?: Enrolment };

export interface StepInput {
  code?: string;
  recoveryCode?: string;
  newPassword?: string;
}

const STAFF_COLUMNS = ['id', 'email', 'name', 'role', 'bodyId', 'unitId', 'language'] as const;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function signInWithPassword(ctx: AppContext, email: string, password: string, input: StepInput = {}): Promise<SignInResult> {
  const address = normaliseEmail(email);
  await assertNotLocked(ctx, address);
  const user = await ctx.db.selectFrom('staffUser').select(['id', 'passwordHash', 'active']).where('email', '=', address).executeTakeFirst();
  if (!user || !user.active) {
    await burnPasswordCheck(password);
    throw await recordFailure(ctx, address, new AppError('INVALID_CREDENTIALS'));
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw await recordFailure(ctx, address, new AppError('INVALID_CREDENTIALS'));
  return openChallenge(ctx, user.id, 'password', input);
}

/** After a right password or a verified OIDC identity: a session, or the next step. */
export async function openChallenge(ctx: AppContext, userId: string, via: 'password' | 'oidc', input: StepInput = {}): Promise<SignInResult> {
  const token = newToken();
  const now = new Date();
  await ctx.db
    .insertInto('staffSignInChallenge')
    .values({ tokenHash: sha256(token), userId, via, pendingTotpSecret: null, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) })
    .execute();
  return continueSignIn(ctx, token, input);
}

/**
 * Takes the step due on the challenge with what the caller sent; with nothing for it,
 * describes the step (for enrolment: the secret and its QR code). A step's input that is
 * wrong is refused and counted; the challenge dies after five.
 */
export async function continueSignIn(ctx: AppContext, token: string, input: StepInput): Promise<SignInResult> {
  const tokenHash = sha256(token);
  const challenge = await ctx.db
    .selectFrom('staffSignInChallenge as c')
    .innerJoin('staffUser as u', 'u.id', 'c.userId')
    .select(['c.via', 'c.passwordChanged', 'c.secondFactorDone', 'c.pendingTotpSecret', 'c.expiresAt', 'u.id as userId', 'u.email', 'u.role', 'u.active', 'u.mustChangePassword', 'u.totpSecret', 'u.passwordHash'])
    .where('c.tokenHash', '=', tokenHash)
    .where('c.expiresAt', '>', new Date())
    .executeTakeFirst();
  if (!challenge || !challenge.active) throw new AppError('SIGN_IN_EXPIRED');
  await assertNotLocked(ctx, challenge.email);
  const state = { ...challenge };
  const recoveryCodes: string[] = [];
  for (;;) {
    const step = stepDue(state);
    if (!step) break;
    if (step === 'change_password') {
      if (input.newPassword === undefined) return describeStep(ctx, token, step, state);
      assertAcceptablePassword(input.newPassword, state.email);
      if (await verifyPassword(state.passwordHash, input.newPassword)) {
        throw new AppError('WEAK_PASSWORD', 'the new password must differ from the one given', { field: 'newPassword', reason: 'unchanged' });
      }
      const passwordHash = await hashPassword(input.newPassword);
      await ctx.db.updateTable('staffUser').set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }).where('id', '=', state.userId).execute();
      await endAllSessions(ctx, state.userId);
      await ctx.db.updateTable('staffSignInChallenge').set({ passwordChanged: true }).where('tokenHash', '=', tokenHash).execute();
      Object.assign(state, { passwordChanged: true, mustChangePassword: false, passwordHash });
      input = { ...input, newPassword: undefined };
    } else if (step === 'totp') {
      if (!input.code && !input.recoveryCode) return describeStep(ctx, token, step, state);
      const ok = input.code ? await totpMatches(state.totpSecret!, input.code) : await spendRecoveryCode(ctx.db, state.userId, input.recoveryCode!);
      if (!ok) throw await wrongCode(ctx, tokenHash, state.email);
      await ctx.db.updateTable('staffSignInChallenge').set({ secondFactorDone: true }).where('tokenHash', '=', tokenHash).execute();
      state.secondFactorDone = true;
    } else {
      if (!state.pendingTotpSecret || !input.code) return describeStep(ctx, token, step, state);
      if (!(await totpMatches(state.pendingTotpSecret, input.code))) throw await wrongCode(ctx, tokenHash, state.email);
      await ctx.db.updateTable('staffUser').set({ totpSecret: state.pendingTotpSecret, totpEnabledAt: new Date(), totpPendingSecret: null }).where('id', '=', state.userId).execute();
      recoveryCodes.push(...(await issueRecoveryCodes(ctx.db, state.userId)));
      await ctx.db.updateTable('staffSignInChallenge').set({ secondFactorDone: true }).where('tokenHash', '=', tokenHash).execute();
      Object.assign(state, { secondFactorDone: true, totpSecret: state.pendingTotpSecret });
    }
  }
  // The challenge is spent by exactly one request: two racing with it get one session.
  const spent = await ctx.db.deleteFrom('staffSignInChallenge').where('tokenHash', '=', tokenHash).returning('userId').executeTakeFirst();
  if (!spent) throw new AppError('SIGN_IN_EXPIRED');
  await clearFailures(ctx, state.email);
  const staff = await ctx.db.selectFrom('staffUser').select(STAFF_COLUMNS).where('id', '=', state.userId).executeTakeFirstOrThrow();
  const session = await createSession(ctx, state.userId);
  return { kind: 'session', token: session, staff: staff as Staff, ...(recoveryCodes.length ? { recoveryCodes } : {}) };
}

interface ChallengeState {
  via: string;
  passwordChanged: boolean;
  secondFactorDone: boolean;
  pendingTotpSecret: string | null;
  expiresAt: Date;
  userId: string;
  email: string;
  role: string;
  mustChangePassword: boolean;
  totpSecret: string | null;
}

function stepDue(s: ChallengeState): SignInStep | null {
  // A password change only after a password sign-in: an OIDC sign-in never typed it.
  if (s.via === 'password' && s.mustChangePassword && !s.passwordChanged) return 'change_password';
  if (s.secondFactorDone) return null;
  if (s.totpSecret) return 'totp';
  if (totpRequired(s.role)) return 'enrol_totp';
  return null;
}

async function describeStep(ctx: AppContext, token: string, step: SignInStep, s: ChallengeState): Promise<SignInResult> {
  const base = { kind: 'step' as const, step, challenge: token, expiresAt: s.expiresAt };
  if (step !== 'enrol_totp') return base;
  if (!s.pendingTotpSecret) {
    s.pendingTotpSecret = newTotpSecret();
    await ctx.db.updateTable('staffSignInChallenge').set({ pendingTotpSecret: s.pendingTotpSecret }).where('tokenHash', '=', sha256(token)).execute();
  }
  return { ...base, enrolment: await describeEnrolment(s.email, s.pendingTotpSecret) };
}

async function wrongCode(ctx: AppContext, tokenHash: string, email: string): Promise<AppError> {
  const row = await ctx.db
    .updateTable('staffSignInChallenge')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('tokenHash', '=', tokenHash)
    .returning('failures')
    .executeTakeFirst();
  if (row && row.failures >= CHALLENGE_MAX_FAILURES) await ctx.db.deleteFrom('staffSignInChallenge').where('tokenHash', '=', tokenHash).execute();
  return recordFailure(ctx, email, new AppError('INVALID_CODE'));
}
