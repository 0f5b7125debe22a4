// The city app's HTTP contract: the public map (/map), city objects and their QR codes
// (/city-objects), and the applicant's verdict on a fix (/track/{number}/fix).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { NullableString } from '../../platform/schemas.ts';
import { fixState, giveFixVerdict, verdictCounts } from './fix.service.ts';
import { mapPoints } from './map.service.ts';
import { createObject, getObject, listObjects, objectQrSvg, removeObject } from './objects.service.ts';

const TAGS = ['citymap'];
const PUBLIC_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
const NumberParams = Type.Object({ number: Type.String({ maxLength: 40 }) });
const Location = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });

const CityObject = Type.Object({
  code: Type.String(),
  name: Type.String(),
  address: NullableString,
  location: Type.Union([Type.Object({ lat: Type.Number(), lon: Type.Number() }), Type.Null()]),
  topicCode: NullableString,
  body: Type.Object({ id: Type.String(), code: Type.String(), name: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }) }),
  createdAt: Type.String(),
});

const Cell = Type.Object({
  lat: Type.Number(),
  lon: Type.Number(),
  total: Type.Integer(),
  new: Type.Integer(),
  inWork: Type.Integer(),
  solved: Type.Integer(),
  notSolved: Type.Integer(),
  colour: Type.String(),
});

export function citymapRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/map/points',
      {
        schema: {
          tags: TAGS,
          summary:
            'Public map: appeals with a place (never confidential, never another body’s redirected copy) counted per grid cell, each point rounded to about 100 m, with its status colour (new / in_work / solved / not_solved). bbox = west,south,east,north; the grid follows zoom; at most 2,000 cells, the busiest first',
          querystring: Type.Object({
            bbox: Type.Optional(Type.String({ maxLength: 100 })),
            zoom: Type.Integer({ minimum: 0, maximum: 22, default: 12 }),
            topic: Type.Optional(Type.String({ maxLength: 100 })),
            body: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(Type.String({ maxLength: 100, description: 'comma-separated: new,in_work,solved,not_solved' })),
            from: Type.Optional(Type.String({ maxLength: 40, description: 'received from (a date or an instant)' })),
            to: Type.Optional(Type.String({ maxLength: 40, description: 'received up to (a date: that whole day)' })),
          }),
          response: { 200: Type.Object({ cell: Type.Number(), truncated: Type.Boolean(), total: Type.Integer(), cells: Type.Array(Cell) }) },
        },
      },
      async (req, reply) => {
        // The same for everyone: proxies may keep it for half a minute.
        reply.header('cache-control', 'public, max-age=30');
        return mapPoints(ctx, req.query);
      },
    );

    app.get(
      '/map/config',
      { schema: { tags: TAGS, summary: 'Where the map’s background tiles come from (MAP_TILES_URL; empty: no background, the points and the list still work) and the portal’s public address (what QR posters print)' } },
      async () => ({ tilesUrl: ctx.config.mapTilesUrl, attribution: ctx.config.mapTilesAttribution, portalUrl: ctx.config.publicUrl.replace(/\/+$/, '') }),
    );

    app.get(
      '/map/fix-verdicts',
      {
        schema: {
          tags: TAGS,
          summary: 'How many fixes applicants confirmed and refuted (a body by code, a period)',
          querystring: Type.Object({ body: Type.Optional(Type.String({ maxLength: 100 })), from: Type.Optional(Type.String({ maxLength: 40 })), to: Type.Optional(Type.String({ maxLength: 40 })) }),
          response: { 200: Type.Object({ confirmed: Type.Integer(), refuted: Type.Integer(), total: Type.Integer() }) },
        },
      },
      async (req) => verdictCounts(ctx, req.query),
    );

    app.get(
      '/city-objects',
      {
        schema: {
          tags: TAGS,
          summary: 'The body’s city objects (QR posters), by code',
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 40 })) }),
          response: { 200: Type.Object({ items: Type.Array(CityObject), nextCursor: NullableString }) },
        },
      },
      async (req) => listObjects(ctx, requireStaff(req), req.query),
    );

    app.post(
      '/city-objects',
      {
        schema: {
          tags: TAGS,
          summary: 'Create a city object of the body (communications officer, administrator); the code is printed on the poster',
          body: body({
            code: Type.String({ minLength: 3, maxLength: 40 }),
            name: Type.String({ minLength: 2, maxLength: 200 }),
            address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
            location: Type.Optional(Type.Union([Location, Type.Null()])),
            topicCode: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          }),
          response: { 201: CityObject },
        },
      },
      async (req, reply) => reply.status(201).send(await createObject(ctx, requireStaff(req), req.body)),
    );

    app.get(
      '/city-objects/:code',
      { schema: { tags: TAGS, summary: 'Public: a city object, as a scanned poster fills the appeal form', params: CodeParams, response: { 200: CityObject } } },
      async (req) => getObject(ctx, req.params.code),
    );

    app.delete(
      '/city-objects/:code',
      { schema: { tags: TAGS, summary: 'Remove a city object of the body (its posters then open an empty form)', params: CodeParams } },
      async (req, reply) => {
        await removeObject(ctx, requireStaff(req), req.params.code);
        return reply.status(204).send();
      },
    );

    app.get(
      '/city-objects/:code/qr.svg',
      {
        schema: {
          tags: TAGS,
          summary: 'The QR code (SVG) of the object’s link /{lang}/appeal?object=CODE',
          params: CodeParams,
          querystring: Type.Object({ lang: Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')], { default: 'kk' }) }),
        },
      },
      async (req, reply) => {
        const { svg, link } = await objectQrSvg(ctx, req.params.code, req.query.lang);
        return reply.type('image/svg+xml; charset=utf-8').header('x-qr-link', link).header('cache-control', 'public, max-age=300').send(svg);
      },
    );

    app.get(
      '/track/:number/fix',
      {
        config: PUBLIC_LIMIT,
        schema: { tags: TAGS, summary: 'For the applicant: may the fix be confirmed or refuted, until when, and the verdict given', params: NumberParams, querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }) },
      },
      async (req) => fixState(ctx, req.params.number, req.query.code),
    );

    app.post(
      '/track/:number/fix',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'The applicant confirms or refutes a `resolved` answer, once, within 15 days; refuting opens the disagreement complaint',
          params: NumberParams,
          body: body({ code: Type.String({ minLength: 1, maxLength: 40 }), verdict: Type.Union([Type.Literal('confirmed'), Type.Literal('refuted')]), comment: Type.Optional(Type.String({ maxLength: 4000 })) }),
        },
      },
      async (req, reply) => reply.status(201).send(await giveFixVerdict(ctx, req.params.number, req.body)),
    );
  };
}
