import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { AppealIntakeSchema, ListQuerySchema, RegisteredSchema } from './appeals.schemas.ts';
import { registerAppeal } from './register-appeal.ts';
import { getAppealCard, listAppeals, trackAppeal } from './appeals.service.ts';

export function appealsRoutes(ctx: AppContext, hooks: { dueSoonBefore?: (now: Date) => Promise<Date> } = {}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/appeals',
      {
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
          summary: 'Track an appeal by its number and access code',
          params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
          querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), lang: Type.Optional(Type.String()) }),
        },
      },
      async (req) => (await trackAppeal(ctx, req.params.number, req.query.code)).view,
    );

    app.get(
      '/appeals',
      { schema: { tags: ['appeals'], summary: 'Staff list of appeals with filters and keyset pagination', querystring: ListQuerySchema } },
      async (req) => {
        const staff = requireStaff(req);
        const dueSoonBefore = req.query.dueSoon && hooks.dueSoonBefore ? await hooks.dueSoonBefore(ctx.clock.now()) : undefined;
        return listAppeals(ctx, staff, req.query, dueSoonBefore);
      },
    );

    app.get(
      '/appeals/:id',
      { schema: { tags: ['appeals'], summary: 'The appeal card with its full history', params: Type.Object({ id: Type.String({ maxLength: 40 }) }) } },
      async (req) => getAppealCard(ctx, requireStaff(req), req.params.id),
    );
  };
}
