// Per-account sign-in throttling (ASVS 2.2.1). Five wrong passwords or codes within 15
// minutes lock the e-mail for 15 minutes; each further lock-out within a day doubles
// (30 min, 1 h, … at most 4 h). During a lock-out nothing is checked, so even the right
// password is refused without telling whether it was right. Failures are kept by the
// e-mail as typed, so an e-mail without an account locks the same way and tells nothing.
// The account's owner gets an e-mail when a lock-out starts. Real time, like sessions.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { queueNotification } from '../notify/index.ts';

export const FAILURES_BEFORE_LOCK = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const FIRST_LOCK_MS = 15 * 60 * 1000;
export const MAX_LOCK_MS = 4 * 60 * 60 * 1000;
const MEMORY_MS = 24 * 60 * 60 * 1000;

/** When the e-mail is locked until, replaying its failures of the last day (oldest first). */
export function lockedUntil(failures: readonly Date[]): Date | null {
  let window: number[] = [];
  let lockouts = 0;
  let until: number | null = null;
  for (const at of failures.map((d) => d.getTime()).sort((a, b) => a - b)) {
    if (until !== null && at < until) continue;
    window = window.filter((t) => t > at - FAILURE_WINDOW_MS);
    window.push(at);
    if (window.length >= FAILURES_BEFORE_LOCK) {
      lockouts++;
      until = at + Math.min(FIRST_LOCK_MS * 2 ** (lockouts - 1), MAX_LOCK_MS);
      window = [];
    }
  }
  return until === null ? null : new Date(until);
}

async function recentFailures(ctx: AppContext, email: string, now: Date): Promise<Date[]> {
  const rows = await ctx.db
    .selectFrom('staffSignInFailure')
    .select('at')
    .where('email', '=', email)
    .where('at', '>', new Date(now.getTime() - MEMORY_MS))
    .orderBy('at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => r.at);
}

export async function assertNotLocked(ctx: AppContext, email: string): Promise<void> {
  const now = new Date();
  const until = lockedUntil(await recentFailures(ctx, email, now));
  if (until && until > now) throw locked(until);
}

const locked = (until: Date) => new AppError('ACCOUNT_LOCKED', `sign-in locked until ${until.toISOString()}`, { retryAfter: Math.ceil((until.getTime() - Date.now()) / 1000) });

/**
 * Records a wrong password or code. When this failure starts a lock-out, the owner (if the
 * e-mail has an account) is told by e-mail and the caller gets ACCOUNT_LOCKED.
 */
export async function recordFailure(ctx: AppContext, email: string, failure: AppError): Promise<AppError> {
  const now = new Date();
  await ctx.db.insertInto('staffSignInFailure').values({ email, at: now }).execute();
  const until = lockedUntil(await recentFailures(ctx, email, now));
  if (!until || until <= now) return failure;
  const user = await ctx.db.selectFrom('staffUser').select(['id', 'language', 'active']).where('email', '=', email).executeTakeFirst();
  if (user?.active) {
    await queueNotification(ctx.db, {
      recipientKind: 'staff',
      recipientUserId: user.id,
      template: 'staff.sign_in_locked',
      channel: 'email',
      language: user.language,
      address: email,
      payload: { until: until.toISOString() },
      at: now,
      dedupeKey: `sign-in-locked:${user.id}:${until.toISOString()}`,
    });
  }
  return locked(until);
}

export async function clearFailures(ctx: AppContext, email: string): Promise<void> {
  await ctx.db.deleteFrom('staffSignInFailure').where('email', '=', email).execute();
}

export async function purgeOldFailures(ctx: AppContext): Promise<void> {
  await ctx.db.deleteFrom('staffSignInFailure').where('at', '<', new Date(Date.now() - MEMORY_MS)).execute();
}
