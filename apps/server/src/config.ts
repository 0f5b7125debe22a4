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
  /** Code of the body whose administrator edits the shared knowledge-base articles. */
  knowledgeCentralBody: string;
  /** Secret the CTI tokens are derived from; unset: a key file in the data folder (cti-token.key). */
  ctiTokenSecret?: string;
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
    knowledgeCentralBody: env.KNOWLEDGE_CENTRAL_BODY ?? 'min-info',
    ctiTokenSecret: env.CTI_TOKEN_SECRET || undefined,
  };
}
