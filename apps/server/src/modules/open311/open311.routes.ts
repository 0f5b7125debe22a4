// /open311/v2/: GeoReport v2 in JSON and XML (the suffix chooses), errors in the spec's
// form. Form bodies and multipart uploads are parsed only in this scope, so no other
// endpoint accepts them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError, isDatabaseUnavailable } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { pickLanguage } from '../../platform/messages.ts';
import { MAX_ATTACHMENT_BYTES, readPublicPhoto } from '../appeals/index.ts';
import { contentTypeOf, errorList, splitFormat, toXml, type Format } from './format.ts';
import * as repo from './open311.repository.ts';
import { discovery, fileRequest, getRequest, listRequests, listServices, listUpdates, Open311Error, serviceDefinition, type Photo } from './open311.service.ts';

type Query = Record<string, string | undefined>;

function languageOf(req: FastifyRequest): Language {
  const locale = (req.query as Query).locale;
  if (locale === 'kk' || locale === 'ru' || locale === 'en') return locale;
  return pickLanguage(req.query, req.headers['accept-language']);
}

function formatOf(req: FastifyRequest): Format {
  const file = req.url.split('?')[0].split('/').pop() ?? '';
  return splitFormat(decodeURIComponent(file)).format ?? 'json';
}

function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  return reply
    .status(status)
    .type(contentTypeOf(format))
    .send(format === 'xml' ? toXml(root, value) : JSON.stringify(value));
}

function sendOpen311Error(reply: FastifyReply, format: Format, status: number, description: string) {
  return send(reply, format, 'errors', errorList(status, description), status);
}

/** `name.json` / `name.xml`; anything else is the spec's 404. */
function fileOf(file: string, expected?: string) {
  const { name, format } = splitFormat(file);
  if (!format || (expected !== undefined && name !== expected)) throw new Open311Error(404, 'Not found: use the .json or .xml form of a GeoReport v2 resource');
  return { name, format };
}

async function readPost(req: FastifyRequest): Promise<{ fields: Record<string, string | string[]>; photo?: Photo }> {
  if (req.isMultipart()) {
    const fields: Record<string, string | string[]> = {};
    let photo: Photo | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (photo || !['media', 'photo', 'media_file'].includes(part.fieldname)) throw new Open311Error(400, 'one photo, in the field media');
        photo = { data, contentType: part.mimetype, fileName: part.filename };
      } else {
        const prev = fields[part.fieldname];
        const v = String(part.value);
        fields[part.fieldname] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
      }
    }
    return { fields, photo };
  }
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'the request body is form-encoded fields (or a JSON object)');
  const fields: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === 'attribute' && v && typeof v === 'object') (fields as Record<string, unknown>)[k] = v;
    else if (Array.isArray(v)) fields[k] = v.map(String);
    else if (v !== null && v !== undefined) fields[k] = String(v);
  }
  return { fields };
}

export function open311Routes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    await app.register(formbody);
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 60, fieldSize: 8192 }, throwFileSizeLimit: true });

    app.setErrorHandler((err, req, reply) => {
      const format = formatOf(req);
      if (err instanceof Open311Error) return sendOpen311Error(reply, format, err.status, err.message);
      if (err instanceof AppError && (err.code === 'DATABASE_UNAVAILABLE' || err.code === 'SERVICE_BUSY')) {
        reply.header('retry-after', '5');
        return sendOpen311Error(reply, format, 503, 'The register is busy: try again shortly');
      }
      if (isDatabaseUnavailable(err)) {
        reply.header('retry-after', '5');
        return sendOpen311Error(reply, format, 503, 'The register is busy: try again shortly');
      }
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 429) return sendOpen311Error(reply, format, 429, 'Too many requests: try again later');
      if (status === 413 || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return sendOpen311Error(reply, format, 413, 'The photo is larger than 10 MB');
      if (status === 415) return sendOpen311Error(reply, format, 415, 'Send form-encoded fields, multipart with a photo, or JSON');
      if (status && status >= 400 && status < 500) return sendOpen311Error(reply, format, 400, err instanceof Error ? err.message : 'Bad request');
      req.log.error({ err }, 'open311 request failed');
      return sendOpen311Error(reply, format, 500, 'Internal error');
    });
    app.setNotFoundHandler((req, reply) => sendOpen311Error(reply, formatOf(req), 404, 'Not found'));

    app.get('/media/:id', { schema: { hide: true } }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const found = isUuid(id) ? await repo.publicPhoto(ctx.db, id) : undefined;
      if (!found?.photoId) throw new Open311Error(404, 'Not found');
      const photo = await readPublicPhoto(ctx, found.appealId, found.photoId).catch(() => undefined);
      if (!photo) throw new Open311Error(404, 'Not found');
      return reply.type(photo.contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=86400').send(photo.data);
    });

    app.get('/:file', { schema: { hide: true } }, async (req, reply) => {
      const { name, format } = fileOf((req.params as { file: string }).file);
      const q = req.query as Query;
      const lang = languageOf(req);
      switch (name) {
        case 'discovery':
          return send(reply, format, 'discovery', discovery(ctx));
        case 'services':
          return send(reply, format, 'services', await listServices(ctx, lang, q.jurisdiction_id));
        case 'requests':
          return send(reply, format, 'service_requests', await listRequests(ctx, q, lang));
        case 'servicerequestupdates':
          return send(reply, format, 'service_request_updates', await listUpdates(ctx, q, lang));
        default:
          throw new Open311Error(404, 'Not found');
      }
    });

    app.get('/services/:file', { schema: { hide: true } }, async (req, reply) => {
      const { name, format } = fileOf((req.params as { file: string }).file);
      const q = req.query as Query;
      return send(reply, format, 'service_definition', await serviceDefinition(ctx, name, languageOf(req), q.jurisdiction_id));
    });

    app.get('/requests/:file', { schema: { hide: true } }, async (req, reply) => {
      const { name, format } = fileOf((req.params as { file: string }).file);
      const q = req.query as Query;
      return send(reply, format, 'service_requests', await getRequest(ctx, name, languageOf(req), q.extensions === 'true'));
    });

    app.post(
      '/:file',
      {
        schema: { hide: true },
        // A photo over a slow mobile connection takes longer than the default deadline.
        handlerTimeout: 120_000,
        config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { format } = fileOf((req.params as { file: string }).file, 'requests');
        const { fields, photo } = await readPost(req);
        const key = req.headers['idempotency-key'];
        if (key !== undefined && (typeof key !== 'string' || key.length < 8 || key.length > 200)) throw new Open311Error(400, 'Idempotency-Key is 8 to 200 characters');
        const answer = await fileRequest(ctx, fields, photo, languageOf(req), key);
        return send(reply, format, 'service_requests', answer);
      },
    );
  };
}
