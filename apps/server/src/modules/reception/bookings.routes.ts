import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { BookingInputSchema, BookingListQuerySchema, BookingResultSchema, CitizenCodeSchema, FollowUpsSchema, IsoDate, NumberParams, OutcomeSchema, RescheduleSchema, ReviewSchema } from './reception.schemas.ts';
import { bookReception, callList, cancelBooking, getBookingByNumber, listBookings, markReminderCalled, rescheduleBooking } from './bookings.service.ts';
import { reviewBooking } from './review.service.ts';
import { addFollowUps, recordOutcome } from './meetings.service.ts';

const TAGS = ['personal reception'];
// Number-and-code lookups are limited like tracking; staff sessions (a whole office behind one address) are not.
const PUBLIC_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute', allowList: (req: { staff?: unknown }) => !!req.staff } };

export function bookingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/receptions/bookings',
      {
        // A booking is intake: the same limit as the public appeal form; staff are not limited.
        config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '1 minute', allowList: (req) => !!req.staff } },
        schema: {
          tags: TAGS,
          summary: 'Book a personal reception: an appeal of channel personal_reception holding a seat (citizen; or staff by phone / at a desk). A full slot is 409 SLOT_FULL',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
          body: BookingInputSchema,
          response: { 201: BookingResultSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await bookReception(ctx, req.body, { staff: req.staff, idempotencyKey: req.headers['idempotency-key'] })),
    );

    app.get(
      '/receptions/bookings',
      { schema: { tags: TAGS, summary: 'The body’s bookings by meeting time (the weekly review reads status=booked), keyset-paginated', querystring: BookingListQuerySchema } },
      async (req) => listBookings(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/receptions/bookings/:number',
      {
        config: PUBLIC_LIMIT,
        schema: {
          tags: TAGS,
          summary: 'A booking by its number: the citizen with ?code=, staff of the body with their session (full card)',
          params: NumberParams,
          querystring: Type.Object({ code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), lang: Type.Optional(Type.String()) }),
        },
      },
      async (req) => getBookingByNumber(ctx, req.params.number, { code: req.query.code, staff: req.staff }),
    );

    app.post(
      '/receptions/bookings/:number/cancel',
      {
        config: PUBLIC_LIMIT,
        schema: { tags: TAGS, summary: 'Cancel a booking (the citizen with the access code, or staff): the seat is freed and the reminder withdrawn', params: NumberParams, body: CitizenCodeSchema },
      },
      async (req) => cancelBooking(ctx, req.params.number, { code: req.body.code, staff: req.body.code ? undefined : req.staff, reason: req.body.reason }),
    );

    app.post(
      '/receptions/bookings/:number/reschedule',
      {
        config: PUBLIC_LIMIT,
        schema: { tags: TAGS, summary: 'Move a booking to another slot of the same body (the citizen with the access code, or staff)', params: NumberParams, body: RescheduleSchema },
      },
      async (req) => rescheduleBooking(ctx, req.params.number, req.body.slotId, { code: req.body.code, staff: req.body.code ? undefined : req.staff }),
    );

    app.post(
      '/receptions/bookings/:number/review',
      {
        schema: {
          tags: TAGS,
          summary: 'Pre-screening decision: confirm (needs the head), solve_without_meeting (routed to the unit, citizen told why, seat freed) or redirect to another body',
          params: NumberParams,
          body: ReviewSchema,
        },
      },
      async (req) => reviewBooking(ctx, requireStaff(req), req.params.number, req.body),
    );

    app.post(
      '/receptions/bookings/:number/outcome',
      {
        schema: {
          tags: TAGS,
          summary: 'Record the meeting: who came, questions (topics), decision, resolution and follow-up tasks (each a new appeal); or a no-show',
          params: NumberParams,
          body: OutcomeSchema,
        },
      },
      async (req) => recordOutcome(ctx, requireStaff(req), req.params.number, req.body),
    );

    app.post(
      '/receptions/bookings/:number/follow-ups',
      {
        schema: {
          tags: TAGS,
          summary: 'Add follow-up tasks to a meeting that took place: each becomes a linked appeal taken into work by its unit',
          params: NumberParams,
          body: FollowUpsSchema,
        },
      },
      async (req) => addFollowUps(ctx, requireStaff(req), req.params.number, req.body.followUps),
    );

    app.get(
      '/receptions/call-list',
      {
        schema: {
          tags: TAGS,
          summary: 'Reminder calls due on a date: bookings 3 days ahead whose citizen has no mobile number',
          querystring: Type.Object({ date: IsoDate }),
        },
      },
      async (req) => callList(ctx, requireStaff(req), req.query.date),
    );

    app.post(
      '/receptions/bookings/:number/reminder-called',
      { schema: { tags: TAGS, summary: 'Mark a call-list reminder as made', params: NumberParams } },
      async (req) => markReminderCalled(ctx, requireStaff(req), req.params.number),
    );
  };
}
