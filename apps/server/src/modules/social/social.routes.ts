import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DIFFICULTIES, APPEAL_KINDS } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { connectAccount, listConnectedAccounts } from './accounts.service.ts';
import { IGNORE_REASONS, listMessages, MESSAGE_STATUSES, replyToMessage, triageMessage } from './inbox.service.ts';
import { IMPORT_NETWORKS, NETWORKS } from './networks.ts';
import { importComments } from './social-import.ts';
import { socialStats } from './social-stats.ts';
import { metaVerify, metaWebhook, telegramWebhook, vkCallback } from './webhooks.service.ts';

const INBOX = ['social media'];
const HOOKS = ['social media webhooks'];
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const BodyParams = Type.Object({ bodyCode: Type.String({ maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const Ingested = Type.Object({ received: Type.Integer(), stored: Type.Integer() });

export function socialRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(metaRoutes(ctx));

    app.post(
      '/social/telegram/:bodyCode',
      {
        schema: {
          tags: HOOKS,
          summary: 'Telegram Bot API webhook (setWebhook with secret_token): comments in the discussion group of the body’s channel; X-Telegram-Bot-Api-Secret-Token must match, else 401 and nothing stored',
          params: BodyParams,
          headers: Type.Object({ 'x-telegram-bot-api-secret-token': Type.Optional(Type.String({ maxLength: 256 })) }),
          response: { 200: Ingested },
        },
      },
      async (req) => telegramWebhook(ctx, req.params.bodyCode, req.headers['x-telegram-bot-api-secret-token'], req.body),
    );
    app.post(
      '/social/vk/:bodyCode',
      { schema: { tags: HOOKS, summary: 'VK Callback API: `confirmation` is answered with the confirmation string, `wall_reply_new` stored; the `secret` must match (else 401); answers "ok"', params: BodyParams } },
      async (req, reply) => reply.type('text/plain; charset=utf-8').send(await vkCallback(ctx, req.params.bodyCode, req.body)),
    );

    app.get(
      '/social/messages',
      {
        schema: {
          tags: INBOX,
          summary: 'The SMM manager’s inbox: the body’s comments from every network, newest first (keyset), with their incident, triage and first reply',
          querystring: Type.Object({
            network: Type.Optional(lit(IMPORT_NETWORKS)),
            status: Type.Optional(lit(MESSAGE_STATUSES)),
            incident: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
        },
      },
      async (req) => listMessages(ctx, requireStaff(req), req.query),
    );
    app.post(
      '/social/messages/:id/triage',
      {
        schema: {
          tags: INBOX,
          summary: 'Triage a comment and the untriaged comments of its incident: own (registered, channel social_media, taken into work with the difficulty’s term), other (redirected; the reply names the body), none (the standard reply), ignore (with a reason)',
          params: IdParams,
          body: Type.Object({
            decision: lit(['own', 'other', 'none', 'ignore'] as const),
            difficulty: Type.Optional(lit(DIFFICULTIES)),
            kind: Type.Optional(lit(APPEAL_KINDS)),
            topicCode: Type.Optional(Type.String({ maxLength: 100 })),
            targetBodyId: Type.Optional(Type.String({ maxLength: 100 })),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            ignoreReason: Type.Optional(lit(IGNORE_REASONS)),
          }),
        },
      },
      async (req) => triageMessage(ctx, requireStaff(req), req.params.id, req.body),
    );
    app.post(
      '/social/messages/:id/replies',
      { schema: { tags: INBOX, summary: 'Reply under the comment through the network’s API (queued in the outbox)', params: IdParams, body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }) } },
      async (req, reply) => reply.status(201).send(await replyToMessage(ctx, requireStaff(req), req.params.id, req.body.text)),
    );
    app.post(
      '/social/import',
      {
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags: INBOX,
          summary: 'Import comments of a network without a webhook (TikTok, YouTube, SMM tool exports): CSV with a header row or a JSON array; columns id, text, post, author_id, author, link, time, account',
          body: Type.Object({ network: lit(IMPORT_NETWORKS), format: lit(['csv', 'json'] as const), content: Type.String({ minLength: 1, maxLength: 5 * 1024 * 1024 }) }),
          response: { 200: Ingested },
        },
      },
      async (req) => importComments(ctx, requireStaff(req), req.body),
    );
    app.get(
      '/social/stats',
      { schema: { tags: INBOX, summary: 'Daily monitoring: comments per network and day, time to first reply, on time per difficulty (default: today in Almaty)', querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })) }) } },
      async (req) => socialStats(ctx, requireStaff(req), req.query),
    );

    app.get('/social/accounts', { schema: { tags: INBOX, summary: 'The body’s connected accounts and their webhook addresses (secrets are never shown)' } }, async (req) => listConnectedAccounts(ctx, requireStaff(req)));
    app.put(
      '/social/accounts/:network',
      {
        schema: {
          tags: INBOX,
          summary: 'Connect or reconnect an account (administrator): secret (Telegram secret_token, VK secret, Meta app secret), confirmation (VK confirmation string, Meta verify token), token (for replies), accountRef',
          params: Type.Object({ network: lit(NETWORKS) }),
          body: Type.Object({
            secret: Type.String({ maxLength: 256 }),
            confirmation: Type.Optional(Type.String({ maxLength: 256 })),
            token: Type.Optional(Type.String({ maxLength: 1000 })),
            accountRef: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        },
      },
      async (req) => connectAccount(ctx, requireStaff(req), null, { network: req.params.network, ...req.body }),
    );
  };
}

/** Meta's webhooks in their own scope: the signature is over the raw body, so JSON is kept as bytes here. */
function metaRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
    for (const network of ['facebook', 'instagram'] as const) {
      app.get(
        `/social/${network}/:bodyCode`,
        {
          schema: {
            tags: HOOKS,
            summary: `${network === 'facebook' ? 'Facebook' : 'Instagram'} webhook verification: hub.challenge is echoed when hub.verify_token is the account’s`,
            params: BodyParams,
            querystring: Type.Object({ 'hub.mode': Type.Optional(Type.String({ maxLength: 50 })), 'hub.verify_token': Type.Optional(Type.String({ maxLength: 256 })), 'hub.challenge': Type.Optional(Type.String({ maxLength: 256 })) }),
          },
        },
        async (req, reply) => reply.type('text/plain; charset=utf-8').send(await metaVerify(ctx, network, req.params.bodyCode, req.query)),
      );
      app.post(
        `/social/${network}/:bodyCode`,
        {
          schema: {
            tags: HOOKS,
            summary: `${network === 'facebook' ? 'Facebook Page `feed` comment' : 'Instagram `comments`'} events; X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret) must match, else 401 and nothing stored`,
            params: BodyParams,
            headers: Type.Object({ 'x-hub-signature-256': Type.Optional(Type.String({ maxLength: 200 })) }),
            response: { 200: Ingested },
          },
        },
        async (req) => metaWebhook(ctx, network, req.params.bodyCode, req.headers['x-hub-signature-256'], Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
      );
    }
  };
}
