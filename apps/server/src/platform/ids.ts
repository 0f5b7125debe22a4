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
