// Secrets the platform must hand on later but must not keep readable in the database (an
// applicant's access code, between intake and the message that carries it): sealed with
// AES-256-GCM under a key that lives outside the database. A copy of the database alone
// (a backup, a replica, a read-only role) does not reveal them.
import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';

const PREFIX = 'v1';

export interface SecretBox {
  seal(plain: string): string;
  /** The plain text, or undefined when the value was not sealed under this key (or was altered). */
  open(sealed: string): string | undefined;
}

export function secretBoxOf(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [PREFIX, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== PREFIX || !iv || !tag || body === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The key: TYNDAU_SECRET_KEY (base64 of 32 bytes) when set, else `secret.key` in the data
 * folder, made on first use readable by the owner only. Losing the key loses only the codes
 * still waiting to be sent (their receipts say "code withheld"); the hashes that check codes
 * do not depend on it.
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'base64');
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return keyFrom(fs.readFileSync(file, 'utf8'), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': two processes starting at once never overwrite each other's key.
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return keyFrom(fs.readFileSync(file, 'utf8'), file);
  }
}

function keyFrom(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key (base64)`);
  return key;
}

const keys = new WeakMap<object, Buffer>();
const boxes = new WeakMap<object, SecretBox>();

/** The platform's key of a configuration (the key file is read once per process). */
export function platformKeyOf(ctx: { config: Config }): Buffer {
  let key = keys.get(ctx.config);
  if (!key) keys.set(ctx.config, (key = loadSecretKey(ctx.config)));
  return key;
}

/** The box of a configuration (one per process and key). */
export function secretsOf(ctx: { config: Config }): SecretBox {
  let box = boxes.get(ctx.config);
  if (!box) boxes.set(ctx.config, (box = secretBoxOf(platformKeyOf(ctx))));
  return box;
}

/** Payload keys that travel sealed: `accessCode` is stored as `accessCodeSealed`. */
export const SEALED_ACCESS_CODE = 'accessCodeSealed';

/** A stored payload with its sealed code opened, for the sender that puts it in the message. */
export function openedPayload(ctx: { config: Config }, payload: Record<string, unknown>): Record<string, unknown> {
  const sealed = payload[SEALED_ACCESS_CODE];
  if (typeof sealed !== 'string') return payload;
  const { [SEALED_ACCESS_CODE]: _, ...rest } = payload;
  const accessCode = secretsOf(ctx).open(sealed);
  return accessCode === undefined ? rest : { ...rest, accessCode };
}
