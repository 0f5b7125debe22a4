import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { moveAppeal } from './appeals.service.ts';

let env: TestEnv;
before(async () => (env = await createTestEnv()));
after(() => env.close());

test('a valid move updates the status and records an event; an invalid one changes nothing', async () => {
  const bodyId = await env.bodyId('akimat-astana');
  const { id } = (await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(bodyId) })).json();
  const db = env.ctx.db;
  await db.transaction().execute((tx) => moveAppeal(env.ctx, tx, { id, status: 'registered' }, 'in_work', { type: 'appeal.taken_into_work' }));
  const eventsBefore = await db.selectFrom('appealEvent').select('type').where('appealId', '=', id).orderBy('id').execute();
  assert.deepEqual(eventsBefore.map((e) => e.type), ['appeal.registered', 'appeal.taken_into_work']);

  await assert.rejects(
    db.transaction().execute((tx) => moveAppeal(env.ctx, tx, { id, status: 'in_work' }, 'closed', { type: 'appeal.closed' })),
    { code: 'INVALID_TRANSITION' },
  );
  // A stale view of the status (someone else moved it) is refused too.
  await assert.rejects(
    db.transaction().execute((tx) => moveAppeal(env.ctx, tx, { id, status: 'registered' }, 'in_work', { type: 'appeal.taken_into_work' })),
    { code: 'INVALID_TRANSITION' },
  );
  const row = await db.selectFrom('appeal').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'in_work');
  const eventsAfter = await db.selectFrom('appealEvent').select('type').where('appealId', '=', id).execute();
  assert.equal(eventsAfter.length, 2);
});

test('events are never updated or deleted: the attempt fails loudly', async () => {
  const db = env.ctx.db;
  const first = await db.selectFrom('appealEvent').selectAll().orderBy('id').executeTakeFirstOrThrow();
  await assert.rejects(db.updateTable('appealEvent').set({ type: 'tampered' }).where('id', '=', first.id).execute(), /append-only: UPDATE refused/);
  await assert.rejects(db.deleteFrom('appealEvent').where('id', '=', first.id).execute(), /append-only: DELETE refused/);
  const again = await db.selectFrom('appealEvent').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
  assert.equal(again.type, first.type);
});
