// The search indexes' pending lists are merged by the upkeep, not by an intake statement.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createDb } from '../../db/database.ts';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { startSearchUpkeep } from './index.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
  await sql`create extension if not exists pgstattuple`.execute(env.ctx.db);
});
after(() => env.close());

const pending = async () => {
  const { rows } = await sql<{ n: number }>`
    select sum((pgstatginindex(i::regclass)).pending_tuples)::int as n from unnest(array['appeal_body_search_idx', 'appeal_body_text_trgm_idx']) i`.execute(env.ctx.db);
  return rows[0]!.n;
};

test('new appeals wait in the pending lists until the upkeep merges them; search finds them meanwhile', async () => {
  const astana = await env.bodyId('akimat-astana');
  await sql`select gin_clean_pending_list('appeal_body_search_idx'::regclass), gin_clean_pending_list('appeal_body_text_trgm_idx'::regclass)`.execute(env.ctx.db);
  for (let i = 0; i < 5; i++) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: `Снег не убирают на улице Кенесары, дом ${i}` }) });
    assert.equal(res.statusCode, 201, res.body);
  }
  assert.ok((await pending()) >= 10, 'each appeal is in both pending lists');
  const cookie = await env.login('comms_officer', 'akimat-astana');
  const found = await env.app.inject({ method: 'GET', url: '/api/v1/appeals?q=Кенесары', headers: { cookie } });
  assert.equal(found.json().items.length, 5);

  const upkeep = startSearchUpkeep(env.ctx, (msg, err) => assert.fail(`${msg}: ${String(err)}`));
  try {
    const deadline = Date.now() + 5_000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await pending(), 0);
  } finally {
    await upkeep.stop();
  }
  const again = await env.app.inject({ method: 'GET', url: '/api/v1/appeals?q=Кенесары', headers: { cookie } });
  assert.equal(again.json().items.length, 5);
});

test('a role that does not own the indexes gets one warning and the upkeep stops (inserts merge the lists then)', async () => {
  const role = `upkeep_${process.pid}`;
  await sql.raw(`create role ${role} login password 'not-the-owner'; grant connect on database ${new URL(env.url).pathname.slice(1)} to ${role}`).execute(env.ctx.db);
  const url = new URL(env.url);
  url.username = role;
  url.password = 'not-the-owner';
  const { db } = createDb(url.toString(), 1);
  const warnings: string[] = [];
  const upkeep = startSearchUpkeep({ ...env.ctx, db }, (msg, err) => warnings.push(`${msg}: ${(err as { code?: string }).code}`));
  try {
    await new Promise((r) => setTimeout(r, 3_500));
  } finally {
    await upkeep.stop();
    await db.destroy();
    await sql.raw(`drop owned by ${role}; drop role ${role}`).execute(env.ctx.db);
  }
  assert.deepEqual(warnings, ['search index upkeep failed: 42501']);
});
