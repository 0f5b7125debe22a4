import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Localized } from '../../platform/schemas.ts';
import { getBody, getBodyPage, listBodies, listTopics } from './bodies.service.ts';
import { requireStaff } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { getBoundary, setBoundary } from './boundaries.ts';

const BodyItem = Type.Object({ id: Type.String(), code: Type.String(), kind: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), name: Localized });

export function bodiesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/bodies/:code/boundary',
      { schema: { tags: ['bodies'], summary: 'The body’s boundary (GeoJSON geometry) used for routing by place; null when it has none', params: Type.Object({ code: Type.String({ maxLength: 40 }) }) } },
      async (req) => ({ boundary: await getBoundary(ctx, req.params.code) }),
    );

    app.put(
      '/bodies/:code/boundary',
      {
        // Real outlines have thousands of points.
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags: ['bodies'],
          summary: 'Set the body’s boundary (its administrator): a GeoJSON Polygon, MultiPolygon or a Feature holding one',
          params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
          body: Type.Object({ boundary: Type.Unknown() }),
        },
      },
      async (req) => {
        const staff = requireStaff(req, ['admin']);
        const body = await getBody(ctx, req.params.code);
        if (body.id !== staff.bodyId) throw new AppError('FORBIDDEN');
        await setBoundary(ctx.db, body.id, req.body.boundary);
        return { boundary: await getBoundary(ctx, body.id) };
      },
    );

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
