import { randomBytes, createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

// No 0/O/1/I/L: access codes are read aloud on the phone and copied by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A secret the applicant keeps with the number: 10 symbols of 31 ≈ 49 bits. */
export function newAccessCode(length = 10): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A UUID as PostgreSQL reads it (8-4-4-4-12 hex digits). Checked before an id reaches a
 * query: anything else would fail the cast inside PostgreSQL (a 500) instead of being
 * the "not found" it is.
 */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
