// The second factor: TOTP (RFC 6238, 6 digits, 30 s, the authenticator apps' defaults) and
// ten one-time recovery codes for a lost phone. Codes are checked against real time, not
// the platform's business clock (TYNDAU_NOW, a test's manual clock): the phone knows only
// real time.
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { newAccessCode, sha256 } from '../../platform/ids.ts';

export const TOTP_ISSUER = 'Tyndau';
export const RECOVERY_CODE_COUNT = 10;

export interface Enrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** otpauth:// URI, what the QR code holds. */
  uri: string;
  /** The QR code as an SVG data URL. */
  qrCode: string;
}

export const newTotpSecret = (): string => generateSecret();

export async function describeEnrolment(email: string, secret: string): Promise<Enrolment> {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: email, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** A code of this 30-second step or the one before or after it (clocks drift). */
export async function totpMatches(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return (await verify({ secret, token, epochTolerance: 30 })).valid;
  } catch {
    return false;
  }
}

const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** Replaces the account's recovery codes with ten new ones and returns them (shown once). */
export async function issueRecoveryCodes(db: Kysely<Database>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = newAccessCode(10);
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
  await db.deleteFrom('staffRecoveryCode').where('userId', '=', userId).execute();
  await db
    .insertInto('staffRecoveryCode')
    .values(codes.map((c) => ({ userId, codeHash: sha256(normaliseRecoveryCode(c)), usedAt: null })))
    .execute();
  return codes;
}

/** Spends a recovery code: true once per code, false for any other string. */
export async function spendRecoveryCode(db: Kysely<Database>, userId: string, code: string): Promise<boolean> {
  const row = await db
    .updateTable('staffRecoveryCode')
    .set({ usedAt: new Date() })
    .where('userId', '=', userId)
    .where('codeHash', '=', sha256(normaliseRecoveryCode(code)))
    .where('usedAt', 'is', null)
    .returning('userId')
    .executeTakeFirst();
  return !!row;
}

export async function countRecoveryCodesLeft(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db.selectFrom('staffRecoveryCode').select((eb) => eb.fn.countAll<string>().as('n')).where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
