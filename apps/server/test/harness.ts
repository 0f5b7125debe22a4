// What each integration test file uses: a fresh database cloned from the template, a
// context with a manual clock, the HTTP app, and helpers to sign in and register.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createDb, dbTimeouts } from '../src/db/database.ts';
import { loadConfig } from '../src/config.ts';
import { manualClock } from '../src/platform/clock.ts';
import { EventLog } from '../src/platform/events.ts';
import { diskStorage } from '../src/platform/storage.ts';
import { subscribeModules } from '../src/subscriptions.ts';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/app-context.ts';
import { generateSync } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoEmail } from '../src/modules/bodies/demo-seed.ts';
import { totpRequired } from '@tyndau/contracts';
import { withDatabase } from './global-setup.ts';

export interface TestEnv {
  ctx: AppContext;
  app: FastifyInstance;
  clock: ReturnType<typeof manualClock>;
  url: string;
  close(): Promise<void>;
  /** Session cookie of a demo account: role in body (by code). */
  login(role: string, bodyCode: string): Promise<string>;
  bodyId(code: string): Promise<string>;
}

let counter = 0;

/** `serverLimits`: the pool gets the server's time limits from the configuration (`env`), as main.ts builds it. */
export async function createTestEnv(opts: { now?: string; env?: Record<string, string>; poolSize?: number; serverLimits?: boolean } = {}): Promise<TestEnv> {
  const adminUrl = process.env.TYNDAU_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('run tests with npm test (global setup starts PostgreSQL)');
  const name = `t_${process.pid}_${++counter}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template tyndau_template`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-files-'));
  const config = { ...loadConfig({ NODE_ENV: 'test', ...opts.env }), databaseUrl: url, storageDir, loginRateLimit: 1000, intakeRateLimit: 100_000 };
  const { db } = createDb(url, opts.poolSize ?? 10, opts.serverLimits ? dbTimeouts(config.limits) : undefined);
  const clock = manualClock(new Date(opts.now ?? '2026-11-25T05:00:00Z'));
  const ctx: AppContext = { config, db, clock, events: new EventLog(), storage: diskStorage(storageDir) };
  subscribeModules(ctx);
  const app = await buildApp(ctx);
  const cookies = new Map<string, string>();
  const env: TestEnv = {
    ctx,
    app,
    clock,
    url,
    async close() {
      await app.close();
      await db.destroy();
      fs.rmSync(storageDir, { recursive: true, force: true });
    },
    async login(role, bodyCode) {
      const key = `${role}@${bodyCode}`;
      if (cookies.has(key)) return cookies.get(key)!;
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: demoSignIn(role, bodyCode) });
      if (res.statusCode !== 200) throw new Error(`login ${key}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'tyndau_session')!;
      const header = `${cookie.name}=${cookie.value}`;
      cookies.set(key, header);
      return header;
    },
    async bodyId(code) {
      const row = await db.selectFrom('body').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      return row.id;
    },
  };
  return env;
}

/** What a demo account sends to sign in: the published password and, for the roles that must have a second factor, the code of the demo TOTP secret. */
export function demoSignIn(role: string, bodyCode: string): { email: string; password: string; code?: string } {
  return { email: demoEmail(role, bodyCode), password: DEMO_PASSWORD, ...(totpRequired(role) ? { code: generateSync({ secret: DEMO_TOTP_SECRET }) } : {}) };
}

/** A valid citizen appeal for a body; override any field. */
export function citizenAppeal(bodyId: string, over: Record<string, unknown> = {}) {
  return {
    bodyId,
    kind: 'complaint',
    text: 'Во дворе дома по улице Абая, 10 третью неделю не вывозят мусор. Прошу принять меры.',
    topicCode: 'improvement.garbage',
    applicant: { type: 'individual', name: 'Айгерим Садыкова', iin: '880516300374', email: 'aigerim@example.kz', phone: '+77011234567' },
    preferredAnswer: 'email',
    address: 'Астана, ул. Абая, 10',
    ...over,
  };
}
