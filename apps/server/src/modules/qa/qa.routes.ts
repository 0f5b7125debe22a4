// The public questions' HTTP contract: /api/v1/qa (public list, one, asking) and the
// moderator's /api/v1/qa/moderation, the daily figures /api/v1/qa/monitoring.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { NullableString } from '../../platform/schemas.ts';
import { MONITORING_ROLES } from './qa.policy.ts';
import { approveQuestion, askQuestion, dailyMonitoring, getPublishedQuestion, keepPrivate, listModeration, listPublishedQuestions, rejectQuestion, REJECT_REASONS } from './qa.service.ts';

const TAGS = ['qa'];
const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Language = lit(['kk', 'ru', 'en'] as const);
const QuestionChannel = lit(['online_qa', 'head_blog'] as const);
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Localized = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

export const PublicQuestionSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  body: Type.Object({ id: Type.String(), code: Type.String(), name: Localized }),
  headId: NullableString,
  postId: NullableString,
  topicCode: NullableString,
  language: Type.String(),
  question: Type.String(),
  answer: NullableString,
  receivedAt: Type.String(),
  publishedAt: Type.String(),
  answeredAt: NullableString,
});

/** What a citizen sends to ask (online Q&A and, with the head's address, the head's blog). */
export const AskFields = {
  bodyId: Type.String({ format: 'uuid' }),
  text: Type.String({ minLength: 3, maxLength: 5000 }),
  topicCode: Type.Optional(Type.String({ maxLength: 60 })),
  language: Type.Optional(Language),
  name: Type.String({ minLength: 2, maxLength: 300 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{7,20}$' })),
  consentToPublish: Type.Boolean(),
};
export const AskedSchema = Type.Object({ id: Type.String(), number: Type.String(), accessCode: Type.String(), status: Type.String(), receivedAt: Type.String(), moderation: Type.String() });

export function qaRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/qa',
      {
        schema: {
          tags: TAGS,
          summary: 'Published questions and answers, newest first, by body (id or code), topic (with sub-topics), channel, head or post; q searches like the register',
          querystring: Type.Object({
            body: Type.Optional(Type.String({ maxLength: 64 })),
            topic: Type.Optional(Type.String({ maxLength: 60 })),
            channel: Type.Optional(QuestionChannel),
            headId: Type.Optional(Type.String({ maxLength: 40 })),
            postId: Type.Optional(Type.String({ maxLength: 40 })),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: { 200: Type.Object({ items: Type.Array(PublicQuestionSchema), nextCursor: NullableString }) },
        },
      },
      async (req) => listPublishedQuestions(ctx, req.query),
    );

    app.post(
      '/qa/questions',
      {
        config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: TAGS,
          summary: 'Ask a question (online Q&A, channel online_qa): no signature; an e-mail for the answer; consentToPublish true lets a moderator publish it edited, false keeps it an ordinary appeal',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
          body: Type.Object({ ...AskFields, email: Type.String({ format: 'email', maxLength: 200 }) }, { additionalProperties: false }),
          response: { 201: AskedSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await askQuestion(ctx, req.body, { channel: 'online_qa', idempotencyKey: req.headers['idempotency-key'] })),
    );

    app.get(
      '/qa/moderation',
      {
        schema: {
          tags: TAGS,
          summary: 'The moderation queue of the body (moderator, communications, administrator; the head for questions to the head): original text, a suggestion free of personal data',
          querystring: Type.Object({
            status: Type.Optional(lit(['pending', 'published', 'rejected', 'private'] as const)),
            channel: Type.Optional(QuestionChannel),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
        },
      },
      async (req) => listModeration(ctx, requireStaff(req), req.query),
    );

    app.post(
      '/qa/moderation/:id/approve',
      {
        schema: {
          tags: TAGS,
          summary: 'Publish the question as edited (free of personal data; the original stays in the register); again to edit the published text or answer',
          params: IdParams,
          body: Type.Object({ question: Type.String({ minLength: 3, maxLength: 5000 }), answer: Type.Optional(Type.String({ minLength: 3, maxLength: 20000 })) }, { additionalProperties: false }),
        },
      },
      async (req) => approveQuestion(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/qa/moderation/:id/reject',
      {
        schema: {
          tags: TAGS,
          summary: 'Refuse publication with a reason the asker is told (spam, offensive, does_not_belong, personal_data); the appeal is still answered',
          params: IdParams,
          body: Type.Object({ reason: lit(REJECT_REASONS) }, { additionalProperties: false }),
        },
      },
      async (req) => rejectQuestion(ctx, requireStaff(req), req.params.id, req.body.reason),
    );

    app.post(
      '/qa/moderation/:id/private',
      { schema: { tags: TAGS, summary: 'Keep the question private: an ordinary appeal, never published', params: IdParams } },
      async (req) => keepPrivate(ctx, requireStaff(req), req.params.id),
    );

    app.get(
      '/qa/monitoring',
      {
        schema: {
          tags: TAGS,
          summary: 'Daily figures of the body by topic (Almaty days): received, published, answered, answered on time',
          querystring: Type.Object({ channel: Type.Optional(QuestionChannel), from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })) }),
        },
      },
      async (req) => dailyMonitoring(ctx, requireStaff(req, MONITORING_ROLES), { ...req.query, channel: req.query.channel ?? 'online_qa' }),
    );

    app.get(
      '/qa/:id',
      { schema: { tags: TAGS, summary: 'One published question with its answer (anything unpublished is 404)', params: IdParams, response: { 200: PublicQuestionSchema } } },
      async (req) => getPublishedQuestion(ctx, req.params.id),
    );
  };
}
