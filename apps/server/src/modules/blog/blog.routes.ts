// The heads' blogs: /api/v1/blog (public pages, posts, questions) and the editors' writes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { AskedSchema, AskFields } from '../qa/index.ts';
import { askHead, createPost, getHead, listHeads, listPosts, saveHead } from './blog.service.ts';

const TAGS = ['blog'];
const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Slug = Type.Object({ slug: Type.String({ maxLength: 60 }) });

export function blogRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/blog',
      { schema: { tags: TAGS, summary: 'The heads’ blogs, of one body (id or code) or all', querystring: Type.Object({ body: Type.Optional(Type.String({ maxLength: 64 })) }) } },
      async (req) => listHeads(ctx, req.query.body),
    );
    app.get('/blog/:slug', { schema: { tags: TAGS, summary: 'A head’s page: biography and contacts', params: Slug } }, async (req) => getHead(ctx, req.params.slug));
    app.put(
      '/blog/:slug',
      {
        schema: {
          tags: TAGS,
          summary: 'Create or edit a head’s page in one’s own body (head, communications, administrator)',
          params: Slug,
          body: Type.Object(
            { name: Type.String({ minLength: 2, maxLength: 200 }), position: Type.Optional(Type.String({ maxLength: 300 })), biography: Type.Optional(Type.String({ maxLength: 10000 })), contacts: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => saveHead(ctx, requireStaff(req), req.params.slug, req.body),
    );
    app.get(
      '/blog/:slug/posts',
      {
        schema: {
          tags: TAGS,
          summary: 'News and events of a head, newest first',
          params: Slug,
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }), cursor: Type.Optional(Type.String({ maxLength: 200 })) }),
        },
      },
      async (req) => listPosts(ctx, req.params.slug, req.query),
    );
    app.post(
      '/blog/:slug/posts',
      {
        schema: {
          tags: TAGS,
          summary: 'Publish news or an event (eventAt) on a head’s blog',
          params: Slug,
          body: Type.Object(
            { kind: lit(['news', 'event'] as const), language: lit(['kk', 'ru', 'en'] as const), title: Type.String({ minLength: 3, maxLength: 200 }), text: Type.String({ minLength: 3, maxLength: 20000 }), eventAt: Type.Optional(Type.String({ format: 'date-time' })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await createPost(ctx, requireStaff(req), req.params.slug, req.body)),
    );
    app.post(
      '/blog/:slug/questions',
      {
        config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: TAGS,
          summary: 'Ask the head (channel head_blog): answered by e-mail, SMS or the portal; published under the post only with consentToPublish and a moderator’s edit',
          params: Slug,
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
          body: Type.Object(
            { ...AskFields, bodyId: Type.Optional(Type.String({ format: 'uuid' })), postId: Type.Optional(Type.String({ format: 'uuid' })), preferredAnswer: lit(['email', 'sms', 'portal'] as const) },
            { additionalProperties: false },
          ),
          response: { 201: AskedSchema },
        },
      },
      async (req, reply) => {
        const { bodyId: _ignored, ...input } = req.body;
        return reply.status(201).send(await askHead(ctx, req.params.slug, input, req.headers['idempotency-key']));
      },
    );
  };
}
