// The event log as an attacker with the application's connection would find it: INSERT and
// SELECT work, UPDATE, DELETE and TRUNCATE fail loudly; the owner is refused by the trigger.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../test/harness.ts';
import { migrateDatabase } from './roles.ts';

let env: TestEnv;
let appUrl: string;
let app: pg.Client;
const role = `t_app_${process.pid}`;

before(async () => {
  env = await createTestEnv();
  const admin = new pg.Client({ connectionString: process.env.TYNDAU_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop role if exists ${role}`);
  await admin.query(`create role ${role} login password 'app-secret'`);
  await admin.end();
  const u = new URL(env.url);
  u.username = role;
  u.password = 'app-secret';
  appUrl = u.toString();
  // As the server does at start with DATABASE_MIGRATION_URL: migrate as the owner, grant the application.
  await migrateDatabase({ databaseUrl: appUrl, databaseMigrationUrl: env.url }, env.ctx.db, appUrl);
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});
after(async () => {
  await app.end();
  await env.close();
  const admin = new pg.Client({ connectionString: process.env.TYNDAU_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop owned by ${role} cascade`).catch(() => {});
  await admin.end();
});

describe('the event log refuses change', () => {
  test('the application role appends and reads, and works the register', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(await env.bodyId('akimat-astana')) });
    const { id } = res.json();
    const ev = await app.query('select id, type from appeal_event where appeal_id = $1', [id]);
    assert.equal(ev.rows[0].type, 'appeal.registered');
    await app.query(`insert into appeal_event (appeal_id, type, at) values ($1, 'appeal.note', now())`, [id]);
    await app.query(`update appeal set text = text where id = $1`, [id]);
    assert.equal((await app.query('select count(*)::int as n from appeal_event where appeal_id = $1', [id])).rows[0].n, 2);
  });

  test('UPDATE, DELETE and TRUNCATE by the application role fail with permission denied', async () => {
    for (const q of [`update appeal_event set type = 'tampered'`, 'delete from appeal_event', 'truncate appeal_event']) {
      await assert.rejects(app.query(q), (e: { code?: string; message: string }) => e.code === '42501' && /permission denied/.test(e.message), q);
    }
  });

  test('the owner is refused by the trigger, rows untouched', async () => {
    const owner = new pg.Client({ connectionString: env.url });
    await owner.connect();
    try {
      const before = (await owner.query('select count(*)::int as n, max(id) as max from appeal_event')).rows[0];
      for (const [q, op] of [[`update appeal_event set type = 'tampered' where id = ${before.max}`, 'UPDATE'], [`delete from appeal_event where id = ${before.max}`, 'DELETE'], ['truncate appeal_event cascade', 'TRUNCATE']] as const) {
        await assert.rejects(owner.query(q), (e: { code?: string; message: string }) => e.code === '42501' && e.message.includes(`append-only: ${op} refused`), q);
      }
      const afterwards = (await owner.query('select count(*)::int as n from appeal_event')).rows[0];
      assert.equal(afterwards.n, before.n);
    } finally {
      await owner.end();
    }
  });
});
