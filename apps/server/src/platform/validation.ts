// Reading requests: query strings, path parameters and headers arrive as text, so their
// values are coerced to the schema's types ("limit=5" → 5); a JSON body already has types,
// and a wrong one (text: 123, score: "5", text: ["…"]) is refused, never converted.
// An empty body sent as application/json (many clients add the header to every POST) is
// no body: an action without input (sign, close, logout) works, a required body still fails.
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyInstance } from 'fastify';

const common = { removeAdditional: false, useDefaults: true, allErrors: false } as const;

export function installValidation(app: FastifyInstance): void {
  const build = AjvCompiler();
  const coercing = build({}, { customOptions: { ...common, coerceTypes: 'array' } });
  const strict = build({}, { customOptions: { ...common, coerceTypes: false } });
  app.setValidatorCompiler((route) => {
    if (route.httpPart === 'body') return strict(route);
    const validate = coercing(route);
    // "Infinity" and "1e999" coerce to a number that is no number a query can use (it
    // passed `maximum` and reached PostgreSQL as a LIMIT): refused like any other bad value.
    const checked = (data: unknown) => {
      const ok = validate(data);
      checked.errors = (validate as { errors?: unknown }).errors;
      if (ok !== true) return ok;
      const bad = Object.entries((data ?? {}) as Record<string, unknown>).find(([, v]) => typeof v === 'number' && !Number.isFinite(v));
      return bad ? { error: Object.assign(new Error(`${bad[0]} must be a finite number`), { statusCode: 400, validation: [{ instancePath: `/${bad[0]}`, keyword: 'type', message: 'must be a finite number', params: {} }] }) } : true;
    };
    checked.errors = undefined as unknown;
    return checked as unknown as typeof validate;
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') return done(null, undefined);
    if (!/\\u0000/i.test(body as string)) return parseJson(req, body as string, done);
    parseJson(req, body as string, (err, value) => (err ? done(err) : hasNul(value) ? done(nulError()) : done(null, value)));
  });

  // NUL cannot be stored in PostgreSQL text and has no place in any field: a path or
  // query value holding one (%00) is refused before routing, like one in a JSON body.
  app.addHook('onRequest', async (req) => {
    if (req.url.includes('%00')) throw nulError();
  });
}

function nulError(): Error {
  return Object.assign(new Error('NUL character in the request'), { statusCode: 400, validation: [{ instancePath: '', keyword: 'nul', message: 'must not contain the NUL character', params: {} }] });
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/**
 * A date or instant as the API reads it: `YYYY-MM-DD` or an ISO instant whose calendar
 * date exists, in the years 1000–9999. `new Date('2026-02-30')` quietly becomes 2 March
 * and '0000-00-00' an invalid date that throws where it is formatted; here both are undefined.
 */
export function parseRealDate(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s);
  if (!m || m[1] < '1000') return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return undefined;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]) ? d : undefined;
}
