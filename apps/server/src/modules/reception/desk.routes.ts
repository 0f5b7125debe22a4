import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { BodyParams, ConsultationSchema, DeskAppealResultSchema, DeskAppealSchema, DeskQuery, DeskSettingsSchema, DeskStatsQuery, NumberParams } from './reception.schemas.ts';
import { contactLineStatus, dailyMonitoring, deskStats, getDeskSettings, logConsultation, receipt, registerDeskAppeal, setDeskSettings } from './desk.service.ts';

const TAGS = ['public reception and front office'];

export function deskRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/receptions/contacts',
      {
        schema: {
          tags: TAGS,
          summary: 'Log a consultation at the public reception or front office (a visit, call or online request that is not an appeal): one quick call',
          body: ConsultationSchema,
          response: { 201: Type.Object({ id: Type.String(), at: Type.String(), outcome: Type.String() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await logConsultation(ctx, requireStaff(req), req.body)),
    );

    app.post(
      '/receptions/contacts/appeal',
      {
        schema: {
          tags: TAGS,
          summary: 'Quick registration of a visitor’s or caller’s appeal at the desk (channel = the desk, sub-source recorded); returns the receipt link',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
          body: DeskAppealSchema,
          response: { 201: DeskAppealResultSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await registerDeskAppeal(ctx, requireStaff(req), req.body, req.headers['idempotency-key'])),
    );

    app.get(
      '/receptions/receipt/:number',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: TAGS,
          summary: 'Printable HTML receipt of an appeal: number, access code, received, legal due date (the access code proves the right to it)',
          params: NumberParams,
          querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), lang: Type.Optional(Type.String()) }),
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const html = await receipt(ctx, req.params.number, req.query.code, req.lang);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'")
          .send(html);
      },
    );

    app.get(
      '/bodies/:idOrCode/contact-line',
      {
        schema: {
          tags: TAGS,
          summary: 'The public reception’s contact line now: open or not, hours, next opening and the out-of-hours autoresponse in the caller’s language',
          params: BodyParams,
          querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        },
      },
      async (req) => contactLineStatus(ctx, req.params.idOrCode, req.lang),
    );

    app.get('/receptions/desk/settings', { schema: { tags: TAGS, summary: 'The contact line’s hours and autoresponse texts of the body' } }, async (req) => getDeskSettings(ctx, requireStaff(req)));

    app.put(
      '/receptions/desk/settings',
      { schema: { tags: TAGS, summary: 'Set the contact line’s hours (Almaty time) and autoresponse texts (empty = the default text)', body: DeskSettingsSchema } },
      async (req) => setDeskSettings(ctx, requireStaff(req), req.body),
    );

    app.get(
      '/receptions/desk/daily',
      { schema: { tags: TAGS, summary: 'Daily monitoring of a desk: contacts by sub-source, purpose and outcome, appeals registered and still open, the day’s log', querystring: DeskQuery } },
      async (req) => dailyMonitoring(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/receptions/desk/stats',
      {
        schema: {
          tags: TAGS,
          summary: 'Desk statistics over a period (default this week): consultations, calls taken, appeals registered, bookings; by purpose, hour, day, sub-source',
          querystring: DeskStatsQuery,
        },
      },
      async (req) => deskStats(ctx, requireStaff(req), req.query),
    );
  };
}
