// Role groups that more than one module (or the web) decides by. Groups one module alone
// uses stay in that module's policy file.
import type { Role } from './enums.ts';

/** The body's leadership: signs answers, extends terms, holds personal receptions. */
export const LEADERSHIP_ROLES: readonly Role[] = ['head', 'deputy'];

/**
 * Who must have a second factor. These roles sign answers, administer a body, see
 * trust-phone identities or read every body: a stolen password alone must not open them.
 */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'head', 'deputy', 'ethics_commissioner', 'oversight'];

export const totpRequired = (role: string): boolean => (TOTP_REQUIRED_ROLES as readonly string[]).includes(role);
