import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import formbody from '@fastify/formbody';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { recordConsultation, redirectCall, registerCallAppeal } from './call-actions.ts';
import { callStats } from './calls-stats.ts';
import { getCall, listCallbacks, listCalls, recordCallbackAttempt, scheduleCallback, updateCall } from './calls.service.ts';
import { addBlock, addLine, deleteBlock, deleteLine, getCtiToken, handleCtiEvent, listBlocks, listLines, rotateCtiToken } from './cti.service.ts';
import * as S from './calls.schemas.ts';

const CALLS = ['calls'];
const CTI = ['telephony (CTI)'];

export function callsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(ctiEventRoute(ctx));

    app.get('/calls', { schema: { tags: CALLS, summary: 'Calls of the body, newest first (keyset): line, channel, caller (null on the trust phone but for the ethics commissioner), times, wait and talk, appeals made, the caller’s earlier appeals, callback', querystring: S.CallListQuery, response: { 200: S.CallPage } } }, async (req) =>
      listCalls(ctx, requireStaff(req), req.query),
    );
    app.get('/calls/stats', { schema: { tags: CALLS, summary: 'Weekly monitoring of the phone channels by day, line, channel or operator (default: the last seven days)', querystring: S.StatsQuery, response: { 200: S.StatsResponse } } }, async (req) =>
      callStats(ctx, requireStaff(req), req.query),
    );
    app.get('/calls/callbacks', { schema: { tags: CALLS, summary: 'The callback queue (missed inbound calls and promised callbacks), soonest due first', querystring: S.CallbackListQuery, response: { 200: S.CallPage } } }, async (req) =>
      listCallbacks(ctx, requireStaff(req), req.query),
    );
    app.get('/calls/:id', { schema: { tags: CALLS, summary: 'One call of the body (another body’s call is 404)', params: S.IdParams, response: { 200: S.CallSchema } } }, async (req) =>
      getCall(ctx, requireStaff(req), req.params.id),
    );
    app.patch('/calls/:id', { schema: { tags: CALLS, summary: 'Record the call’s language and whether it was in sign language (video)', params: S.IdParams, body: S.PatchCallSchema, response: { 200: S.CallSchema } } }, async (req) =>
      updateCall(ctx, requireStaff(req), req.params.id, req.body),
    );
    app.post(
      '/calls/:id/consultation',
      {
        schema: {
          tags: CALLS,
          summary: 'A consultation answered on the call (first-call resolution): an inquiry of the line’s channel, resolution explained, closed, linked to the call',
          params: S.IdParams,
          headers: S.IdempotencyHeaders,
          body: S.ConsultationSchema,
          response: { 201: Type.Object({ appeal: Type.Object({ id: Type.String(), number: Type.String() }) }) },
        },
      },
      async (req, reply) => reply.status(201).send(await recordConsultation(ctx, requireStaff(req), req.params.id, req.body, req.headers['idempotency-key'])),
    );
    app.post(
      '/calls/:id/appeal',
      {
        schema: {
          tags: CALLS,
          summary: 'An appeal taken on the call: registered with the line’s channel and linked to the call',
          params: S.IdParams,
          headers: S.IdempotencyHeaders,
          body: S.CallAppealSchema,
          response: { 201: Type.Object({ appeal: Type.Object({ id: Type.String(), number: Type.String(), accessCode: Type.String() }) }) },
        },
      },
      async (req, reply) => reply.status(201).send(await registerCallAppeal(ctx, requireStaff(req), req.params.id, req.body, req.headers['idempotency-key'])),
    );
    app.post(
      '/calls/:id/redirect',
      {
        schema: {
          tags: CALLS,
          summary: 'Another body’s question: registered here and redirected to that body through the common process',
          params: S.IdParams,
          headers: S.IdempotencyHeaders,
          body: S.CallRedirectSchema,
          response: {
            201: Type.Object({
              appeal: Type.Object({ id: Type.String(), number: Type.String(), accessCode: Type.String() }),
              redirectedTo: Type.Object({ bodyId: Type.String(), appealId: Type.String(), number: Type.String() }),
            }),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await redirectCall(ctx, requireStaff(req), req.params.id, req.body, req.headers['idempotency-key'])),
    );
    app.post('/calls/:id/callback', { schema: { tags: CALLS, summary: 'Schedule (or move) a callback', params: S.IdParams, body: S.CallbackSchema, response: { 200: S.CallSchema } } }, async (req) =>
      scheduleCallback(ctx, requireStaff(req), req.params.id, req.body),
    );
    app.post(
      '/calls/:id/callback/attempts',
      { schema: { tags: CALLS, summary: 'Record a callback attempt; reached or wrong_number closes the callback', params: S.IdParams, body: S.CallbackAttemptSchema, response: { 200: S.CallSchema } } },
      async (req) => recordCallbackAttempt(ctx, requireStaff(req), req.params.id, req.body),
    );

    // ---- configuration (the body's administrator) ----
    app.get('/cti/token', { schema: { tags: CTI, summary: 'The body’s CTI token and the address the PBX posts events to (made on first use)', response: { 200: S.TokenSchema } } }, async (req) =>
      getCtiToken(ctx, requireStaff(req)),
    );
    app.post('/cti/token/rotate', { schema: { tags: CTI, summary: 'A new CTI token; the old one stops working at once', response: { 200: S.TokenSchema } } }, async (req) =>
      rotateCtiToken(ctx, requireStaff(req)),
    );
    app.get('/cti/lines', { schema: { tags: CTI, summary: 'The body’s phone lines (the line called decides the channel)', response: { 200: Type.Object({ items: Type.Array(S.LineSchema) }) } } }, async (req) =>
      listLines(ctx, requireStaff(req)),
    );
    app.post('/cti/lines', { schema: { tags: CTI, summary: 'Add a line: number, channel (call_centre, contact_centre, trust_phone), language', body: S.NewLineSchema, response: { 201: S.LineSchema } } }, async (req, reply) =>
      reply.status(201).send(await addLine(ctx, requireStaff(req), req.body)),
    );
    app.delete('/cti/lines/:id', { schema: { tags: CTI, summary: 'Remove a line (its calls keep their number and channel)', params: S.IdParams } }, async (req, reply) => {
      await deleteLine(ctx, requireStaff(req), req.params.id);
      return reply.status(204).send();
    });
    app.get('/cti/blocks', { schema: { tags: CTI, summary: 'Numbers the body refuses (answered busy)', response: { 200: Type.Object({ items: Type.Array(S.BlockSchema) }) } } }, async (req) =>
      listBlocks(ctx, requireStaff(req)),
    );
    app.post('/cti/blocks', { schema: { tags: CTI, summary: 'Block a number for the body', body: S.NewBlockSchema, response: { 201: S.BlockSchema } } }, async (req, reply) =>
      reply.status(201).send(await addBlock(ctx, requireStaff(req), req.body)),
    );
    app.delete('/cti/blocks/:id', { schema: { tags: CTI, summary: 'Unblock a number', params: S.IdParams } }, async (req, reply) => {
      await deleteBlock(ctx, requireStaff(req), req.params.id);
      return reply.status(204).send();
    });
  };
}

/**
 * The PBX's endpoint, in its own scope so form-encoded bodies are read only here. Zammad's
 * Generic CTI connectors post JSON or application/x-www-form-urlencoded.
 */
function ctiEventRoute(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(formbody, { bodyLimit: 16 * 1024 });
    app.post(
      '/cti/:token',
      {
        // The token is in the address: keep it out of the request log (info level).
        logLevel: 'warn',
        schema: {
          tags: CTI,
          summary: 'Zammad Generic CTI event from the PBX (newCall, answer, hangup), JSON or form-encoded; a newCall from a blocked number is answered {"action":"reject","reason":"busy"}',
          params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        },
      },
      async (req) => handleCtiEvent(ctx, req.params.token, req.body),
    );
  };
}
