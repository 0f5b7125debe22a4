// One place that opens the database: an external PostgreSQL from DATABASE_URL, or the
// embedded server. Queries go through Kysely with camelCase names over snake_case columns.
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, CamelCasePlugin } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { Config } from '../config.ts';
import { portFor, startEmbeddedPostgres } from './embedded.ts';

export type Db = Kysely<Database>;

// Return bigint counts as numbers and dates as JS Dates; `date` columns stay 'YYYY-MM-DD'.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/**
 * SQL that starts with this comment is sent as a named prepared statement: PostgreSQL parses
 * and plans it once per connection instead of on every call. For hot statements whose text
 * does not vary (intake's), where planning was a fifth of the database's work.
 */
export const PREPARED = '/* prepared */';

function sendMarkedAsPrepared(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `tyndau_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
    return name;
  };
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values, ...rest] = args;
    return typeof text === 'string' && text.startsWith(PREPARED) ? query({ name: nameOf(text), text, values }, ...rest) : query(...args);
  };
}

/** Time limits of the server's connections; none for migrations, the command line and tests that do not ask. */
export interface DbTimeouts {
  acquireMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

export function dbTimeouts(limits: Config['limits']): DbTimeouts {
  return { acquireMs: limits.databaseAcquireMs, statementMs: limits.statementMs, idleInTransactionMs: limits.idleInTransactionMs };
}

export function createDb(url: string, poolSize = 20, timeouts?: DbTimeouts): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A dead peer (a PostgreSQL host gone without a FIN) is noticed by TCP keep-alive, not never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(timeouts && {
      // Waiting for a connection ends: a full pool or an unreachable server is an error (503), not a hang.
      connectionTimeoutMillis: timeouts.acquireMs,
      // PostgreSQL ends a statement (a lock wait included) and a transaction left idle.
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    }),
  });
  pool.on('connect', sendMarkedAsPrepared);
  // A connection lost while checked out between two statements (PostgreSQL killed in the
  // middle of a transaction) emits 'error' on its client, which without a listener ends the
  // whole process. The transaction's next statement fails (503) and the pool drops the client.
  pool.on('connect', (client) => client.on('error', (err) => console.error(`PostgreSQL connection lost in use: ${err.message}`)));
  // An idle connection the server closes (a PostgreSQL restart, the embedded server
  // stopping at shutdown) is dropped from the pool; without a listener it would crash the process.
  pool.on('error', (err) => {
    if ((err as { code?: string }).code !== '57P01') console.error(`PostgreSQL connection lost: ${err.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, pool };
}

export interface OpenedDatabase {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/**
 * `shareRunning`: use the embedded server the platform already runs on the data folder
 * (the command line while the server is up) instead of refusing to start a second one.
 */
export async function openDatabase(config: Config, opts: { shareRunning?: boolean; timeouts?: DbTimeouts } = {}): Promise<OpenedDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    // PGPORT_EMBEDDED pins the port; by default 54329, or any free one when that is taken.
    const port = process.env.PGPORT_EMBEDDED ? Number(process.env.PGPORT_EMBEDDED) : await portFor(54329);
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port, database: 'tyndau', shareRunning: opts.shareRunning, production: config.env === 'production' });
    url = server.url('tyndau');
    stopEmbedded = () => server.stop();
  }
  const { db } = createDb(url, config.databasePoolSize, opts.timeouts);
  return {
    db,
    url,
    close: async () => {
      await db.destroy();
      await stopEmbedded?.();
    },
  };
}
