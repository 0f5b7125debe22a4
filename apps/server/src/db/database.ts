// One place that opens the database: an external PostgreSQL from DATABASE_URL, or the
// embedded server. Queries go through Kysely with camelCase names over snake_case columns.
import { Kysely, PostgresDialect, CamelCasePlugin } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';

export type Db = Kysely<Database>;

// Return bigint counts as numbers and dates as JS Dates; `date` columns stay 'YYYY-MM-DD'.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export function createDb(url: string, poolSize = 20): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
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

export async function openDatabase(config: Config): Promise<OpenedDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: Number(process.env.PGPORT_EMBEDDED ?? 54329), database: 'tyndau' });
    url = server.url('tyndau');
    stopEmbedded = () => server.stop();
  }
  const { db } = createDb(url, config.databasePoolSize);
  return {
    db,
    url,
    close: async () => {
      await db.destroy();
      await stopEmbedded?.();
    },
  };
}
