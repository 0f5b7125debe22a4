// Environment -> typed configuration, read and validated once at start.
import path from 'node:path';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** External PostgreSQL; when unset the embedded server under `dataDir` is used. */
  databaseUrl?: string;
  /** Connections the server keeps open to PostgreSQL. */
  databasePoolSize: number;
  dataDir: string;
  /** Start the clock at this instant (demonstrations, acceptance checks); never in production. */
  now?: Date;
  /** Where attachments are kept when no S3-compatible storage is configured. */
  storageDir: string;
  smtpUrl?: string;
  mailFrom: string;
  smppUrl?: string;
  telegramBotToken?: string;
  telegramApiRoot?: string;
  /** Social media replies: each network's API root (tests and proxies point them elsewhere). */
  socialApi: { telegram: string; vk: string; graph: string; graphVersion: string; timeoutMs: number };
  /** Public address of the site, used in links sent to citizens. */
  publicUrl: string;
  loginRateLimit: number;
  /** Public intake requests per minute from one address (staff sessions are not limited). */
  intakeRateLimit: number;
  webDist: string;
  /**
   * Which proxies may tell the client's address (`X-Forwarded-For`): none by default, else
   * a hop count or a list of addresses/CIDRs, handed to Fastify's `trustProxy` as it is.
   */
  trustProxy: false | number | string[];
  /** The platform's own origin(s) for the Origin check; unset: the request's Host. */
  publicOrigins?: string[];
  /**
   * Key (base64 of 32 bytes) that seals secrets kept until delivery (platform/secrets.ts);
   * unset: `secret.key` in the data folder.
   */
  secretKey?: string;
  /**
   * Owner role for migrations when DATABASE_URL is a role with fewer rights (the application's:
   * it may only INSERT and SELECT the event log).
   */
  databaseMigrationUrl?: string;
  /** Load demo data into an empty database: by default outside production; in production only with TYNDAU_DEMO_DATA=1. */
  demoData: boolean;
  /** Staff sign-in through an OpenID Connect provider (all four OIDC_* set), else none. */
  oidc?: OidcConfig;
  /** Code of the body whose administrator edits the shared knowledge-base articles. */
  knowledgeCentralBody: string;
  /**
   * The public map's background tiles (`MAP_TILES_URL`, an XYZ template with {z}/{x}/{y});
   * empty: no background. Nothing depends on tiles loading: the points and the list work without.
   */
  mapTilesUrl: string;
  /** Credit shown on the map for the tiles (`MAP_TILES_ATTRIBUTION`). */
  mapTilesAttribution: string;
  /** Time limits that keep a slow or unreachable database from freezing the server (README, "Faults"). */
  limits: Limits;
}

export interface Limits {
  /** Longest wait for a pooled connection (pg-pool `connectionTimeoutMillis`). */
  databaseAcquireMs: number;
  /** PostgreSQL `statement_timeout` of the server's connections (a lock wait counts). */
  statementMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction left open is ended by the server. */
  idleInTransactionMs: number;
  /** Longest a request may take from routing to its answer; then 503 with Retry-After. */
  handlerMs: number;
  /** Longest a client may take to send a whole request (Node's `requestTimeout`). */
  requestMs: number;
  /** Appeals at most waiting for one body's intake statement; more answer 503 at once. */
  intakeQueuePerBody: number;
  /** Longest a clean stop may take before the process exits anyway. */
  shutdownMs: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

function oidcConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['env']): OidcConfig | undefined {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return undefined;
  if (set.length < names.length) throw new Error(`OpenID Connect needs all of ${names.join(', ')}; missing ${names.filter((n) => !env[n]).join(', ')}`);
  for (const n of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const) {
    const url = URL.canParse(env[n]!) ? new URL(env[n]!) : null;
    if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`${n} must be an http(s) URL, got ${env[n]}`);
    // Plain http only on loopback outside production (a provider on the developer's machine).
    if (url.protocol === 'http:' && (nodeEnv === 'production' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
      throw new Error(`${n} must use https (plain http only to a loopback address outside production)`);
    }
  }
  return { issuer: env.OIDC_ISSUER!, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET!, redirectUri: env.OIDC_REDIRECT_URI! };
}

