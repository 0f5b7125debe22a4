// The migration that made confidentiality a stored flag: registers kept before it hold
// trust-phone reports with ordinary copies and repeat links to the caller's other appeals.
// The backfill marks the reports and what was made from them, and cuts the links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../test/harness.ts';
import { backfillConfidential } from './migrations/2026_12_04_1000_confidential.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

test('trust-phone appeals and their redirect copies become confidential; cross repeat links are cut', async () => {
  const astana = await env.bodyId('akimat-astana');
  const almaty = await env.bodyId('akimat-almaty');
  const cookie = await env.login('ethics_commissioner', 'akimat-astana');
  const register = async (payload: object, headers: Record<string, string> = {}) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers, payload });
    assert.equal(res.statusCode, 201, res.body);
    env.clock.advance(60_000);
    return res.json().id as string;
  };
  const ordinary = await register(citizenAppeal(astana));
  const report = await register(citizenAppeal(astana, { channel: 'trust_phone', kind: 'message' }), { cookie });
  const redirect = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${report}/triage`, headers: { cookie }, payload: { competence: 'other', targetBodyId: almaty } });
  assert.equal(redirect.statusCode, 200, redirect.body);
  const copy = redirect.json().newAppeal.id as string;
  const later = await register(citizenAppeal(astana));

  // The register as it stood before the flag: nothing confidential, the report linked both ways.
  const db = env.ctx.db;
  await db.updateTable('appeal').set({ confidential: false }).execute();
  await db.updateTable('appeal').set({ repeatOfId: ordinary }).where('id', '=', report).execute();
  await db.updateTable('appeal').set({ repeatOfId: report }).where('id', '=', later).execute();

  await backfillConfidential(db as unknown as Kysely<unknown>);
  const rows = new Map((await db.selectFrom('appeal').select(['id', 'confidential', 'repeatOfId']).where('id', 'in', [ordinary, report, copy, later]).execute()).map((r) => [r.id, r]));
  assert.equal(rows.get(report)!.confidential, true);
  assert.equal(rows.get(copy)!.confidential, true, 'the redirect copy inherits');
  assert.equal(rows.get(ordinary)!.confidential, false);
  assert.equal(rows.get(later)!.confidential, false);
  assert.equal(rows.get(report)!.repeatOfId, null, 'confidential → ordinary cut');
  assert.equal(rows.get(later)!.repeatOfId, null, 'ordinary → confidential cut');

  await backfillConfidential(db as unknown as Kysely<unknown>);
  assert.equal((await db.selectFrom('appeal').select('id').where('confidential', '=', true).where('id', 'in', [report, copy]).execute()).length, 2, 'running it again changes nothing');
});
