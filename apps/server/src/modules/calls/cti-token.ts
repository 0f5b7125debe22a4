// A body's CTI token: the PBX puts it in the address it posts events to. The database keeps
// only its SHA-256 hash. The token is an HMAC of the body and a generation under the
// server's secret (CTI_TOKEN_SECRET, else a key file in the data folder), so an
// administrator can print it again without it ever being stored; rotating moves the
// generation on and the old token stops working at once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../app-context.ts';
import { sha256 } from '../../platform/ids.ts';

const secrets = new Map<string, string>();

function tokenSecret(ctx: AppContext): string {
  if (ctx.config.ctiTokenSecret) return ctx.config.ctiTokenSecret;
  const file = path.join(ctx.config.dataDir, 'cti-token.key');
  let secret = secrets.get(file);
  if (secret) return secret;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(ctx.config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process wrote it first
    }
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  secrets.set(file, secret);
  return secret;
}

export function deriveToken(ctx: AppContext, bodyId: string, generation: number): string {
  return createHmac('sha256', tokenSecret(ctx)).update(`cti:${bodyId}:${generation}`).digest('base64url');
}

export const tokenHash = (token: string) => sha256(token);

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
