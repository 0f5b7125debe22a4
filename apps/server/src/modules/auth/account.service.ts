// The signed-in staff member's own security: password change, the second factor (enrol,
// confirm, disable where the role allows it), recovery codes, and what the account page shows.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { totpRequired } from '@tyndau/contracts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { countRecoveryCodesLeft, describeEnrolment, issueRecoveryCodes, newTotpSecret, totpMatches, type Enrolment } from './second-factor.ts';
import { createSession, endAllSessions } from './sessions.ts';
import { assertNotLocked, recordFailure } from './throttle.ts';

export async function getAccountSecurity(ctx: AppContext, staff: Staff) {
  const user = await ctx.db.selectFrom('staffUser').select(['totpEnabledAt', 'passwordChangedAt']).where('id', '=', staff.id).executeTakeFirstOrThrow();
  return {
    totpEnabled: user.totpEnabledAt !== null,
    totpRequired: totpRequired(staff.role),
    recoveryCodesLeft: user.totpEnabledAt ? await countRecoveryCodesLeft(ctx.db, staff.id) : 0,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}

/**
 * Checks the current password, sets the new one and ends every session of the account
 * (a thief's too); returns a fresh session for the browser that made the change.
 */
export async function changePassword(ctx: AppContext, staff: Staff, currentPassword: string, newPassword: string): Promise<string> {
  await assertNotLocked(ctx, staff.email);
  const user = await ctx.db.selectFrom('staffUser').select('passwordHash').where('id', '=', staff.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw await recordFailure(ctx, staff.email, new AppError('WRONG_CURRENT_PASSWORD', undefined, { field: 'currentPassword' }));
  }
  assertAcceptablePassword(newPassword, staff.email);
  if (newPassword === currentPassword) throw new AppError('WEAK_PASSWORD', 'the new password must differ from the current one', { field: 'newPassword', reason: 'unchanged' });
  await ctx.db
    .updateTable('staffUser')
    .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date() })
    .where('id', '=', staff.id)
    .execute();
  await endAllSessions(ctx, staff.id);
  return createSession(ctx, staff.id);
}

/** A new secret to scan; the second factor is on only once a code from it is confirmed. */
export async function startTotpEnrolment(ctx: AppContext, staff: Staff): Promise<Enrolment> {
  const user = await ctx.db.selectFrom('staffUser').select('totpEnabledAt').where('id', '=', staff.id).executeTakeFirstOrThrow();
  if (user.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await ctx.db.updateTable('staffUser').set({ totpPendingSecret: secret }).where('id', '=', staff.id).execute();
  return describeEnrolment(staff.email, secret);
}

export async function confirmTotpEnrolment(ctx: AppContext, staff: Staff, code: string): Promise<{ recoveryCodes: string[] }> {
  await assertNotLocked(ctx, staff.email);
  const user = await ctx.db.selectFrom('staffUser').select(['totpPendingSecret', 'totpEnabledAt']).where('id', '=', staff.id).executeTakeFirstOrThrow();
  if (user.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
  if (!user.totpPendingSecret) throw new AppError('TOTP_NOT_ENABLED');
  if (!(await totpMatches(user.totpPendingSecret, code))) throw await recordFailure(ctx, staff.email, new AppError('INVALID_CODE', undefined, { field: 'code' }));
  await ctx.db.updateTable('staffUser').set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date() }).where('id', '=', staff.id).execute();
  return { recoveryCodes: await issueRecoveryCodes(ctx.db, staff.id) };
}

async function assertCurrentCode(ctx: AppContext, staff: Staff, code: string): Promise<void> {
  await assertNotLocked(ctx, staff.email);
  const user = await ctx.db.selectFrom('staffUser').select('totpSecret').where('id', '=', staff.id).executeTakeFirstOrThrow();
  if (!user.totpSecret) throw new AppError('TOTP_NOT_ENABLED');
  if (!(await totpMatches(user.totpSecret, code))) throw await recordFailure(ctx, staff.email, new AppError('INVALID_CODE', undefined, { field: 'code' }));
}

/** Turns the second factor off, with a current code; refused for the roles that must have it. */
export async function disableTotp(ctx: AppContext, staff: Staff, code: string): Promise<void> {
  if (totpRequired(staff.role)) throw new AppError('TOTP_REQUIRED');
  await assertCurrentCode(ctx, staff, code);
  await ctx.db.updateTable('staffUser').set({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null }).where('id', '=', staff.id).execute();
  await ctx.db.deleteFrom('staffRecoveryCode').where('userId', '=', staff.id).execute();
}

/** Ten new recovery codes (the old ones stop working), with a current code. */
export async function renewRecoveryCodes(ctx: AppContext, staff: Staff, code: string): Promise<{ recoveryCodes: string[] }> {
  await assertCurrentCode(ctx, staff, code);
  return { recoveryCodes: await issueRecoveryCodes(ctx.db, staff.id) };
}
