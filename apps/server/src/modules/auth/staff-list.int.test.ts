import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

test('GET /staff lists the active staff of my body only, without e-mails', async () => {
  const cookie = await env.login('comms_officer', 'akimat-astana');
  const res = await env.app.inject({ url: '/api/v1/staff', headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  const { items } = res.json() as { items: Array<Record<string, unknown>> };
  assert.ok(items.length >= 8);
  const astana = await env.bodyId('akimat-astana');
  const ids = items.map((i) => i.id as string);
  const bodies = await env.ctx.db.selectFrom('staffUser').select('bodyId').where('id', 'in', ids).execute();
  assert.ok(bodies.every((b) => b.bodyId === astana), 'only my body');
  assert.ok(items.every((i) => !('email' in i) && !('passwordHash' in i)));
  assert.ok(items.some((i) => i.role === 'executor' && i.unitId));
});

test('GET /staff?role= filters by role; it needs a session', async () => {
  const cookie = await env.login('head', 'min-health');
  const res = await env.app.inject({ url: '/api/v1/staff?role=executor,deputy', headers: { cookie } });
  assert.deepEqual([...new Set((res.json() as { items: Array<{ role: string }> }).items.map((i) => i.role))].sort(), ['deputy', 'executor']);
  assert.equal((await env.app.inject('/api/v1/staff')).statusCode, 401);
});
