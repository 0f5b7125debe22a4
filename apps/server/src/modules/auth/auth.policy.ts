// Who must have a second factor. These roles sign answers, administer a body, see
// trust-phone identities or read every body: a stolen password alone must not open them.
import type { Role } from '@tyndau/contracts';

export const TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'head', 'deputy', 'ethics_commissioner', 'oversight'];

export const totpRequired = (role: string): boolean => (TOTP_REQUIRED_ROLES as readonly string[]).includes(role);
