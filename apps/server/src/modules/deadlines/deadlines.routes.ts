import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { addWorkingDays, listDaysOff } from './calendar.ts';
import { ADMIN_DAY_OFF_KINDS, listCalendarChanges, removeCalendarDay, setCalendarDay } from './calendar-changes.ts';
import { listChannelStandards, setChannelStandard } from './channel-standards.ts';
import { CALENDAR_EDITORS } from './deadlines.policy.ts';
import { dailyMonitoring } from './monitoring.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const DayOffItem = Type.Object({
  date: Type.String(),
  kind: Type.Union([Type.Literal('day_off'), Type.Literal('working_day')]),
  type: Type.String({ description: 'holiday | moved_day_off | transfer_day_off | working_day' }),
  reason: Type.String(),
  source: Type.String(),
  origin: Type.String({ description: 'generated (law and known decrees) | admin' }),
});
const Recount = {
  recalculated: Type.Integer({ description: 'open appeals whose terms were counted again' }),
  changeId: Type.String({ description: 'the calendar_change record of this change' }),
  recountJobId: Type.String({ description: 'the recount job (resumes after a stop; see GET /calendar/changes)' }),
};
const StoredDay = Type.Object({ date: Type.String(), kind: Type.String(), reason: Type.String(), source: Type.String(), origin: Type.String(), working: Type.Boolean(), ...Recount });
const Snapshot = Type.Union([Type.Object({ kind: Type.String(), reason: Type.String(), source: Type.String(), origin: Type.String() }), Type.Null()]);
const CalendarChange = Type.Object({
  id: Type.String(),
  date: Type.String(),
  before: Snapshot,
  after: Snapshot,
  reason: Type.String(),
  changedBy: Type.Union([Type.String(), Type.Null()]),
  changedByLabel: Type.String(),
  at: Type.String(),
  recount: Type.Object({ jobId: Type.String(), status: Type.String(), processed: Type.Integer(), changed: Type.Integer(), finishedAt: Type.Union([Type.String(), Type.Null()]) }),
});
const Standard = Type.Object({
  channel: Type.String(),
  light: Type.Integer(),
  medium: Type.Integer(),
  heavy: Type.Integer(),
  isDefault: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
});
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 15, description });

export function deadlinesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/calendar/add-working-days',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Add working days on Kazakhstan’s calendar: day 0 is `from` if working, else the next working day; the result is the N-th working day after day 0',
          querystring: Type.Object({ from: IsoDate, days: Type.Integer({ minimum: 0, maximum: 1000 }) }),
          response: { 200: Type.Object({ date: Type.String() }) },
        },
      },
      async (req) => ({ date: await addWorkingDays(ctx, req.query.from, req.query.days) }),
    );

    app.get(
      '/calendar/days-off',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Every non-working day of the year that is not a Saturday or Sunday, and every Saturday or Sunday made a working day',
          querystring: Type.Object({ year: Type.Integer() }),
          response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(DayOffItem) }) },
        },
      },
      async (req) => listDaysOff(ctx, req.query.year),
    );

    app.post(
      '/calendar/days-off',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Calendar administrator of the central body: make a date a day off (a transfer by decree, the official Kurban Ait date as kind=holiday)',
          body: Type.Object({ date: IsoDate, reason: Type.String({ minLength: 3, maxLength: 500 }), kind: Type.Optional(Type.Union(ADMIN_DAY_OFF_KINDS.map((k) => Type.Literal(k)))) }),
          response: { 201: StoredDay },
        },
      },
      async (req, reply) => {
        const staff = requireStaff(req, CALENDAR_EDITORS);
        return reply.status(201).send(await setCalendarDay(ctx, staff, { date: req.body.date, working: false, reason: req.body.reason, kind: req.body.kind }));
      },
    );

    app.post(
      '/calendar/working-days',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Calendar administrator of the central body: make a date a working day (a Saturday worked by decree)',
          body: Type.Object({ date: IsoDate, reason: Type.String({ minLength: 3, maxLength: 500 }) }),
          response: { 201: StoredDay },
        },
      },
      async (req, reply) => {
        const staff = requireStaff(req, CALENDAR_EDITORS);
        return reply.status(201).send(await setCalendarDay(ctx, staff, { date: req.body.date, working: true, reason: req.body.reason }));
      },
    );

    app.delete(
      '/calendar/days/:date',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Calendar administrator of the central body: remove the stored entry of a date (it falls back to the five-day week)',
          params: Type.Object({ date: IsoDate }),
          querystring: Type.Object({ reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })) }),
          response: { 200: Type.Object({ date: Type.String(), ...Recount }) },
        },
      },
      async (req) => {
        const staff = requireStaff(req, CALENDAR_EDITORS);
        return { date: req.params.date, ...(await removeCalendarDay(ctx, req.params.date, staff, req.query.reason)) };
      },
    );

    app.get(
      '/calendar/changes',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Every change of the calendar, newest first: who, the day before and after, why, and its recount of open terms',
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 200: Type.Object({ items: Type.Array(CalendarChange), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
        },
      },
      async (req) => {
        requireStaff(req);
        return listCalendarChanges(ctx, req.query);
      },
    );

    app.get(
      '/bodies/:idOrCode/channel-standards',
      {
        schema: {
          tags: ['deadlines'],
          summary: 'The body’s answer terms per channel and difficulty, in working days (default 1 / 3 / 10; capped by the legal 15)',
          params: Type.Object({ idOrCode: Type.String({ maxLength: 64 }) }),
          response: { 200: Type.Object({ bodyId: Type.String(), items: Type.Array(Standard) }) },
        },
      },
      async (req) => listChannelStandards(ctx, requireStaff(req), req.params.idOrCode),
    );

    app.put(
      '/bodies/:idOrCode/channel-standards/:channel',
      {
        schema: {
          tags: ['deadlines'],
          summary: 'Set the body’s standard for a channel (administrator or head of the body)',
          params: Type.Object({ idOrCode: Type.String({ maxLength: 64 }), channel: Type.String({ maxLength: 40 }) }),
          body: Type.Object({ light: Days('working days for a light appeal'), medium: Days('… medium'), heavy: Days('… heavy') }),
          response: { 200: Type.Intersect([Standard, Type.Object({ bodyId: Type.String() })]) },
        },
      },
      async (req) => setChannelStandard(ctx, requireStaff(req), req.params.idOrCode, req.params.channel, req.body),
    );

    app.get(
      '/monitoring',
      {
        schema: {
          tags: ['deadlines'],
          summary: 'Daily monitoring of a body: open appeals due soon, overdue, past the channel target, late redirects; counts by unit and channel',
          querystring: Type.Object({
            bodyId: Type.Optional(Type.String({ maxLength: 64, description: 'id or code; default the caller’s body' })),
            date: Type.Optional(IsoDate),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'items per list (counts are always complete)' }),
          }),
        },
      },
      async (req) => dailyMonitoring(ctx, requireStaff(req), req.query),
    );
  };
}
