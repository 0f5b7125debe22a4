// Transactions that make linked appeals read through their own connection: with a pool of
// two and four redirects, complaints and follow-ups at once, none waits for a second connection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv({ poolSize: 2 });
});
after(() => env.close());

test('four redirects at once on a pool of two connections all finish', { timeout: 30_000 }, async () => {
  const astana = await env.bodyId('akimat-astana');
  const almaty = await env.bodyId('akimat-almaty');
  const cookie = await env.login('comms_officer', 'akimat-astana');
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: `Яма на дороге в Алматы, улица Абая ${i}` }) });
    assert.equal(res.statusCode, 201, res.body);
    ids.push(res.json().id);
  }
  const redirected = await Promise.all(
    ids.map((id) => env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/triage`, headers: { cookie }, payload: { competence: 'other', targetBodyId: almaty, reason: 'адрес в Алматы' } })),
  );
  for (const r of redirected) assert.equal(r.statusCode, 200, r.body);
  const copies = await env.ctx.db.selectFrom('appeal').select(['bodyId', 'legalDueAt']).where('redirectedFromId', 'in', ids).execute();
  assert.equal(copies.length, 4);
  assert.ok(copies.every((c) => c.bodyId === almaty && c.legalDueAt));
});
