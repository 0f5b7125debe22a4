// The HTTP security edge: which proxy may name the client, the security headers (CSP,
// HSTS, no-store), the Origin check for staff sessions, the session cookie's name, and
// what the request log may hold. Everything here is decided once, from the configuration.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config.ts';
import { sendError } from './http.ts';
import { redactIdentity, redactUrl } from './log.ts';

/**
 * The staff session cookie. In production `__Host-`: the browser keeps it only when it is
 * Secure, for path `/`, without a Domain, so no sibling sub-domain can plant or read it.
 * Over plain http (development, the browser tests on http://127.0.0.1) a `__Host-` cookie
 * would be dropped by the browser, so the plain name is used there.
 */
export const SESSION_COOKIE_DEV = 'tyndau_session';
export const SESSION_COOKIE_PROD = '__Host-tyndau_session';

export function sessionCookieName(config: Pick<Config, 'env'>): string {
  return config.env === 'production' ? SESSION_COOKIE_PROD : SESSION_COOKIE_DEV;
}

type LoggableError = {
  type: string;
  message: string;
  code?: unknown;
  statusCode?: unknown;
  stack: string;
};

/**
 * Errors keep their kind, code and stack but none of their enumerable extras: a
 * PostgreSQL error's `detail` ("Key (email)=(…) already exists"), `parameters`, a
 * validation error's data. PostgreSQL quotes the value it could not read in the message
 * itself ('invalid input syntax for type uuid: "…"'), so a quoted value is hidden too.
 */
export function loggableError(err: unknown): LoggableError {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err).slice(0, 200), stack: '' };
  const e = err as Error & { code?: unknown; statusCode?: unknown; severity?: unknown };
  const fromPostgres = typeof e.severity === 'string' && typeof e.code === 'string';
  const message = redactIdentity(fromPostgres ? e.message.replace(/"[^"]*"/g, '"[hidden]"') : e.message);
  const stack = e.stack ? redactIdentity(e.stack.replace(e.message, message)) : '';
  return { type: e.name, message, code: e.code, statusCode: e.statusCode, stack };
}

/**
 * Fastify's server options of the edge: the trusted proxies and the request log. The
 * log has the method, the path (secret query values hidden), the address and the
 * status; never bodies, headers (cookies) or applicant fields, whatever a route logs.
 */
export function edgeServerOptions(config: Config, log: { enabled: boolean; stream?: NodeJS.WritableStream }): Pick<FastifyServerOptions, 'trustProxy' | 'logger'> {
  return {
    // A number is a hop count (proxy-addr); Fastify's types leave it out.
    trustProxy: config.trustProxy as unknown as FastifyServerOptions['trustProxy'],
    logger: log.enabled
      ? {
          level: 'info',
          ...(log.stream ? { stream: log.stream } : {}),
          serializers: {
            req: (req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
              method: req.method,
              url: redactUrl(req.url ?? ''),
              remoteAddress: req.ip ?? req.socket?.remoteAddress,
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
            err: loggableError as (err: Error) => LoggableError,
          },
          // Whatever a module logs by hand, these never reach the log.
          redact: {
            paths: [
              'req.headers.cookie',
              'req.headers.authorization',
              'body',
              'req.body',
              'applicant',
              '*.applicant',
              'password',
              '*.password',
              'accessCode',
              '*.accessCode',
              'iin',
              '*.iin',
              'email',
              '*.email',
              'phone',
              '*.phone',
            ],
            censor: '[hidden]',
          },
        }
      : false,
  };
}

/**
 * The web app's Content-Security-Policy. Scripts only from the site itself (Vite emits
 * module files, no inline script). Styles also inline: Mantine writes its CSS variables
 * into `<style>` tags at run time and React renders `style=` attributes; a nonce cannot
 * cover attributes, and an inline style cannot run code, so `'unsafe-inline'` is allowed
 * for styles only. Images also as data:/blob: (file previews), connections to the site
 * itself, nothing may frame the site, no plugins, forms post only to the site.
 */
export function contentSecurityPolicy(config: Pick<Config, 'env'> & Partial<Pick<Config, 'mapTilesUrl'>>) {
  // The map's tiles are images from MAP_TILES_URL's origin ({s} subdomains: the whole host's).
  const tiles = tilesOrigin(config.mapTilesUrl);
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'manifest-src': ["'self'"],
      // The portal's service worker (offline pages and the appeal outbox) is the site's own file.
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      // Only where the site is served over https; on http://127.0.0.1 it would break it.
      ...(config.env === 'production' ? { 'upgrade-insecure-requests': [] } : {}),
    },
  };
}

function tilesOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.replace(/\{s\}\./, 'x.').replace(/\{[a-z]\}/g, '0'));
    return url.includes('{s}.') ? `${u.protocol}//*.${u.host.replace(/^x\./, '')}` : u.origin;
  } catch {
    return null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

/** The origins the platform answers for: `PUBLIC_ORIGIN`, else the one the request was sent to. */
function ownOrigins(config: Config, req: FastifyRequest): string[] {
  if (config.publicOrigins) return config.publicOrigins;
  const own = originOf(`${req.protocol}://${req.host}`);
  return own ? [own] : [];
}

/**
 * Cross-site request forgery: a state-changing request that carries a staff session
 * cookie must come from the platform's own pages. The browser names the page's origin in
 * `Origin` (every fetch and form POST of a current browser), else in `Referer`; a
 * foreign or opaque ("null") origin is refused with 403 FOREIGN_ORIGIN before anything is
 * read. A request without the cookie (public intake embedded on other sites, machine
 * endpoints) is not the session's and is not checked; nor is one that names no origin at
 * all, which no browser sends for a cross-site POST (scripts, the CLI, tests).
 */
export function originCheck(config: Config, cookieNames: string[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!STATE_CHANGING.has(req.method)) return;
    const cookies = req.cookies ?? {};
    if (!cookieNames.some((n) => cookies[n] !== undefined)) return;
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    const claimed = origin !== undefined ? origin : referer;
    if (claimed === undefined) return;
    const from = originOf(String(claimed));
    if (from && ownOrigins(config, req).includes(from)) return;
    return sendError(reply, req.lang ?? 'kk', 'FOREIGN_ORIGIN', 403);
  };
}

/**
 * Security headers: helmet's set with the CSP above and HSTS only in production (a
 * browser that saw HSTS on http://localhost would refuse the developer's plain http), and
 * `Cache-Control: no-store` on every API answer that did not choose its own caching: cards,
 * lists and tracking views carry personal data, and no shared or browser cache may keep them.
 */
export async function installSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(config),
    hsts: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // The API is read by the site itself; files and receipts open in a new tab of it.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
