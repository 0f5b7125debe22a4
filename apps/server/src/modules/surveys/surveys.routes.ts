// Surveys' HTTP contract: /api/v1/surveys for the body's staff, /api/v1/survey-invitations/{token}
// for the respondent (no account: the token is the whole credential, for one response).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { toCsv, toXlsx } from './export.ts';
import { createInvitations, createSurvey, getSurvey, listSurveys, profileDimensions, responseTable, setSurveyStatus, submitResponse, surveyForRespondent, surveyResults, surveyTemplates, updateSurvey } from './surveys.service.ts';
import { SURVEY_STAFF } from './surveys.policy.ts';
import { DIMENSIONS } from './questionnaire.ts';

const TAGS = ['surveys'];
const Lang = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
const Localized = Type.Object({ kk: Type.String({ minLength: 1, maxLength: 500 }), ru: Type.String({ minLength: 1, maxLength: 500 }), en: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
const Code = Type.String({ pattern: '^[a-z0-9_+-]{1,40}$' });
const Question = Type.Object(
  {
    id: Code,
    kind: Type.Union([Type.Literal('single'), Type.Literal('multiple'), Type.Literal('scale'), Type.Literal('text')]),
    text: Localized,
    options: Type.Optional(Type.Array(Type.Object({ id: Code, text: Localized }, { additionalProperties: false }), { maxItems: 30 })),
    max: Type.Optional(Type.Integer({ minimum: 2, maximum: 10 })),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Quotas = Type.Record(Type.String({ maxLength: 40 }), Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 0, maximum: 1_000_000 })));
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 60 }) });

export function surveysRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/surveys/profile', { schema: { tags: TAGS, summary: 'The respondent profile: dimensions and groups (kk/ru/en)' } }, async () => profileDimensions());
    app.get('/surveys/templates', { schema: { tags: TAGS, summary: 'Templates: the study’s questions on awareness, use and satisfaction per channel' } }, async (req) => {
      requireStaff(req, SURVEY_STAFF);
      return surveyTemplates();
    });
    app.get('/surveys', { schema: { tags: TAGS, summary: 'The body’s surveys, newest first' } }, async (req) => listSurveys(ctx, requireStaff(req, SURVEY_STAFF)));
    app.post(
      '/surveys',
      {
        schema: {
          tags: TAGS,
          summary: 'Build a survey (a draft): questions in kk/ru/en, or template: "channels"; quotas per profile group',
          body: Type.Object(
            { template: Type.Optional(Type.Literal('channels')), title: Type.Optional(Localized), questions: Type.Optional(Type.Array(Question, { minItems: 1, maxItems: 100 })), quotas: Type.Optional(Quotas) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await createSurvey(ctx, requireStaff(req, SURVEY_STAFF), req.body)),
    );
    app.get('/surveys/:id', { schema: { tags: TAGS, summary: 'One survey with its invitation counts', params: IdParams } }, async (req) => getSurvey(ctx, requireStaff(req, SURVEY_STAFF), req.params.id));
    app.put(
      '/surveys/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Change the title, the questions (drafts only) or the quotas',
          params: IdParams,
          body: Type.Object({ title: Type.Optional(Localized), questions: Type.Optional(Type.Array(Question, { minItems: 1, maxItems: 100 })), quotas: Type.Optional(Quotas) }, { additionalProperties: false }),
        },
      },
      async (req) => updateSurvey(ctx, requireStaff(req, SURVEY_STAFF), req.params.id, req.body),
    );
    app.post('/surveys/:id/open', { schema: { tags: TAGS, summary: 'Open the survey for answers', params: IdParams } }, async (req) => setSurveyStatus(ctx, requireStaff(req, SURVEY_STAFF), req.params.id, 'open'));
    app.post('/surveys/:id/close', { schema: { tags: TAGS, summary: 'Close the survey', params: IdParams } }, async (req) => setSurveyStatus(ctx, requireStaff(req, SURVEY_STAFF), req.params.id, 'closed'));
    app.post(
      '/surveys/:id/invitations',
      {
        schema: {
          tags: TAGS,
          summary: 'New invitations, one response each: links (and QR codes as SVG); the tokens are shown only now',
          params: IdParams,
          body: Type.Object({ count: Type.Integer({ minimum: 1, maximum: 1000 }), channel: Type.Union([Type.Literal('link'), Type.Literal('qr')]), language: Type.Optional(Lang) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => reply.status(201).send(await createInvitations(ctx, requireStaff(req, SURVEY_STAFF), req.params.id, req.body)),
    );
    app.get(
      '/surveys/:id/results',
      {
        schema: {
          tags: TAGS,
          summary: 'Cross-tabulations by a profile dimension: counts, column %, chi-square p-value; weighted=true weights to the quota targets',
          params: IdParams,
          querystring: Type.Object({ by: Type.Union(DIMENSIONS.map((d) => Type.Literal(d))), weighted: Type.Optional(Type.Boolean()) }),
        },
      },
      async (req) => surveyResults(ctx, requireStaff(req, SURVEY_STAFF), req.params.id, req.query),
    );
    app.get(
      '/surveys/:id/responses',
      { schema: { tags: TAGS, summary: 'All responses as CSV or XLSX (format=csv|xlsx), with the quota weight', params: IdParams, querystring: Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }) } },
      async (req, reply) => {
        const t = await responseTable(ctx, requireStaff(req, SURVEY_STAFF), req.params.id);
        const name = `survey-${req.params.id}`;
        if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(t.header, t.rows));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await toXlsx('Responses', t.header, t.rows));
      },
    );

    app.get('/survey-invitations/:token', { schema: { tags: TAGS, summary: 'The questionnaire for the invitation’s respondent', params: TokenParams } }, async (req) => surveyForRespondent(ctx, req.params.token));
    app.post(
      '/survey-invitations/:token',
      {
        schema: {
          tags: TAGS,
          summary: 'Answer: the profile and the answers, once per invitation',
          params: TokenParams,
          body: Type.Object(
            {
              language: Lang,
              profile: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 40 })),
              answers: Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.String({ maxLength: 4000 }), Type.Integer(), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })])),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await submitResponse(ctx, req.params.token, req.body)),
    );
  };
}