const root = path.resolve(import.meta.dirname, '../../..');

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${value}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port, got ${env.PORT}`);
  let now: Date | undefined;
  if (env.TYNDAU_NOW) {
    if (nodeEnv === 'production') throw new Error('TYNDAU_NOW is refused when NODE_ENV=production');
    now = new Date(env.TYNDAU_NOW);
    if (Number.isNaN(now.getTime())) throw new Error(`TYNDAU_NOW must be an ISO instant, got ${env.TYNDAU_NOW}`);
  }
  const dataDir = path.resolve(root, env.TYNDAU_DATA_DIR ?? '.data');
  const secretKey = env.TYNDAU_SECRET_KEY || undefined;
  if (secretKey && Buffer.from(secretKey, 'base64').length !== 32) throw new Error('TYNDAU_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  const demoFlag = env.TYNDAU_DEMO_DATA;
  if (demoFlag !== undefined && demoFlag !== '' && demoFlag !== '0' && demoFlag !== '1') throw new Error(`TYNDAU_DEMO_DATA must be 0 or 1, got ${demoFlag}`);
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: positiveInt(env.DATABASE_POOL_SIZE, 20, 'DATABASE_POOL_SIZE'),
    dataDir,
    now,
    storageDir: path.resolve(root, env.STORAGE_DIR ?? path.join(dataDir, 'files')),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Tyndau <no-reply@tyndau.local>',
    smppUrl: env.SMPP_URL || undefined,
    telegramBotToken: env.TELEGRAM_BOT_TOKEN || undefined,
    telegramApiRoot: env.TELEGRAM_API_ROOT || undefined,
    socialApi: {
      telegram: env.SOCIAL_TELEGRAM_API_ROOT || env.TELEGRAM_API_ROOT || 'https://api.telegram.org',
      vk: env.SOCIAL_VK_API_ROOT || 'https://api.vk.com',
      graph: env.SOCIAL_GRAPH_API_ROOT || 'https://graph.facebook.com',
      graphVersion: env.SOCIAL_GRAPH_API_VERSION || 'v21.0',
      timeoutMs: positiveInt(env.SOCIAL_API_TIMEOUT_MS, 10_000, 'SOCIAL_API_TIMEOUT_MS'),
    },
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 10),
    intakeRateLimit: Number(env.INTAKE_RATE_LIMIT ?? 300),
    // The built web app; the browser tests serve a private build (e2e/serve.ts).
    webDist: path.resolve(root, env.TYNDAU_WEB_DIST ?? 'apps/web/dist'),
    limits: {
      databaseAcquireMs: positiveInt(env.DATABASE_ACQUIRE_TIMEOUT_MS, 5_000, 'DATABASE_ACQUIRE_TIMEOUT_MS'),
      statementMs: positiveInt(env.DATABASE_STATEMENT_TIMEOUT_MS, 5_000, 'DATABASE_STATEMENT_TIMEOUT_MS'),
      idleInTransactionMs: positiveInt(env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, 30_000, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
      handlerMs: positiveInt(env.HANDLER_TIMEOUT_MS, 8_000, 'HANDLER_TIMEOUT_MS'),
      requestMs: positiveInt(env.REQUEST_TIMEOUT_MS, 30_000, 'REQUEST_TIMEOUT_MS'),
      intakeQueuePerBody: positiveInt(env.INTAKE_QUEUE_LIMIT, 1_000, 'INTAKE_QUEUE_LIMIT'),
      shutdownMs: positiveInt(env.SHUTDOWN_TIMEOUT_MS, 20_000, 'SHUTDOWN_TIMEOUT_MS'),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicOrigins: parsePublicOrigins(env.PUBLIC_ORIGIN),
    secretKey,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    // Demo accounts have a published password: production loads them only when told to.
    demoData: demoFlag === '1' || (nodeEnv !== 'production' && demoFlag !== '0'),
    oidc: oidcConfig(env, nodeEnv),
    knowledgeCentralBody: env.KNOWLEDGE_CENTRAL_BODY ?? 'min-info',
    mapTilesUrl: parseTilesUrl(env.MAP_TILES_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    mapTilesAttribution: env.MAP_TILES_ATTRIBUTION ?? '© OpenStreetMap contributors',
  };
}

/**
 * `TRUST_PROXY`: unset or empty trusts nobody (the socket's address is the client); a
 * number trusts that many hops; otherwise a comma-separated list of addresses or CIDRs
 * (`10.0.0.0/8, 127.0.0.1`). "true" is refused: trusting every sender lets anyone choose
 * their address and so walk around every per-address limit.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === '*') throw new Error('TRUST_PROXY must name the proxies (addresses, CIDRs) or a hop count, not trust everyone');
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of list) {
    if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(item) && !['loopback', 'linklocal', 'uniquelocal'].includes(item)) {
      throw new Error(`TRUST_PROXY: ${item} is not an address, a CIDR or loopback/linklocal/uniquelocal`);
    }
  }
  return list;
}

/** `PUBLIC_ORIGIN`: one or more comma-separated origins (`https://appeals.gov.kz`). */
export function parsePublicOrigins(value: string | undefined): string[] | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  return v.split(',').map((s) => {
    let u: URL;
    try {
      u = new URL(s.trim());
    } catch {
      throw new Error(`PUBLIC_ORIGIN must be origins like https://example.kz, got ${s}`);
    }
    return u.origin;
  });
}

/** `MAP_TILES_URL`: empty, or an http(s) XYZ template with {z}, {x} and {y}. */
export function parseTilesUrl(value: string): string {
  const v = value.trim();
  if (v === '') return '';
  let u: URL;
  try {
    u = new URL(v.replace(/\{[a-z]\}/g, '0'));
  } catch {
    throw new Error(`MAP_TILES_URL must be an http(s) address with {z}/{x}/{y}, got ${value}`);
  }
  if (!['http:', 'https:'].includes(u.protocol) || !['{z}', '{x}', '{y}'].every((p) => v.includes(p))) throw new Error(`MAP_TILES_URL must be an http(s) address with {z}/{x}/{y}, got ${value}`);
  return v;
}
