// The networks' calls. Each finds the body's account, checks the network's proof (Telegram's
// secret_token header, VK's `secret` field, Meta's HMAC-SHA256 of the raw body) in constant
// time, and only then stores anything. A repeat of a comment is a no-op that still answers
// as the network expects (200), so the network stops retrying.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { secretsOf } from '../../platform/secrets.ts';
import { metaComments, telegramComments, vkComments, type IncomingComment, type Network } from './networks.ts';
import * as repo from './social.repository.ts';

function sameText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** How long a process keeps an account it read: a secret changed by the administrator counts everywhere within this. */
export const ACCOUNT_CACHE_MS = 5_000;
const cache = new WeakMap<object, Map<string, { at: number; account: repo.AccountRow | undefined }>>();

/**
 * The account, or 404 for a body or network not connected (the same answer for both). Kept
 * for a few seconds per process: a network's burst of comments reads it once, not per call.
 */
async function accountOf(ctx: AppContext, bodyCode: string, network: Network) {
  let accounts = cache.get(ctx.db);
  if (!accounts) cache.set(ctx.db, (accounts = new Map()));
  const key = `${network}|${bodyCode}`;
  const now = Date.now();
  let hit = accounts.get(key);
  if (!hit || now - hit.at > ACCOUNT_CACHE_MS) {
    hit = { at: now, account: await repo.findAccountByBodyCode(ctx.db, bodyCode, network) };
    if (accounts.size > 10_000) accounts.clear();
    accounts.set(key, hit);
  }
  if (!hit.account) throw new AppError('SOCIAL_ACCOUNT_NOT_FOUND');
  return hit.account;
}

/** An account just connected or changed counts at once in this process. */
export function forgetCachedAccounts(ctx: AppContext) {
  cache.get(ctx.db)?.clear();
}

const refused = () => new AppError('SOCIAL_SIGNATURE_INVALID');

/** Stores the comments of the account (others are ignored); how many were new. */
async function store(ctx: AppContext, account: repo.AccountRow, comments: IncomingComment[]) {
  let stored = 0;
  const receivedAt = ctx.clock.now();
  for (const c of comments) {
    // A bot added to some other group, a page the body does not own: not the body's inbox.
    if (account.accountRef && c.accountRef && c.accountRef !== account.accountRef && `-${c.accountRef}` !== account.accountRef) continue;
    const row = await repo.insertComment(ctx.db, { ...c, bodyId: account.bodyId, accountId: account.id, network: account.network, receivedAt, source: 'webhook' });
    if (row) stored++;
  }
  return { received: comments.length, stored };
}

export async function telegramWebhook(ctx: AppContext, bodyCode: string, secretHeader: string | undefined, update: unknown) {
  const account = await accountOf(ctx, bodyCode, 'telegram');
  if (!sameText(secretHeader, secretsOf(ctx).open(account.secretSealed))) throw refused();
  return store(ctx, account, telegramComments(update, ctx.clock.now()));
}

/** VK Callback API: the confirmation string for `confirmation`, else "ok" (VK retries anything else). */
export async function vkCallback(ctx: AppContext, bodyCode: string, event: unknown): Promise<string> {
  const account = await accountOf(ctx, bodyCode, 'vk');
  const e = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>;
  const box = secretsOf(ctx);
  // VK sends the secret with every event, the confirmation request included.
  if (!sameText(typeof e.secret === 'string' ? e.secret : undefined, box.open(account.secretSealed))) throw refused();
  if (account.accountRef && e.group_id !== undefined && String(e.group_id) !== account.accountRef) throw refused();
  if (e.type === 'confirmation') return box.open(account.confirmationSealed ?? '') ?? '';
  await store(ctx, account, vkComments(e, ctx.clock.now()));
  return 'ok';
}

/** Meta's subscription handshake: echo hub.challenge when hub.verify_token is the account's. */
export async function metaVerify(ctx: AppContext, network: 'facebook' | 'instagram', bodyCode: string, q: Record<string, string | undefined>): Promise<string> {
  const account = await accountOf(ctx, bodyCode, network);
  const token = secretsOf(ctx).open(account.confirmationSealed ?? '');
  if (q['hub.mode'] !== 'subscribe' || !sameText(q['hub.verify_token'], token)) throw refused();
  return q['hub.challenge'] ?? '';
}

/** A Meta event: `X-Hub-Signature-256: sha256=<hex HMAC of the raw body under the app secret>`. */
export async function metaWebhook(ctx: AppContext, network: 'facebook' | 'instagram', bodyCode: string, signature: string | undefined, raw: Buffer) {
  const account = await accountOf(ctx, bodyCode, network);
  const secret = secretsOf(ctx).open(account.secretSealed);
  if (!secret || !signature) throw refused();
  const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  if (!sameText(signature.toLowerCase(), expected)) throw refused();
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('INVALID_JSON');
  }
  return store(ctx, account, metaComments(network, payload, ctx.clock.now()));
}
