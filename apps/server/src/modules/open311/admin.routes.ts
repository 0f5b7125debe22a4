// /api/v1/open311/…: the staff side of Open311 (keys, attributes).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { DATATYPES, listBodyAttributes, putAttribute, removeAttribute } from './attributes.ts';
import { addApiKey, listApiKeys, revokeApiKey } from './keys.ts';

const Loc = Type.Object({ kk: Type.String({ maxLength: 500 }), ru: Type.String({ maxLength: 500 }), en: Type.String({ maxLength: 500 }) }, { additionalProperties: false });

export function open311AdminRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/open311/keys', { schema: { tags: ['open311'], summary: 'API keys of city apps (the central body’s administrator); keys themselves are never shown again' } }, async (req) => ({
      items: await listApiKeys(ctx, requireStaff(req)),
    }));
    app.post(
      '/open311/keys',
      { schema: { tags: ['open311'], summary: 'Issue an API key for an app: the key is in this answer only', body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }) } },
      async (req, reply) => reply.status(201).send(await addApiKey(ctx, requireStaff(req), req.body.name)),
    );
    app.delete(
      '/open311/keys/:id',
      { schema: { tags: ['open311'], summary: 'Revoke an API key (refused at once)', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
      async (req) => ({ revoked: await revokeApiKey(ctx, requireStaff(req), req.params.id) }),
    );
    app.get(
      '/open311/attributes',
      { schema: { tags: ['open311'], summary: 'The body’s Open311 attributes per topic (its administrator)', querystring: Type.Object({ topicCode: Type.Optional(Type.String({ maxLength: 100 })) }) } },
      async (req) => ({ items: await listBodyAttributes(ctx, requireStaff(req), req.query.topicCode) }),
    );
    app.put(
      '/open311/attributes/:topicCode/:code',
      {
        schema: {
          tags: ['open311'],
          summary: 'Set an attribute the body asks for on a topic (service definition in Open311)',
          params: Type.Object({ topicCode: Type.String({ maxLength: 100 }), code: Type.String({ pattern: '^[A-Za-z0-9_]{1,50}$' }) }),
          body: Type.Object(
            {
              datatype: Type.Union(DATATYPES.map((d) => Type.Literal(d))),
              required: Type.Optional(Type.Boolean()),
              variable: Type.Optional(Type.Boolean()),
              order: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
              description: Loc,
              datatypeDescription: Type.Optional(Type.Union([Loc, Type.Null()])),
              values: Type.Optional(Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }), name: Loc }, { additionalProperties: false }), { maxItems: 100 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => putAttribute(ctx, requireStaff(req), { ...req.body, topicCode: req.params.topicCode, code: req.params.code }),
    );
    app.delete(
      '/open311/attributes/:topicCode/:code',
      { schema: { tags: ['open311'], summary: 'Remove an attribute', params: Type.Object({ topicCode: Type.String({ maxLength: 100 }), code: Type.String({ maxLength: 50 }) }) } },
      async (req, reply) => {
        await removeAttribute(ctx, requireStaff(req), req.params.topicCode, req.params.code);
        return reply.status(204).send();
      },
    );
  };
}
