// Intake writes the number, the appeal, its event and the receipt in one statement (for
// speed: see insertRegisteredAppeal). These tests hold it to what the step-by-step path
// wrote: consecutive numbers under concurrency, the same event, the same receipt row,
// and subscribers still called.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { openedPayload, secretsOf } from '../../platform/secrets.ts';
import { sql } from 'kysely';
import { queueNotification } from '../notify/index.ts';

let env: TestEnv;
let astana: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

const post = (payload: unknown, headers: Record<string, string> = {}) => env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: payload as object, headers });

describe('intake in one statement', () => {
  test('numbers stay consecutive and unique when 40 appeals arrive at once', async () => {
    const uralsk = await env.bodyId('wko-uralsk');
    const results = await Promise.all(Array.from({ length: 40 }, () => post(citizenAppeal(uralsk))));
    for (const r of results) assert.equal(r.statusCode, 201, r.body);
    const seq = results.map((r) => Number(r.json().number.split('-').at(-1))).sort((a, b) => a - b);
    const first = seq[0];
    assert.deepEqual(seq, Array.from({ length: 40 }, (_, i) => first + i));
    const counter = await env.ctx.db.selectFrom('appealNumber').select('last').where('bodyId', '=', uralsk).executeTakeFirstOrThrow();
    assert.equal(counter.last, seq.at(-1));
  });

  test('appeals arriving together are written together: fewer transactions than appeals, numbers consecutive per body, each with its event and receipt', async () => {
    const bodies = await Promise.all(['nko-petropavlovsk', 'wko', 'min-health'].map((code) => env.bodyId(code)));
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => post(citizenAppeal(bodies[i % 3]!), i % 2 ? { 'idempotency-key': `together-${i}` } : {})));
    for (const r of results) assert.equal(r.statusCode, 201, r.body);
    const ids = results.map((r) => r.json().id as string);
    const rows = await sql<{ number: string; bodyId: string; tx: string; events: number; receipts: number; keys: number }>`
      select a.number, a.body_id, a.xmin::text as tx,
             (select count(*) from appeal_event e where e.appeal_id = a.id and e.type = 'appeal.registered')::int as events,
             (select count(*) from notification n where n.appeal_id = a.id)::int as receipts,
             (select count(*) from idempotency_key k where k.appeal_id = a.id)::int as keys
        from appeal a where a.id = any(${ids}::uuid[])`.execute(env.ctx.db);
    assert.equal(rows.rows.length, 60);
    assert.ok(new Set(rows.rows.map((r) => r.tx)).size < 60, 'some appeals shared a statement');
    for (const [i, id] of ids.entries()) {
      const row = rows.rows.find((r) => r.number === results[i]!.json().number)!;
      assert.deepEqual([row.events, row.receipts, row.keys], [1, 1, i % 2], id);
    }
    for (const body of bodies) {
      const seq = rows.rows.filter((r) => r.bodyId === body).map((r) => Number(r.number.split('-').at(-1))).sort((a, b) => a - b);
      assert.deepEqual(seq, Array.from({ length: 20 }, (_, i) => seq[0]! + i));
    }
  });

  test('the event carries the number (and repeatOfId for a repeat); a plain subscriber still runs in the transaction', async () => {
    const seen: Array<{ type: string; number: unknown; inTx: boolean }> = [];
    env.ctx.events.on('appeal.registered', async (tx, e) => {
      seen.push({ type: e.type, number: e.data?.number, inTx: tx !== env.ctx.db });
    });
    const first = (await post(citizenAppeal(astana, { topicCode: 'roads_transport.potholes', applicant: { type: 'individual', name: 'Ерлан Ахметов', iin: '880516300374', email: 'erlan@example.kz' } }))).json();
    const again = (await post(citizenAppeal(astana, { topicCode: 'roads_transport.potholes', applicant: { type: 'individual', name: 'Ерлан Ахметов', iin: '880516300374', email: 'erlan@example.kz' } }))).json();
    const event = await env.ctx.db.selectFrom('appealEvent').selectAll().where('appealId', '=', again.id).executeTakeFirstOrThrow();
    assert.equal(event.type, 'appeal.registered');
    assert.equal(event.public, true);
    assert.deepEqual(event.data, { number: again.number, channel: 'website', kind: 'complaint', receivedAt: again.receivedAt, repeatOfId: first.id });
    const firstEvent = await env.ctx.db.selectFrom('appealEvent').select('data').where('appealId', '=', first.id).executeTakeFirstOrThrow();
    assert.equal(firstEvent.data.repeatOfId, undefined);
    assert.deepEqual(seen.slice(-2), [
      { type: 'appeal.registered', number: first.number, inTx: true },
      { type: 'appeal.registered', number: again.number, inTx: true },
    ]);
  });

  test('the receipt row is the one queueNotification writes, routed the same way', async () => {
    const cases = [
      { preferredAnswer: 'email', channel: 'email' },
      { preferredAnswer: 'sms', channel: 'sms' },
      { preferredAnswer: 'portal', channel: 'portal' },
      // A receipt is not worth a paper letter: e-mail when there is one.
      { preferredAnswer: 'paper', channel: 'email' },
    ];
    for (const c of cases) {
      const reg = (await post(citizenAppeal(astana, { preferredAnswer: c.preferredAnswer, language: 'kk' }))).json();
      const inline = await env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', reg.id).execute();
      assert.equal(inline.length, 1);
      const got = inline[0];
      assert.equal(got.channel, c.channel);
      assert.equal(got.template, 'appeal.registered');
      assert.equal(got.language, 'kk');
      assert.deepEqual(Object.keys(got.payload).sort(), ['accessCodeSealed', 'number']);
      assert.deepEqual(openedPayload(env.ctx, got.payload), { number: reg.number, accessCode: reg.accessCode });
      // The same message queued the ordinary way, for comparison.
      const id = await env.ctx.db.transaction().execute((tx) =>
        queueNotification(tx, { appealId: reg.id, recipientKind: 'applicant', template: 'appeal.registered', channel: got.channel, language: 'kk', address: got.address, payload: got.payload, at: got.createdAt }),
      );
      const queued = await env.ctx.db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const { id: _a, ...inlineRest } = got;
      const { id: _b, ...queuedRest } = queued;
      assert.deepEqual(inlineRest, queuedRest);
    }
  });

  test('a channel module that sends its own receipt gets none from intake', async () => {
    const { registerAppeal } = await import('./index.ts');
    const reg = await registerAppeal(env.ctx, citizenAppeal(astana) as Parameters<typeof registerAppeal>[1], { ownReceipt: true });
    const rows = await env.ctx.db.selectFrom('notification').select('id').where('appealId', '=', reg.id).execute();
    assert.equal(rows.length, 0);
  });

  test('a failed intake leaves no number used, no appeal, no event, no receipt', async () => {
    const before = await env.ctx.db.selectFrom('appealNumber').select('last').where('bodyId', '=', astana).executeTakeFirstOrThrow();
    const [appeals, events, notes] = await Promise.all(['appeal', 'appealEvent', 'notification'].map((t) => env.ctx.db.selectFrom(t as 'appeal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()));
    // An attachment id that does not exist fails the intake after the statement ran.
    const res = await post(citizenAppeal(astana, { attachments: ['00000000-0000-4000-8000-000000000000'] }));
    assert.equal(res.statusCode, 400, res.body);
    const after = await env.ctx.db.selectFrom('appealNumber').select('last').where('bodyId', '=', astana).executeTakeFirstOrThrow();
    assert.equal(after.last, before.last);
    const counts = await Promise.all(['appeal', 'appealEvent', 'notification'].map((t) => env.ctx.db.selectFrom(t as 'appeal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()));
    assert.deepEqual(counts, [appeals, events, notes]);
    const next = (await post(citizenAppeal(astana))).json();
    assert.equal(Number(next.number.split('-').at(-1)), Number(before.last) + 1);
  });

  test('the Idempotency-Key is kept by the same statement: concurrent repeats get one appeal and use one number', async () => {
    const shymkent = await env.bodyId('akimat-shymkent');
    const first = await post(citizenAppeal(shymkent));
    const before = Number(first.json().number.split('-').at(-1));
    const key = 'same-key-0123456789';
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(citizenAppeal(shymkent), { 'idempotency-key': key })));
    for (const r of answers) assert.equal(r.statusCode, 201, r.body);
    assert.equal(new Set(answers.map((r) => r.json().id)).size, 1);
    assert.deepEqual(answers[0].json(), answers[5].json());
    const stored = await env.ctx.db.selectFrom('idempotencyKey').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    assert.equal(stored.appealId, answers[0].json().id);
    // Kept with the code sealed (platform/secrets.ts); opened, it is the answer.
    const { accessCodeSealed, ...kept } = stored.response as Record<string, unknown>;
    assert.deepEqual({ ...kept, accessCode: secretsOf(env.ctx).open(accessCodeSealed as string) }, answers[0].json());
    const counter = await env.ctx.db.selectFrom('appealNumber').select('last').where('bodyId', '=', shymkent).executeTakeFirstOrThrow();
    assert.equal(counter.last, before + 1, 'the losers\' numbers were undone');
  });
});
