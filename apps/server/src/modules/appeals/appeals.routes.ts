import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { AppealIntakeSchema, ListQuerySchema, RegisteredSchema } from './appeals.schemas.ts';
import { registerAppeal } from './register-appeal.ts';
import { getAppealCard, listAppeals, termFlags, trackAppeal } from './appeals.service.ts';
import { listCardReads, markConfidential } from './confidentiality.ts';
import { mergeAppeal } from './merge.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, readAttachment, uploadAttachment } from './attachments.ts';

/** The sent answer as the tracking view shows it (the process module owns answers). */
export type TrackedAnswer = { text: string; resolution: string; deliveryMethod: string; sentAt: string | null } | null;

export function appealsRoutes(
  ctx: AppContext,
  hooks: { dueSoonBefore?: (now: Date) => Promise<Date>; trackAnswer?: (appealId: string) => Promise<TrackedAnswer> } = {},
): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Files arrive as the raw request body with their own content type. The parser takes
    // each route's own limit: 10 MB on the upload route only, 1 MB on every other route.
    app.addContentTypeParser(Object.keys(ATTACHMENT_TYPES), { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    app.post(
      '/attachments',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        // 10 MB from a slow mobile connection takes longer than the default request deadline.
        handlerTimeout: 120_000,
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['appeals'],
          summary: 'Upload one attachment (raw body: PDF, JPEG, PNG, WebP, DOCX or text, ≤ 10 MB); name the returned id in the appeal',
          querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: { 201: Type.Object({ id: Type.String(), fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() }) },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const contentType = String(req.headers['content-type']).split(';')[0].trim();
        return reply.status(201).send(await uploadAttachment(ctx, { name: req.query.name, contentType, data: req.body }));
      },
    );

    app.get(
      '/appeals/:id/attachments/:attachmentId',
      { schema: { tags: ['appeals'], summary: 'Download an attachment of an appeal', params: Type.Object({ id: Type.String({ maxLength: 40 }), attachmentId: Type.String({ format: 'uuid' }) }) } },
      async (req, reply) => {
        const file = await readAttachment(ctx, requireStaff(req), req.params.id, req.params.attachmentId);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.data);
      },
    );

    app.post(
      '/appeals',
      {
        config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '1 minute', allowList: (req) => !!req.staff } },
        schema: {
          tags: ['appeals'],
          summary: 'Register an appeal (public intake; staff may also give channel and receivedAt)',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
          body: AppealIntakeSchema,
          response: { 201: RegisteredSchema },
        },
      },
      async (req, reply) => {
        const result = await registerAppeal(ctx, req.body, { staff: req.staff, idempotencyKey: req.headers['idempotency-key'] });
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/track/:number',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['appeals'],
          summary: 'Track an appeal by its number and access code: status, key dates, public history and the answer once sent',
          params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
          querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), lang: Type.Optional(Type.String()) }),
        },
      },
      async (req) => {
        const { appeal, view } = await trackAppeal(ctx, req.params.number, req.query.code);
        return { ...view, answer: hooks.trackAnswer ? await hooks.trackAnswer(appeal.id) : null };
      },
    );

    app.get(
      '/appeals',
      { schema: { tags: ['appeals'], summary: 'Staff list of appeals with filters and keyset pagination', querystring: ListQuerySchema } },
      async (req) => {
        const staff = requireStaff(req);
        // Always computed so every item carries its dueSoon flag, not only when filtering.
        const dueSoonBefore = hooks.dueSoonBefore ? await hooks.dueSoonBefore(ctx.clock.now()) : undefined;
        return listAppeals(ctx, staff, req.query, dueSoonBefore);
      },
    );

    app.get(
      '/appeals/:id',
      { schema: { tags: ['appeals'], summary: 'The appeal card with its full history', params: Type.Object({ id: Type.String({ maxLength: 40 }) }) } },
      async (req) => {
        const card = await getAppealCard(ctx, requireStaff(req), req.params.id);
        if (!hooks.dueSoonBefore) return card;
        const now = ctx.clock.now();
        return { ...card, dueSoon: termFlags(card, now, await hooks.dueSoonBefore(now)).dueSoon };
      },
    );

    app.post(
      '/appeals/:id/confidential',
      {
        schema: {
          tags: ['appeals'],
          summary: 'Mark an appeal of the body confidential (head, deputy, ethics commissioner; idempotent; never removed): its applicant is then for the ethics commissioner alone',
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false })),
          response: { 200: Type.Object({ id: Type.String(), confidential: Type.Boolean(), changed: Type.Boolean(), inherited: Type.Array(Type.String()) }) },
        },
      },
      async (req) => markConfidential(ctx, requireStaff(req), req.params.id, req.body ?? {}),
    );

    app.post(
      '/appeals/:id/merge',
      {
        schema: {
          tags: ['appeals'],
          summary: 'Merge a duplicate into its parent (same problem, same place; same body, never across the confidential mark): answered with the parent’s answer. parentId is the parent’s id or registration number',
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          body: Type.Object({ parentId: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ id: Type.String(), number: Type.String(), duplicateOfId: Type.String(), parentNumber: Type.String() }) },
        },
      },
      async (req) => mergeAppeal(ctx, requireStaff(req), req.params.id, req.body.parentId),
    );

    app.get(
      '/appeals/:id/reads',
      {
        schema: {
          tags: ['appeals'],
          summary: 'Who opened a confidential appeal’s card and when, newest first (the body’s ethics commissioner, oversight)',
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 200 })) }),
        },
      },
      async (req) => listCardReads(ctx, requireStaff(req), req.params.id, req.query),
    );
  };
}
