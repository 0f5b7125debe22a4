// When the database cannot take work, the server says so quickly instead of hanging:
// a locked register, a pool with no free connection. Intake answers 503 with Retry-After
// within 10 s and writes nothing; what was acknowledged stays; health stays fast.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestEnv, citizenAppeal, type TestEnv } from '../test/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv({
    poolSize: 4,
    serverLimits: true,
    env: { DATABASE_STATEMENT_TIMEOUT_MS: '3000', DATABASE_ACQUIRE_TIMEOUT_MS: '2000', HANDLER_TIMEOUT_MS: '8000', INTAKE_QUEUE_LIMIT: '20' },
  });
});
after(() => env.close());

const MARK = 'Проверка блокировки реестра';
const count = async (client: pg.Client, q: string) => Number((await client.query(q, [`${MARK}%`])).rows[0].n);

test('the server’s connections carry the time limits', async () => {
  const settings = await sql<{ st: string; idle: string }>`select current_setting('statement_timeout') as st, current_setting('idle_in_transaction_session_timeout') as idle`.execute(env.ctx.db);
  assert.deepEqual(settings.rows[0], { st: '3s', idle: '30s' });
});

test('a register locked for 30 s: intake answers 503 with Retry-After within 10 s, writes nothing, and works again at once', { timeout: 90_000 }, async () => {
  const astana = await env.bodyId('akimat-astana');
  const before = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
  assert.equal(before.statusCode, 201);
  const acknowledged = before.json().id as string;

  const locker = new pg.Client({ connectionString: env.url });
  await locker.connect();
  const watcher = new pg.Client({ connectionString: env.url });
  await watcher.connect();
  try {
    await locker.query('begin');
    await locker.query('lock table appeal in access exclusive mode');
    const lockedAt = Date.now();

    const timed = async (payload: object) => {
      const t = Date.now();
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload });
      return { res, ms: Date.now() - t };
    };
    // 90 citizens at once, to three bodies: more than a body’s queue (20) may hold.
    const bodies = [astana, await env.bodyId('akimat-almaty'), await env.bodyId('min-ecology')];
    const intakes = Array.from({ length: 90 }, (_, i) => timed(citizenAppeal(bodies[i % 3]!, { text: `${MARK} ${i}: во дворе не вывозят мусор.` })));
    // Liveness does not touch the database; readiness does and says it is not ready, fast.
    const healthStarted = Date.now();
    const health = await env.app.inject({ url: '/api/v1/health' });
    assert.equal(health.statusCode, 200);
    assert.ok(Date.now() - healthStarted < 500, 'health stays fast');
    const readyStarted = Date.now();
    const ready = await env.app.inject({ url: '/api/v1/ready' });
    assert.equal(ready.statusCode, 503);
    assert.ok(Date.now() - readyStarted < 3_000, 'readiness answers within its own bound');

    const results = await Promise.all(intakes);
    for (const { res, ms } of results) {
      assert.equal(res.statusCode, 503, res.body);
      assert.ok(['DATABASE_UNAVAILABLE', 'SERVICE_BUSY'].includes(res.json().error.code), res.body);
      assert.equal(res.headers['retry-after'], '5');
      assert.ok(ms < 10_000, `answered in ${ms} ms`);
    }
    assert.ok(results.some((r) => r.res.json().error.code === 'SERVICE_BUSY'), 'the queue is bounded: some were refused at once');
    assert.ok(Date.now() - lockedAt < 30_000);
    // The lock is held for its 30 s.
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - lockedAt))));
    await locker.query('rollback');

    // Nothing of the refused appeals was written: no appeal, no event, no message, no number.
    assert.equal(await count(watcher, `select count(*) as n from appeal where text like $1`), 0);
    assert.equal(
      await count(watcher, `select count(*) as n from notification n where n.appeal_id in (select id from appeal where text like $1)`),
      0,
    );
    const numbers = await watcher.query(`select max(number) as n from appeal where body_id = $1`, [astana]);
    const recovered = Date.now();
    const after = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
    assert.equal(after.statusCode, 201, after.body);
    assert.ok(Date.now() - recovered < 2_000, 'intake works again at once');
    const next = after.json().number as string;
    assert.equal(Number(next.split('-').at(-1)), Number(String(numbers.rows[0].n).split('-').at(-1)) + 1, 'no number was used up by a refused appeal');
    // What was acknowledged before stays.
    assert.equal(Number((await watcher.query('select count(*) as n from appeal where id = $1', [acknowledged])).rows[0].n), 1);
    const readyAgain = await env.app.inject({ url: '/api/v1/ready' });
    assert.equal(readyAgain.statusCode, 200);
  } finally {
    await locker.end().catch(() => {});
    await watcher.end();
  }
});

test('no free connection: a request waits at most the acquire timeout and gets 503, then the pool serves again', { timeout: 60_000 }, async () => {
  const cookie = await env.login('comms_officer', 'akimat-astana');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  // Four requests' worth of connections held elsewhere (a slow report, a stuck sender).
  const holders = Array.from({ length: 4 }, () => env.ctx.db.connection().execute(async () => held));
  await new Promise((r) => setTimeout(r, 200));
  const t = Date.now();
  const res = await env.app.inject({ url: '/api/v1/appeals?limit=5', headers: { cookie } });
  const ms = Date.now() - t;
  assert.equal(res.statusCode, 503, res.body);
  assert.equal(res.json().error.code, 'DATABASE_UNAVAILABLE');
  assert.equal(res.headers['retry-after'], '5');
  assert.ok(ms >= 1_900 && ms < 5_000, `waited ${ms} ms`);
  release();
  await Promise.all(holders);
  const again = await env.app.inject({ url: '/api/v1/appeals?limit=5', headers: { cookie } });
  assert.equal(again.statusCode, 200);
});
