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
  /** Public address of the site, used in links sent to citizens. */
  publicUrl: string;
  loginRateLimit: number;
  /** Public intake requests per minute from one address (staff sessions are not limited). */
  intakeRateLimit: number;
  webDist: string;
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
  };
}
