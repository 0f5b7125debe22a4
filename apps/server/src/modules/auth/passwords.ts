// Passwords: argon2id hashes and the rules for a new password (ASVS 2.1: at least 10
// characters, up to 200, any characters, and not one of the commonest passwords).
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// A fixed hash to verify against when the e-mail is unknown, so timing does not tell
// which e-mails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(await (dummyHash ??= hash('not-a-password')), password);
}

/** Refuses a password that is too short, too long, common, or the account's own e-mail. */
export function assertAcceptablePassword(password: string, email: string, field = 'newPassword'): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, { field, reason: 'too_short' });
  if (length > MAX_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD', `a password has at most ${MAX_PASSWORD_LENGTH} characters`, { field, reason: 'too_long' });
  const folded = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) throw new AppError('WEAK_PASSWORD', 'this password is on the list of common passwords', { field, reason: 'common' });
  const local = email.toLowerCase().split('@')[0];
  if (folded === email.toLowerCase() || folded === local) throw new AppError('WEAK_PASSWORD', 'the password may not be the e-mail', { field, reason: 'email' });
}
