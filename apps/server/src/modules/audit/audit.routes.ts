import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { listReads } from './audit.service.ts';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/audit/reads',
      {
        schema: {
          tags: ['audit'],
          summary: 'Who opened which appeal card, attachment or letter PDF (oversight), newest first',
          querystring: Type.Object({
            appealId: Type.Optional(Type.String({ format: 'uuid' })),
            staffId: Type.Optional(Type.String({ format: 'uuid' })),
            from: Type.Optional(Type.String({ format: 'date-time', description: 'from this instant, included' })),
            to: Type.Optional(Type.String({ format: 'date-time', description: 'before this instant' })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
        },
      },
      async (req) => listReads(ctx, requireStaff(req), req.query),
    );
  };
}
