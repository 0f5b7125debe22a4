// Public discussion's HTTP contract (/api/v1/drafts): the public page, confirmed comments
// and reports for anyone; publishing, answers and moderation for the developer body.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import * as svc from './drafts.service.ts';
import { summaryPdf, summaryXlsx } from './summary.ts';

const TAGS = ['drafts'];
const Lang = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
const Stance = Type.Union([Type.Literal('for'), Type.Literal('against'), Type.Literal('neutral')]);
const Decision = Type.Union([Type.Literal('accepted'), Type.Literal('partly_accepted'), Type.Literal('rejected')]);
const Id = Type.String({ maxLength: 40 });
const IdParams = Type.Object({ id: Id });
const Document = {
  markdown: Type.Optional(Type.String({ minLength: 1, maxLength: 500_000 })),
  /** A .docx file, base64 (≤ 1 MB request). */
  docxBase64: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
};

export function draftsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/drafts',
      {
        schema: {
          tags: TAGS,
          summary: 'Published discussions (draft acts, budgets, datasets), newest term first; bodyCode: one body’s (its page lists the open ones); open: only those open now',
          querystring: Type.Object({
            bodyCode: Type.Optional(Type.String({ maxLength: 100 })),
            kind: Type.Optional(Type.Union([Type.Literal('draft_act'), Type.Literal('budget'), Type.Literal('dataset')])),
            open: Type.Optional(Type.Boolean()),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
          }),
        },
      },
      async (req) => svc.listDiscussions(ctx, req.query),
    );

    app.post(
      '/drafts',
      {
        schema: {
          tags: TAGS,
          summary: 'Publish a draft act or a budget for discussion (the body’s communications officer, administrator, head): Markdown or DOCX, split into articles and paragraphs; subscribers are told the same day',
          body: Type.Object(
            {
              kind: Type.Optional(Type.Union([Type.Literal('draft_act'), Type.Literal('budget')])),
              title: Type.String({ minLength: 3, maxLength: 300 }),
              language: Lang,
              opensAt: Type.Optional(Type.String({ maxLength: 40 })),
              closesAt: Type.String({ maxLength: 40 }),
              ...Document,
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await svc.publishDiscussion(ctx, requireStaff(req), req.body)),
    );

    app.get('/drafts/mine', { schema: { tags: TAGS, summary: 'The staff member’s body’s discussions, announced ones too' } }, async (req) => svc.ownDiscussions(ctx, requireStaff(req)));

    app.get('/drafts/:id', { schema: { tags: TAGS, summary: 'The public page: the current text by paragraph with visible comments and answers', params: IdParams } }, async (req) => svc.discussionPage(ctx, req.params.id));

    app.post(
      '/drafts/codes',
      {
        schema: {
          tags: TAGS,
          summary: 'Send a one-time code to an e-mail or a phone (through the outbox) to confirm a commenter or a subscriber; valid 2 hours, 5 tries',
          body: Type.Object({ contact: Type.String({ minLength: 5, maxLength: 200 }), language: Type.Optional(Lang) }, { additionalProperties: false }),
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => reply.status(201).send(await svc.requestCode(ctx, { contact: req.body.contact, language: req.body.language ?? req.lang })),
    );

    app.post(
      '/drafts/subscriptions',
      {
        schema: {
          tags: TAGS,
          summary: 'Subscribe a confirmed e-mail to new drafts of a body (bodyCode) or of every body',
          body: Type.Object({ email: Type.String({ maxLength: 200 }), codeId: Id, code: Type.String({ maxLength: 10 }), bodyCode: Type.Optional(Type.String({ maxLength: 100 })), language: Type.Optional(Lang) }, { additionalProperties: false }),
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => reply.status(201).send(await svc.subscribe(ctx, { ...req.body, language: req.body.language ?? req.lang })),
    );

    app.post(
      '/drafts/:id/comments',
      {
        schema: {
          tags: TAGS,
          summary: 'Comment on a paragraph (or on the whole draft): name, a confirmed e-mail or phone, for/against/neutral. Impolite words, personal data and spam are hidden with the reason',
          params: IdParams,
          body: Type.Object(
            {
              paragraphId: Type.Optional(Type.Union([Id, Type.Null()])),
              name: Type.String({ minLength: 2, maxLength: 200 }),
              contact: Type.String({ minLength: 5, maxLength: 200 }),
              codeId: Id,
              code: Type.String({ maxLength: 10 }),
              stance: Stance,
              text: Type.String({ minLength: 2, maxLength: 5000 }),
            },
            { additionalProperties: false },
          ),
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => reply.status(201).send(await svc.postComment(ctx, req.params.id, req.body)),
    );

    app.post(
      '/drafts/comments/:id/reports',
      { schema: { tags: TAGS, summary: 'Report a comment (once per reader); the third report hides it until a moderator looks', params: IdParams }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (req) => svc.reportComment(ctx, req.params.id, req.ip),
    );

    app.get(
      '/drafts/:id/comments',
      { schema: { tags: TAGS, summary: 'Every comment of the body’s discussion with its due date, hidden ones too (the developer body)', params: IdParams } },
      async (req) => svc.staffComments(ctx, requireStaff(req), req.params.id),
    );

    app.post(
      '/drafts/comments/:id/answer',
      {
        schema: {
          tags: TAGS,
          summary: 'Answer a comment (the developer body): begins «Уважаемый …! Благодарим за …» (kk «Құрметті …! … үшін рахмет», en «Dear …! Thank you for …»), never «Принято к сведению», with the decision and its reason',
          params: IdParams,
          body: Type.Object({ text: Type.String({ minLength: 10, maxLength: 10_000 }), decision: Decision, reason: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
        },
      },
      async (req) => svc.answerComment(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.get(
      '/drafts/moderation',
      { schema: { tags: TAGS, summary: 'Hidden comments of the body’s discussions no moderator has looked at (moderator)', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }) } },
      async (req) => svc.moderationQueue(ctx, requireStaff(req), req.query.limit),
    );

    app.post(
      '/drafts/comments/:id/moderation',
      { schema: { tags: TAGS, summary: 'Show a hidden comment again, or keep it hidden (moderator)', params: IdParams, body: Type.Object({ action: Type.Union([Type.Literal('show'), Type.Literal('hide')]) }, { additionalProperties: false }) } },
      async (req) => svc.moderateComment(ctx, requireStaff(req), req.params.id, req.body.action),
    );

    app.post(
      '/drafts/:id/versions',
      { schema: { tags: TAGS, summary: 'Publish the revised text after the discussion (the developer body)', params: IdParams, body: Type.Object(Document, { additionalProperties: false }) } },
      async (req, reply) => reply.status(201).send(await svc.publishRevision(ctx, requireStaff(req), req.params.id, req.body)),
    );

    app.get(
      '/drafts/:id/diff',
      { schema: { tags: TAGS, summary: 'What changed between two versions (default: the last two), word by word', params: IdParams, querystring: Type.Object({ from: Type.Optional(Type.Integer({ minimum: 1 })), to: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
      async (req) => svc.versionDiff(ctx, req.params.id, req.query.from, req.query.to),
    );

    app.get(
      '/drafts/:id/summary.:format',
      {
        schema: {
          tags: TAGS,
          summary: 'The summary table of every comment, answer and decision once the discussion has ended: pdf or xlsx, in the page’s language',
          params: Type.Object({ id: Id, format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]) }),
        },
      },
      async (req, reply) => {
        const s = await svc.summaryRows(ctx, req.params.id);
        const name = `summary-${req.params.id}.${req.params.format}`;
        if (req.params.format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(await summaryPdf(s, req.lang));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(await summaryXlsx(s, req.lang));
      },
    );
  };
}
