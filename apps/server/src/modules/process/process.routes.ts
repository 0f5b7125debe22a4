import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ANSWER_METHODS, DIFFICULTIES } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { triageAppeal } from './triage.ts';
import { assignExecutor } from './assign.ts';
import { extendTerm } from './extend.ts';
import { recordInfoReceived, replyByApplicant, requestInfo } from './request-info.ts';
import { draftAnswer, listAnswers, signAnswer } from './answer.ts';
import { closeAppeal, leaveWithoutConsideration } from './close.ts';
import { giveFeedback } from './feedback.ts';
import { listAppealLinks } from './repeats.ts';
import { applicantCorrespondence } from './correspondence.ts';
import { ANSWER_RESOLUTIONS, listResolutions } from './resolutions.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const NumberParams = Type.Object({ number: Type.String({ maxLength: 40 }) });
const Text = (max = 20000) => Type.String({ minLength: 1, maxLength: max });
const body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const PUBLIC_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const TAGS = ['process'];

export function processRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/resolutions', { schema: { tags: TAGS, summary: 'The unified resolution criteria: codes with names and definitions in kk/ru/en' } }, async () => ({ items: listResolutions() }));

    app.post(
      '/appeals/:id/triage',
      {
        schema: {
          tags: TAGS,
          summary: 'Competence triage: own (in work), other (redirect to targetBodyId), none (standard reply, closed)',
          params: IdParams,
          body: body({
            competence: lit(['own', 'other', 'none'] as const),
            targetBodyId: Type.Optional(Type.String({ format: 'uuid' })),
            difficulty: Type.Optional(lit(DIFFICULTIES)),
            topicCode: Type.Optional(Type.String({ maxLength: 60 })),
            unitId: Type.Optional(Type.String({ format: 'uuid' })),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          }),
        },
      },
      async (req) => triageAppeal(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/appeals/:id/assign',
      {
        schema: {
          tags: TAGS,
          summary: 'Assign or reassign the executor (optionally moving the appeal to another unit of the body)',
          params: IdParams,
          body: body({ executorId: Type.String({ maxLength: 40 }), unitId: Type.Optional(Type.String({ format: 'uuid' })), reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
        },
      },
      async (req) => assignExecutor(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/appeals/:id/extend',
      {
        schema: {
          tags: TAGS,
          summary: 'Extend the statutory term (head or deputy, written reason, at most two months after day 0)',
          params: IdParams,
          body: body({ until: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), reason: Text(4000) }),
        },
      },
      async (req) => extendTerm(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/appeals/:id/request-info',
      { schema: { tags: TAGS, summary: 'Ask the applicant for clarification or documents (medium and heavy appeals; the assigned executor)', params: IdParams, body: body({ text: Text(4000) }) } },
      async (req) => requestInfo(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/appeals/:id/info-received',
      { schema: { tags: TAGS, summary: 'Record the applicant’s reply received by staff; the appeal is back in work', params: IdParams, body: body({ text: Text() }) } },
      async (req) => recordInfoReceived(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.post(
      '/appeals/:id/answer',
      {
        schema: {
          tags: TAGS,
          summary: 'Draft the answer (replaces an earlier draft); checked for a respectful address and real content',
          params: IdParams,
          body: body({ text: Text(), resolution: lit(ANSWER_RESOLUTIONS), deliveryMethod: Type.Optional(lit(ANSWER_METHODS)) }),
        },
      },
      async (req, reply) => reply.status(201).send(await draftAnswer(ctx, requireStaff(req), req.params.id, req.body)),
    );

    app.get('/appeals/:id/answers', { schema: { tags: TAGS, summary: 'Drafts and the sent answer of an appeal', params: IdParams } }, async (req) => listAnswers(ctx, requireStaff(req), req.params.id));

    app.post(
      '/appeals/:id/sign',
      { schema: { tags: TAGS, summary: 'Sign the draft answer and send it (head or deputy, or a role the body allows)', params: IdParams } },
      async (req) => signAnswer(ctx, requireStaff(req), req.params.id),
    );

    app.post(
      '/appeals/:id/close',
      { schema: { tags: TAGS, summary: 'Close an answered appeal, or one left without consideration (closed is not resolved: see the resolution)', params: IdParams } },
      async (req) => closeAppeal(ctx, requireStaff(req), req.params.id),
    );

    app.post(
      '/appeals/:id/leave-without-consideration',
      { schema: { tags: TAGS, summary: 'Leave the appeal without consideration, with the reason (anonymous, no substance, withdrawn…)', params: IdParams, body: body({ reason: Text(4000) }) } },
      async (req) => leaveWithoutConsideration(ctx, requireStaff(req), req.params.id, req.body),
    );

    app.get('/appeals/:id/links', { schema: { tags: TAGS, summary: 'The redirect chain through an appeal and the appeals repeating it', params: IdParams } }, async (req) => listAppealLinks(ctx, requireStaff(req), req.params.id));

    app.post(
      '/track/:number/feedback',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'The applicant rates the answer (1–5, once); disagreeing opens a linked complaint',
          params: NumberParams,
          body: body({ code: Type.String({ minLength: 1, maxLength: 40 }), score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 4000 })), disagree: Type.Optional(Type.Boolean()) }),
        },
      },
      async (req, reply) => reply.status(201).send(await giveFeedback(ctx, req.params.number, req.body)),
    );

    app.post(
      '/track/:number/reply',
      {
        config: PUBLIC_LIMIT,
        schema: { tags: TAGS, summary: 'The applicant answers a request for information', params: NumberParams, body: body({ code: Type.String({ minLength: 1, maxLength: 40 }), text: Text() }) },
      },
      async (req) => replyByApplicant(ctx, req.params.number, req.body.code, req.body),
    );

    app.get(
      '/track/:number/correspondence',
      {
        config: PUBLIC_LIMIT,
        schema: { tags: TAGS, summary: 'The answer and the body’s messages, for the applicant', params: NumberParams, querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), lang: Type.Optional(Type.String()) }) },
      },
      async (req) => applicantCorrespondence(ctx, req.params.number, req.query.code),
    );
  };
}
