// The embedded PostgreSQL of a data folder: the command line shares the one the running
// platform started; a second platform on the folder, and a start that fails, say why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { portFor, runningServer, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
import { runCli } from '../cli.ts';

let dataDir: string;
let server: EmbeddedServer | undefined;
const saved = { ...process.env };

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-embedded-'));
  fs.chmodSync(dataDir, 0o755);
  // What `npm start` does: the platform's own server on the folder.
  server = await startEmbeddedPostgres({ dataDir, port: await portFor(0), database: 'tyndau' });
});
after(async () => {
  await server?.stop();
  process.env = saved;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
};

test('the platform talks to its embedded server over the Unix socket in the data folder; the address still answers', async () => {
  const url = server!.url('tyndau');
  assert.equal(await count(url, `select count(*) n from pg_stat_activity where pid = pg_backend_pid() and client_addr is null`), 1, 'a Unix-socket connection has no client address');
  const tcp = new URL(url);
  tcp.search = '';
  assert.equal(await count(tcp.toString(), `select count(*) n from pg_stat_activity where pid = pg_backend_pid() and client_addr is not null`), 1);
  const running = runningServer(path.join(dataDir, 'pg'));
  assert.equal(running?.socketDir, path.join(dataDir, 'pg'), 'the command line finds the socket in the pid file');
});

test('the command line works while the platform runs: it shares the running server and leaves it running', async () => {
  delete process.env.DATABASE_URL;
  process.env.TYNDAU_DATA_DIR = dataDir;
  // Another port than the running server's: the port comes from the server's pid file.
  process.env.PGPORT_EMBEDDED = String(await portFor(0));
  assert.equal(await runCli(['seed', '--bodies']), 0);
  assert.equal(await runCli(['user', 'add', '--email', 'admin@astana.gov.kz', '--password', 'a-long-password', '--role', 'admin', '--body', 'akimat-astana']), 0);
  assert.equal(await runCli(['calendar', 'days-off', '2026']), 0);
  assert.ok(runningServer(path.join(dataDir, 'pg')), 'the platform’s PostgreSQL still runs');
  assert.equal(await count(server!.url('tyndau'), 'select count(*) as n from staff_user'), 1);
});

test('a second platform on the same folder is refused with the reason', async () => {
  await assert.rejects(startEmbeddedPostgres({ dataDir, port: await portFor(0), database: 'tyndau' }), /already running \(pid \d+, port \d+\).*TYNDAU_DATA_DIR/);
});

test('with the platform stopped the command line starts the server itself and stops it after', async () => {
  await server!.stop();
  server = undefined;
  assert.equal(runningServer(path.join(dataDir, 'pg')), undefined);
  assert.equal(await runCli(['calendar', 'add-day-off', '2026-12-31', '--reason', 'Transfer by decree']), 0);
  assert.equal(runningServer(path.join(dataDir, 'pg')), undefined, 'nothing left running');
});

test('a start that fails says why (the port is taken), not "undefined"', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    await assert.rejects(startEmbeddedPostgres({ dataDir, port, database: 'tyndau' }), (e: Error) => {
      assert.match(e.message, new RegExp(`did not start on port ${port}.*(could not bind|already in use)`, 'i'));
      return true;
    });
  } finally {
    blocker.close();
  }
  assert.equal(await portFor(port), port, 'free again');
});
