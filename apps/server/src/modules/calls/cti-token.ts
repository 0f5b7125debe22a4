// A body's CTI token: the PBX puts it in the address it posts events to. The database keeps
// only its SHA-256 hash. The token is an HMAC of the body and a generation under the
// platform's key (platform/secrets.ts: TYNDAU_SECRET_KEY, else secret.key in the data
// folder), so an administrator can print it again without it ever being stored; rotating
// moves the generation on and the old token stops working at once.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { sha256 } from '../../platform/ids.ts';
import { platformKeyOf } from '../../platform/secrets.ts';

export function deriveToken(ctx: AppContext, bodyId: string, generation: number): string {
  return createHmac('sha256', platformKeyOf(ctx)).update(`cti:${bodyId}:${generation}`).digest('base64url');
}

export const tokenHash = (token: string) => sha256(token);

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
