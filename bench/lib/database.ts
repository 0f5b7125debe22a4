// A fresh database for a benchmark: the embedded PostgreSQL in a temporary folder,
// or the server of DATABASE_URL (a new database is created there and dropped after).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { portFor, startEmbeddedPostgres } from '../../apps/server/src/db/embedded.ts';

export interface BenchDatabase {
  url: string;
  /** Where the embedded server lives (kept with --keep), or null for DATABASE_URL. */
  dir: string | null;
  close(opts?: { keep?: boolean }): Promise<void>;
}


export async function freshDatabase(name: string): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const dbName = `${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(external);
    u.pathname = `/${dbName}`;
    return {
      url: u.toString(),
      dir: null,
      async close(opts) {
        if (opts?.keep) return;
        const c = new pg.Client({ connectionString: external });
        await c.connect();
        await c.query(`drop database if exists ${dbName} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tyndau-${name}-`));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await portFor(0), database: 'tyndau' });
  return {
    url: server.url('tyndau'),
    dir,
    async close(opts) {
      await server.stop();
      if (!opts?.keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The embedded PostgreSQL a benchmark left with --keep, started again. */
export async function reuseDatabase(dir: string): Promise<BenchDatabase> {
  if (!fs.existsSync(path.join(dir, 'pg', 'PG_VERSION'))) throw new Error(`${dir} holds no database a benchmark kept`);
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await portFor(0), database: 'tyndau' });
  return {
    url: server.url('tyndau'),
    dir,
    async close(opts) {
      await server.stop();
      if (!opts?.keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
