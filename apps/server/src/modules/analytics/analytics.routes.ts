import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { getStats } from './analytics.service.ts';

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Almaty date' });

export function analyticsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/stats',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Statistics of appeals received in a period: terms met, resolutions, redirects, extensions, satisfaction, repeats',
          querystring: Type.Object({
            bodyId: Type.Optional(Type.String({ format: 'uuid', description: 'required scope for body staff (their own); optional for analyst and oversight' })),
            from: Type.Optional({ ...date, description: 'first day (default: 1 January of `to`’s year)' }),
            to: Type.Optional({ ...date, description: 'last day, included (default: today)' }),
            groupBy: Type.Optional(Type.Union([Type.Literal('channel'), Type.Literal('topic'), Type.Literal('unit'), Type.Literal('resolution'), Type.Literal('body')])),
            lang: Type.Optional(Type.String()),
          }),
        },
      },
      async (req) => getStats(ctx, requireStaff(req), req.query),
    );
  };
}
