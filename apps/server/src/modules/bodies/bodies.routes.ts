import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Localized } from '../../platform/schemas.ts';
import { getBodyPage, listBodies, listTopics } from './bodies.service.ts';

const BodyItem = Type.Object({ id: Type.String(), code: Type.String(), kind: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), name: Localized });

export function bodiesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/bodies',
      {
        schema: {
          tags: ['bodies'],
          summary: 'Government bodies, by code, keyset-paginated; q searches names in any language',
          querystring: Type.Object({
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            q: Type.Optional(Type.String({ maxLength: 100 })),
          }),
          response: { 200: Type.Object({ items: Type.Array(BodyItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
        },
      },
      async (req) => listBodies(ctx, req.query),
    );

    app.get(
      '/bodies/:idOrCode',
      {
        schema: {
          tags: ['bodies'],
          summary: 'A body’s public page: contacts, channels, units, competence',
          params: Type.Object({ idOrCode: Type.String({ maxLength: 64 }) }),
        },
      },
      async (req) => getBodyPage(ctx, req.params.idOrCode),
    );

    app.get(
      '/topics',
      {
        schema: {
          tags: ['bodies'],
          summary: 'The topic taxonomy (two levels, kk/ru/en)',
          response: {
            200: Type.Object({
              items: Type.Array(Type.Object({ code: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]), name: Localized, defaultDifficulty: Type.String() })),
            }),
          },
        },
      },
      async () => ({ items: await listTopics(ctx) }),
    );
  };
}
