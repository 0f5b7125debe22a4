// The HTTP edge shared by every module: one error handler that turns stable codes into
// statuses and messages in the caller's language, and the staff session on the request.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language, Role } from '@tyndau/contracts';
import { AppError, httpStatusOf, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './errors.ts';
import { messageFor, pickLanguage } from './messages.ts';
import type { Staff } from './staff.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: Staff;
    lang: Language;
  }
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

export function sendError(reply: FastifyReply, lang: Language, code: string, status: number, extra?: Record<string, unknown>) {
  // Work refused for now, not for good: the client is told when to try again.
  if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.status(status).send({ error: { code, message: messageFor(code, lang), ...extra } });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.decorateRequest('lang', 'kk');
  app.addHook('onRequest', async (req) => {
    req.lang = pickLanguage(req.query, req.headers['accept-language']);
  });
  // Safe defaults for every answer: no sniffing, no framing, no referrer leaks to other sites.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const lang = req.lang ?? 'kk';
    if (err instanceof AppError) {
      return sendError(reply, lang, err.code, httpStatusOf(err.code), err.details ? { details: err.details } : undefined);
    }
    if ('validation' in err && err.validation) {
      return sendError(reply, lang, 'VALIDATION_FAILED', 400, { details: validationDetails(err.validation) });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendError(reply, lang, mapped, httpStatusOf(mapped));
    if (err.statusCode === 429) return sendError(reply, lang, 'RATE_LIMITED', 429);
    if (err.code === 'FST_ERR_HANDLER_TIMEOUT') return sendError(reply, lang, 'SERVICE_BUSY', 503);
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      return sendError(reply, lang, 'DATABASE_UNAVAILABLE', 503);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, lang, 'VALIDATION_FAILED', err.statusCode);
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal Server Error' } });
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, req.lang ?? 'kk', 'NOT_FOUND', 404));
}

type SchemaProblem = NonNullable<FastifyError['validation']>[number];

/**
 * One problem per field: a value outside a list of literals (kind, resolution, groupBy)
 * fails every branch of the union, which reads as one "must be one of …", not N lines.
 */
export function validationDetails(problems: SchemaProblem[]) {
  const details = problems.map((v) => ({ field: v.instancePath || (v.params as { missingProperty?: string })?.missingProperty || '', rule: v.keyword, message: v.message }));
  const allowed = new Map<string, unknown[]>();
  for (const v of problems) if (v.keyword === 'const') allowed.set(v.instancePath, [...(allowed.get(v.instancePath) ?? []), (v.params as { allowedValue?: unknown }).allowedValue]);
  if (allowed.size === 0) return details;
  const out: Array<{ field: string; rule: string; message?: string; allowed?: unknown[] }> = [];
  for (const d of details) {
    const values = allowed.get(d.field);
    if (!values) out.push(d);
    else if (d.rule === 'anyOf' || (d.rule === 'const' && !problems.some((p) => p.keyword === 'anyOf' && p.instancePath === d.field))) {
      out.push({ field: d.field, rule: 'enum', message: `must be one of: ${values.join(', ')}`, allowed: values });
      allowed.delete(d.field);
    }
  }
  return out;
}

/**
 * A request HTTP itself cannot read (raw non-ASCII in the URL, oversized headers, a timeout)
 * never reaches the router; it is answered in the same error shape as everything else.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'REQUEST_TIMEOUT'] : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'HEADERS_TOO_LARGE'] : [400, 'BAD_REQUEST'];
  const body = JSON.stringify({ error: { code, message: messageFor(code, 'kk') } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${code}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/** The signed-in staff member, or 401. */
export function requireStaff(req: FastifyRequest, roles?: readonly Role[]): Staff {
  if (!req.staff) throw new AppError('UNAUTHENTICATED');
  if (roles && !roles.includes(req.staff.role)) throw new AppError('FORBIDDEN');
  return req.staff;
}
