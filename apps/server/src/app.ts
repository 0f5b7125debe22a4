// buildApp: the one place that wires modules into an HTTP server.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './app-context.ts';
import { clientErrorHandler, installErrorHandler, sendError } from './platform/http.ts';
import { AppError } from './platform/errors.ts';
import { installValidation } from './platform/validation.ts';
import { optionalDefaults } from './platform/openapi.ts';
import { SESSION_COOKIE_DEV, SESSION_COOKIE_PROD, edgeServerOptions, installSecurityHeaders, originCheck } from './platform/edge.ts';
import { sharedRateLimits } from './platform/rate-limit-store.ts';
import { authRoutes, sessionHook } from './modules/auth/index.ts';
import { bodiesRoutes } from './modules/bodies/index.ts';
import { appealsRoutes } from './modules/appeals/index.ts';
import { notifyRoutes } from './modules/notify/index.ts';
import { processRoutes, sentAnswerOf } from './modules/process/index.ts';
import { analyticsRoutes } from './modules/analytics/index.ts';
import { deadlinesRoutes, dueSoonBefore } from './modules/deadlines/index.ts';
import { receptionRoutes } from './modules/reception/index.ts';
import { knowledgeRoutes } from './modules/knowledge/index.ts';
import { routingRoutes } from './modules/routing/index.ts';
import { surveysRoutes } from './modules/surveys/index.ts';
import { callsRoutes } from './modules/calls/index.ts';
import { auditRoutes, readLogOf } from './modules/audit/index.ts';
import { open311AdminRoutes, open311Routes } from './modules/open311/index.ts';
import { socialRoutes } from './modules/social/index.ts';
import { draftsRoutes } from './modules/drafts/index.ts';
import { openDataRoutes, openDataFiles } from './modules/opendata/index.ts';
import { kpiRoutes } from './modules/kpi/index.ts';
import { qaRoutes } from './modules/qa/index.ts';
import { blogRoutes } from './modules/blog/index.ts';
import { siteRoutes } from './modules/site/index.ts';
import { citymapRoutes } from './modules/citymap/index.ts';
import { exchangeInboundRoutes, exchangeRoutes } from './modules/exchange/index.ts';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON bodies ≤ 1 MB; only the upload route takes files up to 10 MB.
    bodyLimit: 1024 * 1024,
    // The trusted proxies (TRUST_PROXY, default none) and a log without secrets.
    ...edgeServerOptions(ctx.config, { enabled: !!opts.logger || !!opts.logStream, stream: opts.logStream }),
    clientErrorHandler,
    // Every request has a deadline: past it the answer is 503 with Retry-After (README, "Faults").
    handlerTimeout: ctx.config.limits.handlerMs,
    requestTimeout: ctx.config.limits.requestMs,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidation(app);
  installErrorHandler(app);
  // A clean stop writes the reads of personal data still buffered (modules/audit/read-log.ts)
  // before the database closes.
  app.addHook('onClose', async () => {
    await readLogOf(ctx).flush().catch((err: unknown) => app.log.error({ err }, 'the audit of reads could not be written at stop'));
  });
  await app.register(cookie);
  // Before any route reads the request: a staff cookie from a foreign page changes nothing.
  app.addHook('onRequest', originCheck(ctx.config, [SESSION_COOKIE_DEV, SESSION_COOKIE_PROD]));
  await installSecurityHeaders(app, ctx.config);
  // Per-address limits counted in PostgreSQL, shared by every server process.
  const limits = sharedRateLimits(ctx.db);
  app.addHook('onClose', () => limits.close());
  await app.register(rateLimit, { global: false, store: limits.Store });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tyndau API', version: '1.0.0', description: 'The unified register of citizens’ appeals: intake, tracking, staff work.' },
      components: {
        securitySchemes: {
          // The staff session cookie: `__Host-tyndau_session` in production (Secure), the plain name over http in development.
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE_PROD, description: 'Production (https): the cookie `__Host-tyndau_session`.' },
          sessionDevelopment: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE_DEV, description: 'Development over plain http: the cookie `tyndau_session`.' },
        },
      },
    },
    transform: optionalDefaults,
  });
  // The documentation page carries its own CSP with the hashes of its inline code.
  await app.register(swaggerUi, {
    routePrefix: '/api/v1/docs',
    staticCSP: true,
    // Over plain http (development) an upgrade to https would break the page's own files.
    transformStaticCSP: (header) => (ctx.config.env === 'production' ? header : header.replace(/\s*upgrade-insecure-requests;?/, '')),
  });

  await app.register(
    async (api) => {
      api.addHook('onRequest', sessionHook(ctx));
      api.get('/health', { schema: { tags: ['platform'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
      api.get('/ready', { schema: { tags: ['platform'], summary: 'Readiness: the register can be read within 2 s (else 503 DATABASE_UNAVAILABLE)' } }, async () => {
        await checkDatabase(ctx);
        return { status: 'ready' };
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes(ctx));
      await api.register(processRoutes(ctx));
      await api.register(analyticsRoutes(ctx));
      await api.register(bodiesRoutes(ctx));
      await api.register(appealsRoutes(ctx, { dueSoonBefore: (now) => dueSoonBefore(ctx, now), trackAnswer: (id) => sentAnswerOf(ctx, id) }));
      await api.register(notifyRoutes(ctx));
      await api.register(deadlinesRoutes(ctx));
      await api.register(receptionRoutes(ctx));
      await api.register(knowledgeRoutes(ctx));
      await api.register(routingRoutes(ctx));
      await api.register(surveysRoutes(ctx));
      await api.register(callsRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(open311AdminRoutes(ctx));
      await api.register(socialRoutes(ctx));
      await api.register(draftsRoutes(ctx));
      await api.register(openDataRoutes(ctx));
      await api.register(kpiRoutes(ctx));
      await api.register(qaRoutes(ctx));
      await api.register(blogRoutes(ctx));
      await api.register(siteRoutes(ctx));
      await api.register(citymapRoutes(ctx));
      await api.register(exchangeRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  // The national systems' door (E-Otinish, eGov): signed requests, no session; its own JSON parser keeps the raw body.
  await app.register(exchangeInboundRoutes(ctx), { prefix: '/api/exchange/v1' });

  // Open311 GeoReport v2 (modules/open311): its own error form, form and multipart bodies.
  await app.register(open311Routes(ctx), { prefix: '/open311/v2' });
  // The open-data files and the DCAT-AP catalogue live at /open-data (outside the API, as harvesters expect).
  await app.register(openDataFiles(ctx), { prefix: '/open-data' });

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

/**
 * The register can be read (a connection, the server answering, no lock barring the appeal
 * table), bounded by two seconds whatever the pool's limits: readiness must answer fast.
 */
async function checkDatabase(ctx: AppContext): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('DATABASE_UNAVAILABLE')), 2_000);
  });
  try {
    await Promise.race([sql`select 1 from appeal limit 1`.execute(ctx.db), late]);
  } catch (err) {
    throw err instanceof AppError ? err : new AppError('DATABASE_UNAVAILABLE');
  } finally {
    clearTimeout(timer);
  }
}
