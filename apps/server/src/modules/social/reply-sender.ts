// The delivery worker's sender for channel `social`: a queued reply goes under its comment
// through the network's own API, with a time limit; the outbox retries what failed (a
// network outage loses nothing) and gives up on what cannot succeed (no token, comment gone).
//   Telegram  POST {root}/bot<token>/sendMessage  {chat_id, text, reply_parameters: {message_id}}
//   VK        POST {root}/method/wall.createComment  owner_id, post_id, reply_to_comment, message
//   Facebook  POST {root}/{version}/{comment-id}/comments  message
//   Instagram POST {root}/{version}/{comment-id}/replies   message
import type { AppContext } from '../../app-context.ts';
import { secretsOf } from '../../platform/secrets.ts';
import { PermanentError, RetryLaterError, type ChannelSender, type OutgoingMessage, type SendResult } from '../notify/index.ts';
import * as repo from './social.repository.ts';

const VK_VERSION = '5.199';
const trim = (s: string) => s.replace(/\/+$/, '');

async function call(url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; json: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    // Unreachable or too slow: tried again later.
    throw new Error(`unreachable: ${(err as Error).message}`);
  }
  let json: Record<string, unknown> = {};
  try {
    json = (await res.json()) as Record<string, unknown>;
  } catch {}
  return { status: res.status, json };
}

function httpFailure(network: string, status: number, detail: string, retryAfterS?: number): Error {
  if (status === 429) return new RetryLaterError(`${network} 429: ${detail}`, (retryAfterS ?? 60) * 1000);
  if (status >= 500 || status === 0) return new Error(`${network} ${status}: ${detail}`);
  return new PermanentError(`${network} ${status}: ${detail}`);
}

export function socialReplySender(ctx: AppContext): ChannelSender {
  const api = ctx.config.socialApi;
  return {
    async send(msg: OutgoingMessage): Promise<SendResult> {
      const r = await repo.loadReplyToSend(ctx.db, msg.address);
      if (!r) throw new PermanentError('the reply is gone');
      // Sent before and recorded, then the worker stopped: do not post it twice.
      if (r.sentAt) return { status: 'delivered', providerRef: r.externalId ?? undefined };
      const token = r.tokenSealed ? secretsOf(ctx).open(r.tokenSealed) : undefined;
      if (!token) throw new PermanentError(`no API token for ${r.network}: connect the account with --token`);
      let ref: string | null = null;
      if (r.network === 'telegram') {
        const { status, json } = await call(
          `${trim(api.telegram)}/bot${token}/sendMessage`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ chat_id: Number(r.accountRef), text: r.text, reply_parameters: { message_id: Number(r.commentId), allow_sending_without_reply: true } }),
          },
          api.timeoutMs,
        );
        if (json.ok !== true) {
          const params = (json.parameters ?? {}) as { retry_after?: number };
          throw httpFailure('Telegram', Number(json.error_code ?? status), String(json.description ?? 'error'), params.retry_after);
        }
        ref = String((json.result as { message_id?: number } | undefined)?.message_id ?? '');
      } else if (r.network === 'vk') {
        const ownerId = r.messageExternalId.split('_')[0];
        const form = new URLSearchParams({ owner_id: ownerId, post_id: r.postId ?? '', reply_to_comment: r.commentId, message: r.text, access_token: token, v: VK_VERSION });
        const { status, json } = await call(`${trim(api.vk)}/method/wall.createComment`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }, api.timeoutMs);
        const error = json.error as { error_code?: number; error_msg?: string } | undefined;
        if (status >= 400) throw httpFailure('VK', status, 'HTTP error');
        if (error) {
          // 6: too many requests per second, 9: flood control, 10: internal error.
          if (error.error_code === 6 || error.error_code === 9) throw new RetryLaterError(`VK ${error.error_code}: ${error.error_msg}`, 60_000);
          if (error.error_code === 10) throw new Error(`VK 10: ${error.error_msg}`);
          throw new PermanentError(`VK ${error.error_code}: ${error.error_msg}`);
        }
        ref = String((json.response as { comment_id?: number } | undefined)?.comment_id ?? '');
      } else if (r.network === 'facebook' || r.network === 'instagram') {
        const edge = r.network === 'facebook' ? 'comments' : 'replies';
        const form = new URLSearchParams({ message: r.text, access_token: token });
        const { status, json } = await call(`${trim(api.graph)}/${api.graphVersion}/${encodeURIComponent(r.commentId)}/${edge}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }, api.timeoutMs);
        const error = json.error as { code?: number; message?: string } | undefined;
        if (status >= 400 || error) {
          // 4, 17, 32, 613: Graph API rate limits.
          if (error?.code !== undefined && [4, 17, 32, 613].includes(error.code)) throw new RetryLaterError(`Graph ${error.code}: ${error.message}`, 300_000);
          throw httpFailure('Graph', status >= 400 ? status : 400, error?.message ?? 'error');
        }
        ref = String(json.id ?? '');
      } else {
        // Imported comments (TikTok, YouTube…) have no API here: the reply is for the SMM tool.
        throw new PermanentError(`${r.network} has no reply API; answer in the network's own tool`);
      }
      await repo.recordReplySent(ctx.db, r.id, r.messageId, ref || null, ctx.clock.now());
      return { status: 'delivered', providerRef: ref || undefined };
    },
    async close() {},
  };
}
