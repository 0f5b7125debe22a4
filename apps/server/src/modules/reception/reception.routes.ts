// The in-person channels' HTTP contract: schedules and slots, bookings with review and
// outcome, the desks of the public reception and front office, and statistics.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { Quarter } from './reception.schemas.ts';
import { scheduleRoutes } from './schedules.routes.ts';
import { bookingRoutes } from './bookings.routes.ts';
import { deskRoutes } from './desk.routes.ts';
import { receptionStats } from './stats.service.ts';

export function receptionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(scheduleRoutes(ctx));
    await app.register(bookingRoutes(ctx));
    await app.register(deskRoutes(ctx));
    app.get(
      '/receptions/stats',
      {
        schema: {
          tags: ['personal reception'],
          summary: 'Personal reception statistics per body, official and quarter: supply vs demand, held, received, no-shows, topics, share resolved',
          querystring: Type.Object({ quarter: Type.Optional(Quarter), bodyId: Type.Optional(Type.String({ format: 'uuid' })), officialId: Type.Optional(Type.String({ format: 'uuid' })) }),
        },
      },
      async (req) => receptionStats(ctx, requireStaff(req), req.query),
    );
  };
}
