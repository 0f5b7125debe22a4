// Production never runs the embedded PostgreSQL with the published password: a fresh cluster
// gets a random one kept in the data folder (0600) and listens on its Unix socket only; a
// cluster made with the development password is refused.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { portFor, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

const dirs: string[] = [];
const servers: EmbeddedServer[] = [];
const folder = () => {
  // Short: the socket path must fit in 108 bytes.
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-'));
  fs.chmodSync(d, 0o755);
  dirs.push(d);
  return d;
};
after(async () => {
  for (const s of servers) await s.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const connects = async (url: string) => {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
};

test('production: a random password in the data folder (0600), the Unix socket only, the published password refused', async () => {
  const dataDir = folder();
  const port = await portFor(0);
  const server = await startEmbeddedPostgres({ dataDir, port, database: 'tyndau', production: true });
  servers.push(server);
  const file = path.join(dataDir, 'pg-password');
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  assert.ok(password.length >= 24 && password !== 'tyndau-local');
  const url = server.url('tyndau');
  assert.ok(await connects(url), 'the platform connects over the socket');
  const published = new URL(url);
  published.password = 'tyndau-local';
  assert.equal(await connects(published.toString()), false, 'the published password opens nothing');
  const tcp = new URL(url);
  tcp.search = '';
  assert.equal(await connects(tcp.toString()), false, 'no TCP listener');
});

test('production refuses a cluster made with the development password', async () => {
  const dataDir = folder();
  const dev = await startEmbeddedPostgres({ dataDir, port: await portFor(0), database: 'tyndau' });
  await dev.stop();
  await assert.rejects(startEmbeddedPostgres({ dataDir, port: await portFor(0), database: 'tyndau', production: true }), /published development password/);
});
