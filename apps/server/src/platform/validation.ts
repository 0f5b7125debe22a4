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
  app.setValidatorCompiler((route) => (route.httpPart === 'body' ? strict : coercing)(route));

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(req, body as string, done);
  });
}
