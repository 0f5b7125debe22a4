// Staff sessions: a random token in an HTTP-only cookie, stored only as its hash. A session
// ends after 30 minutes without a request (sliding) and at the latest 12 hours after sign-in;
// ended sessions are purged periodically. Sessions live in real time, not the platform's
// business clock: TYNDAU_NOW or a test's manual clock must not sign people out (or keep
// them signed in).
import type { AppContext } from '../../app-context.ts';
import { newToken, sha256 } from '../../platform/ids.ts';
import type { Staff } from '../../platform/staff.ts';
import { purgeOldFailures } from './throttle.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** A session's last request is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60 * 1000;
const PURGE_EVERY_MS = 5 * 60 * 1000;

export async function createSession(ctx: AppContext, userId: string): Promise<string> {
  const token = newToken();
  const now = new Date();
  await ctx.db
    .insertInto('staffSession')
    .values({ tokenHash: sha256(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
    .execute();
  return token;
}

export async function findStaffBySession(ctx: AppContext, token: string): Promise<Staff | undefined> {
  const now = Date.now();
  const tokenHash = sha256(token);
  const row = await ctx.db
    .selectFrom('staffSession as s')
    .innerJoin('staffUser as u', 'u.id', 's.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.bodyId', 'u.unitId', 'u.language', 's.lastSeenAt'])
    .where('s.tokenHash', '=', tokenHash)
    .where('s.expiresAt', '>', new Date(now))
    .where('s.lastSeenAt', '>', new Date(now - SESSION_IDLE_MS))
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.lastSeenAt.getTime() < now - TOUCH_EVERY_MS) {
    await ctx.db.updateTable('staffSession').set({ lastSeenAt: new Date(now) }).where('tokenHash', '=', tokenHash).execute();
  }
  const { lastSeenAt: _, ...staff } = row;
  return staff as Staff;
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('staffSession').where('tokenHash', '=', sha256(token)).execute();
}

/** Ends every session of the account (sign out everywhere; a changed password). */
export async function endAllSessions(ctx: AppContext, userId: string): Promise<number> {
  const res = await ctx.db.deleteFrom('staffSession').where('userId', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Deletes ended sessions, half-done sign-ins, stale OIDC requests and old failures. */
export async function purgeExpiredSessions(ctx: AppContext): Promise<{ sessions: number }> {
  const now = new Date();
  const res = await ctx.db
    .deleteFrom('staffSession')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', new Date(now.getTime() - SESSION_IDLE_MS))]))
    .executeTakeFirst();
  await ctx.db.deleteFrom('staffSignInChallenge').where('expiresAt', '<=', now).execute();
  await ctx.db.deleteFrom('staffOidcRequest').where('expiresAt', '<=', now).execute();
  await purgeOldFailures(ctx);
  return { sessions: Number(res.numDeletedRows) };
}

/** Purges every five minutes; every server may run it (deletes are idempotent). */
export function startSessionPurge(ctx: AppContext, warn: (msg: string, err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = purgeExpiredSessions(ctx).catch((err: unknown) => warn('session purge failed', err));
  }, PURGE_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
