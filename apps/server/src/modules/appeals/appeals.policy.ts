// Who may see and do what with an appeal, and which personal data they see.
// Read it as the rule book: staff work their own body's appeals; analyst and oversight
// read every body's with personal data masked; the trust phone's identities are for the
// ethics commissioner alone.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../auth/index.ts';

export const CROSS_BODY_READERS: readonly Role[] = ['analyst', 'oversight'];
/** Roles that work appeals and so need the applicant's contacts. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['admin', 'comms_officer', 'executor', 'head', 'deputy', 'operator', 'ethics_commissioner', 'moderator'];
/** Roles that may register an appeal on a citizen's behalf (channel and received-at). */
export const REGISTRAR_ROLES: readonly Role[] = ['admin', 'comms_officer', 'operator', 'ethics_commissioner', 'moderator', 'head', 'deputy', 'executor'];

export function canReadAppeal(staff: Staff, appeal: { bodyId: string }): boolean {
  return appeal.bodyId === staff.bodyId || CROSS_BODY_READERS.includes(staff.role);
}

export function canSeePersonalData(staff: Staff, appeal: { bodyId: string; channel: string }): boolean {
  if (appeal.bodyId !== staff.bodyId) return false;
  if (appeal.channel === 'trust_phone') return staff.role === 'ethics_commissioner';
  return PERSONAL_DATA_ROLES.includes(staff.role);
}

export function mask(value: string | null, keepStart = 1, keepEnd = 2): string | null {
  if (!value) return value;
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const [user, domain] = email.split('@');
  return `${user[0]}***@${domain ?? ''}`;
}

export interface ApplicantData {
  applicantName: string | null;
  applicantIin: string | null;
  applicantBin: string | null;
  applicantEmail: string | null;
  applicantPhone: string | null;
}

export function maskApplicant<T extends ApplicantData & { bodyId: string; channel: string }>(staff: Staff, a: T): T & { personalDataMasked: boolean } {
  if (canSeePersonalData(staff, a)) return { ...a, personalDataMasked: false };
  // A trust-phone caller's identity is for the ethics commissioner alone: in a small body
  // even initials and the last digits could name the person who reported a bribe.
  if (a.channel === 'trust_phone') {
    return { ...a, applicantName: null, applicantIin: null, applicantBin: null, applicantEmail: null, applicantPhone: null, personalDataMasked: true };
  }
  return {
    ...a,
    applicantName: a.applicantName ? a.applicantName.split(/\s+/).map((w) => `${w[0]}.`).join(' ') : null,
    applicantIin: mask(a.applicantIin, 0, 2),
    applicantBin: a.applicantBin, // a legal entity's БИН is public
    applicantEmail: maskEmail(a.applicantEmail),
    applicantPhone: mask(a.applicantPhone, 2, 2),
    personalDataMasked: true,
  };
}
