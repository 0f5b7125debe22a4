// buildApp: the one place that wires modules into an HTTP server.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './app-context.ts';
import { clientErrorHandler, installErrorHandler, sendError } from './platform/http.ts';
import { installValidation } from './platform/validation.ts';
import { optionalDefaults } from './platform/openapi.ts';
import { authRoutes, sessionHook } from './modules/auth/index.ts';
import { bodiesRoutes } from './modules/bodies/index.ts';
import { appealsRoutes } from './modules/appeals/index.ts';
import { notifyRoutes } from './modules/notify/index.ts';
import { processRoutes, sentAnswerOf } from './modules/process/index.ts';
import { analyticsRoutes } from './modules/analytics/index.ts';
import { deadlinesRoutes, dueSoonBefore } from './modules/deadlines/index.ts';
import { receptionRoutes } from './modules/reception/index.ts';
import { auditRoutes, readLogOf } from './modules/audit/index.ts';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.env === 'production',
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidation(app);
  installErrorHandler(app);
  // A clean stop writes the reads of personal data still buffered (modules/audit/read-log.ts)
  // before the database closes.
  app.addHook('onClose', async () => {
    await readLogOf(ctx).flush().catch((err: unknown) => app.log.error({ err }, 'the audit of reads could not be written at stop'));
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tyndau API', version: '1.0.0', description: 'The unified register of citizens’ appeals: intake, tracking, staff work.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tyndau_session' } } },
    },
    transform: optionalDefaults,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });

  await app.register(
    async (api) => {
      api.addHook('onRequest', sessionHook(ctx));
      api.get('/health', { schema: { tags: ['platform'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes(ctx));
      await api.register(processRoutes(ctx));
      await api.register(analyticsRoutes(ctx));
      await api.register(bodiesRoutes(ctx));
      await api.register(appealsRoutes(ctx, { dueSoonBefore: (now) => dueSoonBefore(ctx, now), trackAnswer: (id) => sentAnswerOf(ctx, id) }));
      await api.register(notifyRoutes(ctx));
      await api.register(deadlinesRoutes(ctx));
      await api.register(receptionRoutes(ctx));
      await api.register(auditRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );

  await serveWeb(app, ctx.config.webDist);
  return app;
}

/** The web app's build, with every non-API path answered by index.html (client routing). */
async function serveWeb(app: FastifyInstance, dist: string) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return;
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  // A catch-all route, not a second not-found handler (installErrorHandler owns that one).
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return sendError(reply, req.lang ?? 'kk', 'NOT_FOUND', 404);
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
