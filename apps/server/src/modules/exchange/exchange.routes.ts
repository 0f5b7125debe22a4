// The exchange's HTTP contract. The national systems post to /api/exchange/v1 (signed, no
// session); staff read and act at /api/v1/exchange.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ANSWER_METHODS, APPEAL_KINDS, LANGUAGES } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStaff } from '../../platform/http.ts';
import { ApplicantSchema } from '../appeals/index.ts';
import { dismissDuplicateFlag, listDuplicates } from './duplicates.ts';
import { receiveAppeal } from './inbound.service.ts';
import { listReconciliation, runReconciliation } from './reconciliation.ts';
import { getExchangeSettings, listOutboundQueue, setExchangeSettings } from './exchange.service.ts';
import { sign, verify, SIGNATURE_HEADER } from './signature.ts';
import { isSystem, systemEndpoint, type SystemEndpoint } from './systems.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const InboundAppealSchema = Type.Object(
  {
    system: lit(['eotinish', 'egov'] as const),
    externalId: Type.String({ minLength: 1, maxLength: 200 }),
    externalNumber: Type.String({ minLength: 1, maxLength: 100 }),
    receivedAt: Type.String({ format: 'date-time' }),
    bodyCode: Type.String({ minLength: 1, maxLength: 100 }),
    kind: lit(APPEAL_KINDS),
    text: Type.String({ minLength: 3, maxLength: 20_000 }),
    applicant: ApplicantSchema,
    preferredAnswer: lit(ANSWER_METHODS),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    attachments: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10, uniqueItems: true })),
    topicCode: Type.Optional(Type.String({ maxLength: 100 })),
    language: Type.Optional(lit(LANGUAGES)),
  },
  { additionalProperties: false },
);

declare module 'fastify' {
  interface FastifyRequest {
    exchangeRaw?: string;
    exchangeParseError?: boolean;
    exchangeEndpoint?: SystemEndpoint;
  }
}

/**
 * The national systems' door. The raw body is kept as it came, the signature is checked on it
 * before anything else is read (a missing or wrong one is 401 and nothing is written), then
 * the body is validated; the answer is signed with the same secret.
 */
export function exchangeInboundRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      const raw = body as string;
      req.exchangeRaw = raw;
      try {
        done(null, raw === '' ? undefined : JSON.parse(raw));
      } catch {
        req.exchangeParseError = true;
        done(null, undefined);
      }
    });
    app.addHook('preValidation', async (req: FastifyRequest) => {
      const system = (req.body as { system?: unknown } | undefined)?.system;
      const endpoint = isSystem(system) ? await systemEndpoint(ctx, system) : undefined;
      if (!endpoint || req.exchangeRaw === undefined || !verify(endpoint.secret, req.exchangeRaw, req.headers[SIGNATURE_HEADER])) throw new AppError('EXCHANGE_SIGNATURE_INVALID');
      req.exchangeEndpoint = endpoint;
      if (req.exchangeParseError) throw new AppError('INVALID_JSON');
    });
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.exchangeEndpoint && typeof payload === 'string') reply.header(SIGNATURE_HEADER, sign(req.exchangeEndpoint.secret, payload));
      return payload;
    });

    app.post(
      '/appeals',
      {
        schema: {
          tags: ['exchange'],
          summary:
            'An appeal registered in E-Otinish or eGov (signed: X-Tyndau-Signature: sha256=<hex HMAC-SHA256 of the raw body>). Idempotent on (system, externalId): 201 when registered, 200 with the same {id, number} when it was already',
          body: InboundAppealSchema,
          response: { 200: Type.Object({ id: Type.String(), number: Type.String() }), 201: Type.Object({ id: Type.String(), number: Type.String() }) },
        },
      },
      async (req, reply) => {
        const { created, ...answer } = await receiveAppeal(ctx, req.body);
        return reply.code(created ? 201 : 200).send(answer);
      },
    );
  };
}

const DAY = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export function exchangeRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/exchange/settings',
      { schema: { tags: ['exchange'], summary: 'The exchange as the body sees it: the national systems configured (no secrets) and whether its own appeals are registered in E-Otinish (admin)' } },
      async (req) => getExchangeSettings(ctx, requireStaff(req)),
    );
    app.put(
      '/exchange/settings',
      {
        schema: {
          tags: ['exchange'],
          summary: 'Register the body’s appeals received through Tyndau’s own channels in E-Otinish too (admin)',
          body: Type.Object({ registerOwnInEotinish: Type.Boolean() }, { additionalProperties: false }),
        },
      },
      async (req) => setExchangeSettings(ctx, requireStaff(req), req.body),
    );
    app.get(
      '/exchange/outbound',
      {
        schema: {
          tags: ['exchange'],
          summary: 'What the body owes the national systems and what went out, newest first (admin)',
          querystring: Type.Object({ status: Type.Optional(lit(['queued', 'sending', 'sent', 'rejected'] as const)), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        },
      },
      async (req) => listOutboundQueue(ctx, requireStaff(req), req.query),
    );
    app.get(
      '/exchange/reconciliation',
      {
        schema: {
          tags: ['exchange'],
          summary: 'The daily reconciliations with the national systems: counts per status on both sides and every difference, for the body (admin)',
          querystring: Type.Object({ from: DAY, to: DAY }),
        },
      },
      async (req) => {
        const staff = requireStaff(req, ['admin']);
        return listReconciliation(ctx, staff, req.query);
      },
    );
    app.post(
      '/exchange/reconciliation',
      {
        schema: {
          tags: ['exchange'],
          summary: 'Reconcile one day with one system now (admin)',
          body: Type.Object({ system: lit(['eotinish', 'egov'] as const), day: DAY }, { additionalProperties: false }),
        },
      },
      async (req) => runReconciliation(ctx, requireStaff(req, ['admin']), req.body),
    );
    app.get(
      '/exchange/duplicates',
      {
        schema: {
          tags: ['exchange'],
          summary: 'Appeals received through a national system and through another channel from the same applicant within 3 working days with nearly the same text; merge with the register’s merge action, or dismiss',
          querystring: Type.Object({ status: Type.Optional(lit(['open', 'dismissed'] as const)), limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) }),
        },
      },
      async (req) => listDuplicates(ctx, requireStaff(req), req.query),
    );
    app.post(
      '/exchange/duplicates/:id/dismiss',
      { schema: { tags: ['exchange'], summary: 'Not a duplicate: the flag is dismissed', params: Type.Object({ id: Type.String({ maxLength: 20 }) }) } },
      async (req) => dismissDuplicateFlag(ctx, requireStaff(req), req.params.id),
    );
  };
}
