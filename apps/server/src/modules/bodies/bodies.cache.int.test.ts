import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { cachedBody, cachedTopic, forgetCachedBodies } from './index.ts';

let env: TestEnv;
let astana: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

test('a cached body is read once and read anew after forgetCachedBodies', async () => {
  const first = await cachedBody(env.ctx, astana);
  assert.equal(first.code, 'akimat-astana');
  await env.ctx.db.updateTable('body').set({ settings: { ...first.settings, numberPrefix: 'NEW' } }).where('id', '=', astana).execute();
  // Within CACHE_MS this process still sees what it read.
  assert.equal((await cachedBody(env.ctx, astana)).settings.numberPrefix, first.settings.numberPrefix);
  forgetCachedBodies(env.ctx.db);
  assert.equal((await cachedBody(env.ctx, astana)).settings.numberPrefix, 'NEW');
  // Intake uses the cache: the new prefix numbers the next appeal.
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
  assert.equal(res.statusCode, 201, res.body);
  assert.match(res.json().number, /^NEW-\d{4}-\d{6}$/);
});

test('unknown bodies and topics are refused', async () => {
  await assert.rejects(cachedBody(env.ctx, '00000000-0000-4000-8000-000000000000'), { code: 'BODY_NOT_FOUND' });
  await assert.rejects(cachedBody(env.ctx, 'not-a-uuid'), { code: 'BODY_NOT_FOUND' });
  await assert.rejects(cachedTopic(env.ctx, 'no.such.topic'), { code: 'TOPIC_NOT_FOUND' });
  assert.equal((await cachedTopic(env.ctx, 'improvement.garbage')).code, 'improvement.garbage');
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal('00000000-0000-4000-8000-000000000000') });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'BODY_NOT_FOUND');
});

test('each database has its own cache', async () => {
  const other = await createTestEnv();
  try {
    const id = await other.bodyId('akimat-astana');
    await other.ctx.db.updateTable('body').set({ settings: { numberPrefix: 'OTHER' } }).where('id', '=', id).execute();
    assert.equal((await cachedBody(other.ctx, id)).settings.numberPrefix, 'OTHER');
    assert.notEqual((await cachedBody(env.ctx, astana)).settings.numberPrefix, 'OTHER');
  } finally {
    await other.close();
  }
});
