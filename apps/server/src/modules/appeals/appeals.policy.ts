// Who may see and do what with an appeal, and which personal data they see.
// Read it as the rule book: staff work their own body's appeals; analyst and oversight
// read every body's with personal data masked; a confidential appeal's applicant (the trust
// phone, what was made from it, what a body marked) is for the body's ethics commissioner
// alone. `canSeeApplicant` is the one place that decides; `maskApplicant` applies it and is
// used wherever an appeal leaves the server.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';

export const CROSS_BODY_READERS: readonly Role[] = ['analyst', 'oversight'];
/** Roles that work appeals and so need the applicant's contacts. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['admin', 'comms_officer', 'executor', 'head', 'deputy', 'operator', 'ethics_commissioner', 'moderator'];
/** Roles that may register an appeal on a citizen's behalf (channel and received-at). */
export const REGISTRAR_ROLES: readonly Role[] = ['admin', 'comms_officer', 'operator', 'ethics_commissioner', 'moderator', 'head', 'deputy', 'executor'];

export function canReadAppeal(staff: Staff, appeal: { bodyId: string }): boolean {
  return appeal.bodyId === staff.bodyId || CROSS_BODY_READERS.includes(staff.role);
}

/** What the privacy rule needs to know of an appeal. */
export interface AppealForPrivacy {
  bodyId: string;
  confidential: boolean;
}

/** May this staff member see this appeal's applicant (identity, contacts, address, files)? */
export function canSeeApplicant(staff: Staff, appeal: AppealForPrivacy): boolean {
  if (appeal.bodyId !== staff.bodyId) return false;
  if (appeal.confidential) return staff.role === 'ethics_commissioner';
  return PERSONAL_DATA_ROLES.includes(staff.role);
}

/** Who may mark an appeal of their body confidential (it is never unmarked). */
export const CONFIDENTIAL_MARKERS: readonly Role[] = ['head', 'deputy', 'ethics_commissioner'];

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

export interface PlaceData {
  address?: string | null;
  lat?: number | null;
  lon?: number | null;
}

const LOCALITY_MARKER = /(^|\s)(г\.|гор\.|город|с\.|село|пос\.|посёлок|поселок|ауыл|қ\.|қала(сы)?|ауылы|кенті|city|town|village)(\s|$)/i;
/** Parts of an address below the locality: street, house, flat, floor, office. */
const BELOW_LOCALITY = /(^|\s)(ул\.|улица|пр\.|просп|пр-т|пер\.|мкр|микрорайон|д\.|дом|кв\.|квартира|этаж|каб\.|офис|көше(сі)?|даңғыл(ы)?|шағын|пәтер|қабат|street|st\.?|ave\.?|avenue|road|rd\.?|floor|apt\.?|flat|office)(\s|$)/i;

/**
 * The locality of a free-text postal address (the part naming the town or village), or null
 * when it cannot be told: a reader who may not see the address learns where, not which door.
 * The part with a locality marker (г., қ., село, city…), else the first part that is neither
 * a number nor a street, house, flat or floor.
 */
export function localityOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const parts = address.split(/[,;\n]/).map((p) => p.trim()).filter((p) => p && !/\d/.test(p));
  return parts.find((p) => LOCALITY_MARKER.test(p)) ?? parts.find((p) => !BELOW_LOCALITY.test(p)) ?? null;
}

/** About a kilometre: two decimals of a degree (1.1 km north–south, 0.7 km east–west at Astana). */
export const roundCoordinate = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

type Masked<T> = T & { personalDataMasked: boolean; address?: string | null; lat?: number | null; lon?: number | null };

export function maskApplicant<T extends ApplicantData & AppealForPrivacy & PlaceData>(staff: Staff, a: T): Masked<T> {
  if (canSeeApplicant(staff, a)) return { ...a, personalDataMasked: false };
  // A confidential applicant is for the ethics commissioner alone: in a small body even
  // initials, the last digits or the street could name the person who reported a bribe.
  if (a.confidential) {
    return {
      ...a,
      applicantName: null, applicantIin: null, applicantBin: null, applicantEmail: null, applicantPhone: null,
      ...('address' in a ? { address: null } : {}),
      ...('lat' in a ? { lat: null, lon: null } : {}),
      personalDataMasked: true,
    };
  }
  return {
    ...a,
    applicantName: a.applicantName ? a.applicantName.split(/\s+/).map((w) => `${w[0]}.`).join(' ') : null,
    applicantIin: mask(a.applicantIin, 0, 2),
    applicantBin: a.applicantBin, // a legal entity's БИН is public
    applicantEmail: maskEmail(a.applicantEmail),
    applicantPhone: mask(a.applicantPhone, 2, 2),
    ...('address' in a ? { address: localityOf(a.address) } : {}),
    ...('lat' in a ? { lat: roundCoordinate(a.lat), lon: roundCoordinate(a.lon) } : {}),
    personalDataMasked: true,
  };
}
