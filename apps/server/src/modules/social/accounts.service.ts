// Connecting a body's account on a network (administrator, page or CLI). The secret that
// checks the network's calls, the handshake value and the API token are sealed with the
// platform's key (platform/secrets.ts); none is ever returned, logged or shown again.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { secretsOf } from '../../platform/secrets.ts';
import type { Staff } from '../../platform/staff.ts';
import { getBody } from '../bodies/index.ts';
import { NETWORKS, type Network } from './networks.ts';
import { assertRole, SOCIAL_ADMINS } from './social.policy.ts';
import * as repo from './social.repository.ts';
import { forgetCachedAccounts } from './webhooks.service.ts';

export interface AccountInput {
  network: Network;
  secret: string;
  confirmation?: string;
  token?: string;
  accountRef?: string;
}

/** Where the network posts: the address to give it when subscribing the webhook. */
export function webhookUrl(ctx: AppContext, network: string, bodyCode: string) {
  return `${ctx.config.publicUrl.replace(/\/+$/, '')}/api/v1/social/${network}/${encodeURIComponent(bodyCode)}`;
}

/** Connect (or reconnect with new secrets) an account; `staff` null is the command line. */
export async function connectAccount(ctx: AppContext, staff: Staff | null, bodyCode: string | null, input: AccountInput) {
  if (staff) assertRole(staff, SOCIAL_ADMINS);
  const body = await getBody(ctx, staff ? staff.bodyId : (bodyCode ?? ''));
  if (!NETWORKS.includes(input.network)) throw new AppError('VALIDATION_FAILED', `network is one of ${NETWORKS.join(', ')}`, { field: 'network' });
  const secret = input.secret?.trim() ?? '';
  // Telegram accepts 1–256 characters A-Z a-z 0-9 _ - for secret_token; a short secret is guessable on any network.
  if (secret.length < 16 || secret.length > 256) throw new AppError('VALIDATION_FAILED', 'the secret is 16 to 256 characters', { field: 'secret' });
  if (input.network === 'telegram' && !/^[A-Za-z0-9_-]+$/.test(secret)) throw new AppError('VALIDATION_FAILED', 'a Telegram secret_token holds only A-Z, a-z, 0-9, _ and -', { field: 'secret' });
  if ((input.network === 'vk' || input.network === 'facebook' || input.network === 'instagram') && !input.confirmation?.trim()) {
    throw new AppError('VALIDATION_FAILED', input.network === 'vk' ? 'VK needs the confirmation string' : 'Meta needs the verify token', { field: 'confirmation' });
  }
  const box = secretsOf(ctx);
  const row = await repo.upsertAccount(ctx.db, {
    bodyId: body.id,
    network: input.network,
    accountRef: input.accountRef?.trim() || null,
    secretSealed: box.seal(secret),
    confirmationSealed: input.confirmation?.trim() ? box.seal(input.confirmation.trim()) : null,
    tokenSealed: input.token?.trim() ? box.seal(input.token.trim()) : null,
    at: ctx.clock.now(),
    by: staff?.id ?? null,
  });
  forgetCachedAccounts(ctx);
  return { network: row.network, accountRef: row.accountRef, updatedAt: row.updatedAt.toISOString(), webhookUrl: webhookUrl(ctx, row.network, body.code) };
}

export async function listConnectedAccounts(ctx: AppContext, staff: Staff) {
  assertRole(staff, SOCIAL_ADMINS);
  const body = await getBody(ctx, staff.bodyId);
  const rows = await repo.listAccounts(ctx.db, body.id);
  return {
    items: rows.map((r) => ({
      network: r.network,
      accountRef: r.accountRef,
      hasConfirmation: r.hasConfirmation,
      hasToken: r.hasToken,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      webhookUrl: webhookUrl(ctx, r.network, body.code),
    })),
  };
}
