// The official website's HTTP contract: /api/v1/site/bodies/{code} (the page, its change
// log, subscriptions), /api/v1/site/ratings ("was this page useful?"), /api/v1/help (the
// "How can I help you?" search) and the body's monitoring of votes and completeness.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { completenessMonitoring, confirmSubscription, getSitePage, helpSearch, listChangeLog, ratePage, ratingSummary, savePage, SITE_READERS, subscribe, unsubscribe } from './site.service.ts';

const TAGS = ['site'];
const Language = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
const Code = Type.Object({ code: Type.String({ maxLength: 64 }) });
const Token = Type.Object({ token: Type.String({ minLength: 8, maxLength: 100 }) }, { additionalProperties: false });
const Text = (max: number) => Type.String({ maxLength: max });

const PageBody = Type.Object(
  {
    about: Type.Object({ kk: Type.Optional(Text(20000)), ru: Type.Optional(Text(20000)), en: Type.Optional(Text(20000)) }, { additionalProperties: false }),
    documents: Type.Array(Type.Object({ title: Type.String({ minLength: 1, maxLength: 300 }), url: Type.String({ maxLength: 1000 }), date: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }), { maxItems: 200 }),
    news: Type.Array(Type.Object({ title: Type.String({ minLength: 1, maxLength: 300 }), text: Text(5000), date: Type.String({ format: 'date' }) }, { additionalProperties: false }), { maxItems: 100 }),
    social: Type.Array(Type.Object({ network: Type.String({ minLength: 2, maxLength: 40 }), url: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), { maxItems: 30 }),
  },
  { additionalProperties: false },
);

export function siteRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/site/bodies/:code',
      { schema: { tags: TAGS, summary: 'A body’s public page: the bodies module’s contacts and channels, with about, documents, news, social accounts, heads’ blogs, the latest changes and completeness', params: Code } },
      async (req) => getSitePage(ctx, req.params.code),
    );
    app.put(
      '/site/bodies/:code',
      { schema: { tags: TAGS, summary: 'Replace the page’s sections (administrator, communications, content editor of the body); each change is dated in the public log and mailed to subscribers', params: Code, body: PageBody } },
      async (req) => savePage(ctx, requireStaff(req), req.params.code, req.body),
    );
    app.get(
      '/site/bodies/:code/changes',
      {
        schema: {
          tags: TAGS,
          summary: 'The public change log of a body’s page, newest first',
          params: Code,
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), cursor: Type.Optional(Type.String({ maxLength: 20 })) }),
        },
      },
      async (req) => listChangeLog(ctx, req.params.code, req.query),
    );
    app.post(
      '/site/bodies/:code/subscribe',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: TAGS, summary: 'Subscribe an e-mail to the page’s changes: a confirmation link is mailed (the same answer whether or not the address is subscribed)', params: Code, body: Type.Object({ email: Type.String({ format: 'email', maxLength: 200 }), language: Language }, { additionalProperties: false }) },
      },
      async (req, reply) => reply.status(202).send(await subscribe(ctx, req.params.code, req.body)),
    );
    app.post('/site/subscriptions/confirm', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: TAGS, summary: 'Confirm a subscription with the mailed token', body: Token } }, async (req) =>
      confirmSubscription(ctx, req.body.token),
    );
    app.post('/site/subscriptions/unsubscribe', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: TAGS, summary: 'Unsubscribe with the token of any mail', body: Token } }, async (req) =>
      unsubscribe(ctx, req.body.token),
    );
    app.post(
      '/site/ratings',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: TAGS,
          summary: '“Was this page useful?”: one vote for a public page (its path), of a body when given',
          body: Type.Object({ page: Type.String({ minLength: 1, maxLength: 200, pattern: '^/' }), body: Type.Optional(Type.String({ maxLength: 64 })), useful: Type.Boolean() }, { additionalProperties: false }),
        },
      },
      async (req, reply) => reply.status(201).send(await ratePage(ctx, req.body)),
    );
    app.get('/site/ratings', { schema: { tags: TAGS, summary: 'Votes per page of the body and the applicants’ ratings of its answers' } }, async (req) => ratingSummary(ctx, requireStaff(req, SITE_READERS)));
    app.get(
      '/site/completeness',
      {
        schema: {
          tags: TAGS,
          summary: 'Daily completeness of the body’s page (all=true: every body, for analysts and administrators)',
          querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 10 })), to: Type.Optional(Type.String({ maxLength: 10 })), all: Type.Optional(Type.Boolean()) }),
        },
      },
      async (req) => completenessMonitoring(ctx, requireStaff(req, SITE_READERS), req.query),
    );
    app.get(
      '/help',
      { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: TAGS, summary: '“How can I help you?”: topics, bodies, knowledge-base articles and published Q&A, each naming the body and the channel to use', querystring: Type.Object({ q: Type.String({ maxLength: 200 }) }) } },
      async (req) => helpSearch(ctx, req.query.q),
    );
  };
}
