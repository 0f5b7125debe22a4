// The knowledge base's HTTP contract (/api/v1/knowledge).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { NullableString } from '../../platform/schemas.ts';
import { createArticle, getArticle, listArticles, setPublished, updateArticle } from './knowledge.service.ts';

const TAGS = ['knowledge'];
const Language = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

const ArticleSchema = Type.Object({
  id: Type.String(),
  shared: Type.Boolean(),
  bodyId: NullableString,
  language: Type.String(),
  title: Type.String(),
  body: Type.String(),
  topicCode: NullableString,
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: NullableString,
  editable: Type.Boolean(),
});

const Fields = {
  title: Type.String({ minLength: 3, maxLength: 200 }),
  body: Type.String({ minLength: 3, maxLength: 20_000 }),
  language: Language,
  topicCode: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
};
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

export function knowledgeRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/knowledge',
      {
        schema: {
          tags: TAGS,
          summary: 'Knowledge-base articles of the body and the shared ones, newest first; q searches like the register (Russian stemmed, Kazakh by trigram). Drafts only for their editors',
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 200 })),
            language: Type.Optional(Language),
            status: Type.Optional(Status),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: { 200: Type.Object({ items: Type.Array(ArticleSchema), nextCursor: NullableString }) },
        },
      },
      async (req) => listArticles(ctx, requireStaff(req), req.query),
    );

    app.post(
      '/knowledge',
      {
        schema: {
          tags: TAGS,
          summary: 'Write a draft article (communications officer, administrator); shared: true for every body (the central body’s administrator)',
          body: Type.Object({ ...Fields, shared: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 201: ArticleSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createArticle(ctx, requireStaff(req), req.body)),
    );

    app.get(
      '/knowledge/:id',
      { schema: { tags: TAGS, summary: 'One article (another body’s, or a draft one may not edit, is 404)', params: IdParams, response: { 200: ArticleSchema } } },
      async (req) => getArticle(ctx, requireStaff(req), req.params.id),
    );

    app.put(
      '/knowledge/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Replace an article’s title, text, language and topic (its editors); a published article stays published',
          params: IdParams,
          body: Type.Object(Fields, { additionalProperties: false }),
          response: { 200: ArticleSchema },
        },
      },
      async (req) => updateArticle(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/knowledge/:id/publish',
      { schema: { tags: TAGS, summary: 'Publish: operators of the body (every body, if shared) see it', params: IdParams, response: { 200: ArticleSchema } } },
      async (req) => setPublished(ctx, requireStaff(req), req.params.id, true),
    );

    app.post(
      '/knowledge/:id/unpublish',
      { schema: { tags: TAGS, summary: 'Back to draft: only its editors see it', params: IdParams, response: { 200: ArticleSchema } } },
      async (req) => setPublished(ctx, requireStaff(req), req.params.id, false),
    );
  };
}
