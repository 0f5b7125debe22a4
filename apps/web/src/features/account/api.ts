// Staff sign-in and the account's own security: the sign-in steps (new password, TOTP
// enrolment or code), OpenID Connect, password change, second factor, recovery codes,
// signing out everywhere.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Me } from '../../lib/session.ts';

export type SignInStep = 'change_password' | 'enrol_totp' | 'totp';

export interface Enrolment {
  secret: string;
  uri: string;
  /** SVG data URL of the QR code. */
  qrCode: string;
}

/** A session (staff, maybe recovery codes shown once) or the step still due. */
export interface SignInResponse {
  staff?: Me;
  recoveryCodes?: string[];
  step?: SignInStep;
  challenge?: string;
  enrolment?: Enrolment;
}

export const login = (email: string, password: string) => api<SignInResponse>('/auth/login', { body: { email, password } });
export const loginStep = (body: { challenge: string; code?: string; recoveryCode?: string; newPassword?: string }) => api<SignInResponse>('/auth/login/step', { body });

export function useSignInMethods() {
  return useQuery({ queryKey: ['auth-methods'], queryFn: () => api<{ password: boolean; oidc: boolean }>('/auth/methods'), staleTime: Infinity });
}

export interface AccountSecurity {
  totpEnabled: boolean;
  totpRequired: boolean;
  recoveryCodesLeft: number;
  passwordChangedAt: string | null;
}

export function useAccountSecurity() {
  return useQuery({ queryKey: ['account-security'], queryFn: () => api<AccountSecurity>('/me/security') });
}

export const changePassword = (currentPassword: string, newPassword: string) => api<void>('/me/password', { body: { currentPassword, newPassword } });
export const startTotpEnrolment = () => api<Enrolment>('/me/totp/enrol', { method: 'POST' });
export const confirmTotp = (code: string) => api<{ recoveryCodes: string[] }>('/me/totp/confirm', { body: { code } });
export const disableTotp = (code: string) => api<void>('/me/totp/disable', { body: { code } });
export const renewRecoveryCodes = (code: string) => api<{ recoveryCodes: string[] }>('/me/recovery-codes', { body: { code } });
export const logoutEverywhere = () => api<void>('/auth/logout-everywhere', { method: 'POST' });
