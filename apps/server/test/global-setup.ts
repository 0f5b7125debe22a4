// Test run: one embedded PostgreSQL for all test files, and a template database
// (migrated, demo data loaded) that each test file clones into a fresh database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { createDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemoData } from '../src/demo.ts';
import { EventLog } from '../src/platform/events.ts';
import { systemClock } from '../src/platform/clock.ts';
import { diskStorage } from '../src/platform/storage.ts';
import { loadConfig } from '../src/config.ts';

let server: EmbeddedServer | undefined;
let dir: string | undefined;

export async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-test-'));
    fs.chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: dir, port: 54000 + (process.pid % 1000), database: 'postgres' });
    adminUrl = server.url('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('drop database if exists tyndau_template');
  await admin.query('create database tyndau_template');
  await admin.end();
  const templateUrl = withDatabase(adminUrl, 'tyndau_template');
  const { db } = createDb(templateUrl, 2);
  await migrateToLatest(db);
  const config = loadConfig({ NODE_ENV: 'test', TYNDAU_DATA_DIR: dir ?? os.tmpdir() });
  await loadDemoData({ config, db, clock: systemClock, events: new EventLog(), storage: diskStorage(config.storageDir) });
  await db.destroy();
  process.env.TYNDAU_TEST_ADMIN_URL = adminUrl;
}

export async function globalTeardown() {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
