// Routing's HTTP contract (/api/v1/routing): suggestions, acceptance, bulk-answer groups.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ANSWER_METHODS } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { NullableString } from '../../platform/schemas.ts';
import { acceptanceRate, suggest, suggestForAppeal } from './routing.service.ts';
import { answerGroup, similarGroups } from './groups.ts';
import { ACCEPTANCE_READERS, GROUP_ANSWERERS } from './routing.policy.ts';

const TAGS = ['routing'];
const Confidence = Type.Number({ minimum: 0, maximum: 1 });
const SuggestionSchema = {
  topics: Type.Array(Type.Object({ code: Type.String(), confidence: Confidence })),
  bodies: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), confidence: Confidence, unitId: NullableString })),
};
const DecisionSchema = Type.Union([
  Type.Object({
    suggestedTopic: NullableString,
    suggestedBodyId: NullableString,
    decidedTopic: NullableString,
    decidedBodyId: NullableString,
    accepted: Type.Union([Type.Boolean(), Type.Null()]),
    decidedAt: NullableString,
  }),
  Type.Null(),
]);
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));

export function routingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/routing/suggest',
      {
        schema: {
          tags: TAGS,
          summary: 'Suggest the topic and the competent body (and unit) for a text, best first, with confidences (0–1)',
          body: Type.Object(
            { text: Type.String({ minLength: 1, maxLength: 20_000 }), lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })), lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object(SuggestionSchema) },
        },
      },
      async (req) => {
        requireStaff(req);
        return suggest(ctx, req.body);
      },
    );

    app.get(
      '/routing/appeals/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'The suggestion for an appeal (as on its card at triage); the first one shown for a newly registered appeal is recorded with the decision that follows',
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
          response: { 200: Type.Object({ ...SuggestionSchema, decision: DecisionSchema }) },
        },
      },
      async (req) => suggestForAppeal(ctx, requireStaff(req), req.params.id),
    );

    app.get(
      '/routing/acceptance',
      {
        schema: {
          tags: TAGS,
          summary: 'How often the body’s triage took the suggestion (topic for its own appeals, body for redirects); by default the last 30 days',
          querystring: Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) }),
          response: {
            200: Type.Object({ bodyId: Type.String(), from: Type.String(), to: Type.String(), shown: Type.Integer(), decided: Type.Integer(), accepted: Type.Integer(), redirected: Type.Integer(), rate: Type.Union([Type.Number(), Type.Null()]) }),
          },
        },
      },
      async (req) => acceptanceRate(ctx, requireStaff(req, ACCEPTANCE_READERS), req.query),
    );

    app.get(
      '/routing/groups',
      {
        schema: {
          tags: TAGS,
          summary: 'Groups of near-identical open appeals of the body (trigram similarity), largest first, for one answer',
          querystring: Type.Object({ similarity: Type.Optional(Type.Number({ minimum: 0.3, maximum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        },
      },
      async (req) => similarGroups(ctx, requireStaff(req, GROUP_ANSWERERS), req.query),
    );

    app.post(
      '/routing/groups/answer',
      {
        schema: {
          tags: TAGS,
          summary: 'One answer for a group: text (with resolution) drafts it on each appeal; sign: true signs and sends each draft; each appeal separately, its result listed',
          body: Type.Object(
            {
              appealIds: Type.Array(Type.String({ maxLength: 40 }), { minItems: 2, maxItems: 200 }),
              text: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
              resolution: Type.Optional(lit(['resolved', 'explained', 'refused'] as const)),
              deliveryMethod: Type.Optional(lit(ANSWER_METHODS)),
              sign: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => answerGroup(ctx, requireStaff(req, GROUP_ANSWERERS), req.body),
    );
  };
}
