import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { listOf, NullableString } from '../../platform/schemas.ts';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from './notify.tables.ts';
import { LETTER_STATUSES } from './letters.service.ts';
import { getPreferences, listOutbox, listTrackedMessages, retryNotification, setPreferences } from './outbox.service.ts';
import { getLetterPdf, listLetters, markLetter } from './letters.service.ts';
import { createAppealTelegramLink, createStaffTelegramLink } from './telegram-link.service.ts';
import { telegramBotUsername } from './telegram.ts';

const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
const Cursor = Type.Optional(Type.String({ maxLength: 200 }));
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const NullableDate = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const OutboxItem = Type.Object({
  id: Type.String(),
  appealId: NullableString,
  appealNumber: NullableString,
  recipientKind: Type.String(),
  recipientUserId: NullableString,
  template: Type.String(),
  channel: Type.String({ description: 'email | sms | telegram | portal | paper' }),
  address: NullableString,
  language: Type.String(),
  status: Type.String({ description: 'queued | sending | sent | delivered | failed | held | cancelled | to_print | printed | posted' }),
  attempts: Type.Integer(),
  error: NullableString,
  createdAt: Type.String(),
  sendAfter: NullableDate,
  nextAttemptAt: NullableDate,
  sentAt: NullableDate,
  deliveredAt: NullableDate,
  providerRef: NullableString,
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  sms: NullableString,
});

const TrackedMessage = Type.Object({
  id: Type.String(),
  at: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  language: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
});

const Preferences = Type.Object({
  channel: Type.Union([Type.Literal('email'), Type.Literal('telegram')]),
  digest: Type.Boolean(),
  telegramLinked: Type.Boolean(),
  telegramLinkedAt: NullableDate,
});

const TelegramLinkSchema = Type.Object({ url: Type.String(), bot: Type.String(), expiresAt: Type.String() });

const Letter = Type.Object({
  id: Type.String(),
  appealId: NullableString,
  appealNumber: NullableString,
  addressee: NullableString,
  address: NullableString,
  language: Type.String(),
  subject: Type.String(),
  status: Type.String({ description: 'to_print | printed | posted' }),
  createdAt: Type.String(),
  printedAt: NullableDate,
  postedAt: NullableDate,
});

export function notifyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const botUsername = () => telegramBotUsername(ctx.config);
  return async (app) => {
    app.get(
      '/outbox',
      {
        schema: {
          tags: ['notify'],
          summary: 'The body’s outbox for its administrator: every message rendered as the recipient sees it, with status, attempts and error (newest first)',
          querystring: Type.Object({ status: Type.Optional(listOf(NOTIFICATION_STATUSES, 'statuses')), channel: Type.Optional(listOf(NOTIFICATION_CHANNELS, 'channels')), appealId: Type.Optional(Type.String({ maxLength: 40 })), limit: Limit, cursor: Cursor }),
          response: { 200: Type.Object({ items: Type.Array(OutboxItem), nextCursor: NullableString }) },
        },
      },
      async (req) => listOutbox(ctx, requireStaff(req), req.query),
    );

    app.post(
      '/outbox/:id/retry',
      { schema: { tags: ['notify'], summary: 'Send a failed or held message again', params: Id, response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) } } },
      async (req) => retryNotification(ctx, requireStaff(req), req.params.id),
    );

    app.get(
      '/track/:number/messages',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['notify'],
          summary: 'Every message the applicant was sent about the appeal (by number and access code), oldest first',
          params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
          querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), lang: Type.Optional(Type.String()), limit: Limit, cursor: Cursor }),
          response: { 200: Type.Object({ items: Type.Array(TrackedMessage), nextCursor: NullableString }) },
        },
      },
      async (req) => listTrackedMessages(ctx, req.params.number, req.query.code, req.query),
    );

    app.post(
      '/track/:number/telegram',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['notify'],
          summary: 'A one-time Telegram deep link that links a chat to the appeal (by number and access code)',
          params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
          body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
          response: { 201: TelegramLinkSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createAppealTelegramLink(ctx, req.params.number, req.body.code, botUsername)),
    );

    app.get(
      '/me/preferences',
      { schema: { tags: ['notify'], summary: 'My channel for staff notifications and the daily digest', response: { 200: Preferences } } },
      async (req) => getPreferences(ctx, requireStaff(req)),
    );

    app.put(
      '/me/preferences',
      {
        schema: {
          tags: ['notify'],
          summary: 'Choose e-mail or Telegram (linked first) for staff notifications; turn the daily digest on or off',
          body: Type.Object({ channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('telegram')])), digest: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Preferences },
        },
      },
      async (req) => setPreferences(ctx, requireStaff(req), req.body),
    );

    app.post(
      '/me/telegram',
      { schema: { tags: ['notify'], summary: 'A one-time Telegram deep link that links a chat to my account', response: { 201: TelegramLinkSchema } } },
      async (req, reply) => reply.status(201).send(await createStaffTelegramLink(ctx, requireStaff(req), botUsername)),
    );

    app.get(
      '/letters',
      {
        schema: {
          tags: ['notify'],
          summary: 'The print queue of paper letters (default: waiting to be printed), newest first',
          querystring: Type.Object({ status: Type.Optional(listOf(LETTER_STATUSES, 'statuses')), limit: Limit, cursor: Cursor }),
          response: { 200: Type.Object({ items: Type.Array(Letter), nextCursor: NullableString }) },
        },
      },
      async (req) => listLetters(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/letters/:id/pdf',
      { schema: { tags: ['notify'], summary: 'The letter as a PDF on the body’s letterhead', params: Id } },
      async (req, reply) => {
        const { pdf, fileName } = await getLetterPdf(ctx, requireStaff(req), req.params.id);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
      },
    );

    for (const to of ['printed', 'posted'] as const) {
      app.post(
        `/letters/:id/${to}`,
        {
          schema: { tags: ['notify'], summary: to === 'printed' ? 'Mark a letter printed' : 'Mark a printed letter posted', params: Id, response: { 200: Type.Object({ id: Type.String(), status: Type.String(), at: Type.String() }) } },
        },
        async (req) => markLetter(ctx, requireStaff(req), req.params.id, to),
      );
    }
  };
}
