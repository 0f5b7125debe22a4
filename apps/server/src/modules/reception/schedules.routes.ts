import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { BodyParams, IdParams, PublishedSlotSchema, Quarter, ScheduleInputSchema, ScheduleSchema, SlotInputSchema } from './reception.schemas.ts';
import { addSlots, approveSchedule, createSchedule, getSchedule, listOfficials, listPublishedSlots, listSchedules, removeSlot } from './schedules.service.ts';

const TAGS = ['personal reception'];

export function scheduleRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/bodies/:idOrCode/reception-slots',
      {
        schema: {
          tags: TAGS,
          summary: 'Published (approved) personal reception slots of a body, soonest first; from defaults to now, to to 92 days later',
          params: BodyParams,
          querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 40 })), to: Type.Optional(Type.String({ maxLength: 40 })), officialId: Type.Optional(Type.String({ maxLength: 40 })) }),
          response: { 200: Type.Object({ items: Type.Array(PublishedSlotSchema) }) },
        },
      },
      async (req) => listPublishedSlots(ctx, req.params.idOrCode, req.query),
    );

    app.get(
      '/bodies/:idOrCode/reception-officials',
      {
        schema: {
          tags: TAGS,
          summary: 'The head and deputies of a body who hold personal receptions',
          params: BodyParams,
          response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })) }) },
        },
      },
      async (req) => listOfficials(ctx, req.params.idOrCode),
    );

    app.get(
      '/receptions/schedules',
      {
        schema: {
          tags: TAGS,
          summary: 'The body’s reception schedules (of a quarter) with slots and warnings',
          querystring: Type.Object({ quarter: Type.Optional(Quarter) }),
          response: { 200: Type.Object({ items: Type.Array(ScheduleSchema) }) },
        },
      },
      async (req) => listSchedules(ctx, requireStaff(req), req.query),
    );

    app.post(
      '/receptions/schedules',
      {
        schema: {
          tags: TAGS,
          summary: 'Draft a head’s or deputy’s schedule for a quarter (communications office); warns of months without a reception',
          body: ScheduleInputSchema,
          response: { 201: ScheduleSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createSchedule(ctx, requireStaff(req), req.body)),
    );

    app.get(
      '/receptions/schedules/:id',
      { schema: { tags: TAGS, summary: 'A reception schedule with its slots and warnings', params: IdParams, response: { 200: ScheduleSchema } } },
      async (req) => getSchedule(ctx, requireStaff(req), req.params.id),
    );

    app.post(
      '/receptions/schedules/:id/slots',
      {
        schema: {
          tags: TAGS,
          summary: 'Add slots: to a draft (communications office), or an extra reception to an approved schedule (the head; published at once)',
          params: IdParams,
          body: Type.Object({ slots: Type.Array(SlotInputSchema, { minItems: 1, maxItems: 300 }) }, { additionalProperties: false }),
          response: { 200: ScheduleSchema },
        },
      },
      async (req) => addSlots(ctx, requireStaff(req), req.params.id, req.body.slots),
    );

    app.delete(
      '/receptions/schedules/:id/slots/:slotId',
      {
        schema: {
          tags: TAGS,
          summary: 'Remove a slot from a draft schedule',
          params: Type.Object({ id: Type.String({ maxLength: 40 }), slotId: Type.String({ maxLength: 40 }) }),
          response: { 200: ScheduleSchema },
        },
      },
      async (req) => removeSlot(ctx, requireStaff(req), req.params.id, req.params.slotId),
    );

    app.post(
      '/receptions/schedules/:id/approve',
      { schema: { tags: TAGS, summary: 'Approve a schedule (the head): its slots are published for booking', params: IdParams, response: { 200: ScheduleSchema } } },
      async (req) => approveSchedule(ctx, requireStaff(req), req.params.id),
    );
  };
}
