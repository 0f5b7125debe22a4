// The administrator's outbox shows every message rendered, with full addresses, except a
// trust-phone caller's: status and delivery are there, the address and the text (which name
// the caller) are not. The caller still reads the messages on the tracking page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let trust: { id: string; number: string; accessCode: string };
let ordinary: { id: string; number: string };

before(async () => {
  env = await createTestEnv();
  const astana = await env.bodyId('akimat-astana');
  const ethics = await env.login('ethics_commissioner', 'akimat-astana');
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/appeals',
    headers: { cookie: ethics },
    payload: { bodyId: astana, kind: 'message', channel: 'trust_phone', text: 'Вымогательство взятки в отделе земельных отношений.', applicant: { type: 'individual', name: 'Ержан Ахметов', phone: '+77017654321' }, preferredAnswer: 'sms' },
  });
  assert.equal(res.statusCode, 201, res.body);
  trust = res.json();
  ordinary = (await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) })).json();
});
after(() => env.close());

test('the caller’s messages in the outbox: status kept, address and text hidden; other appeals as before', async () => {
  const cookie = await env.login('admin', 'akimat-astana');
  const outbox = async (appealId: string) => (await env.app.inject({ url: `/api/v1/outbox?appealId=${appealId}`, headers: { cookie } })).json().items;
  const hidden = await outbox(trust.id);
  assert.ok(hidden.length >= 1, 'the registration notice is in the outbox');
  for (const m of hidden) {
    const all = JSON.stringify(m);
    assert.doesNotMatch(all, /Ержан|Ахметов|7654321/);
    assert.equal(m.address, '***');
    assert.equal(m.sms, null);
    assert.equal(m.channel, 'sms');
    const row = await env.ctx.db.selectFrom('notification').select(['status', 'address']).where('id', '=', m.id).executeTakeFirstOrThrow();
    assert.equal(m.status, row.status, 'the delivery status is shown');
    assert.equal(row.address, '+77017654321', 'the message still goes to the caller');
    assert.match(m.text, /ethics commissioner/);
  }
  const [shown] = await outbox(ordinary.id);
  assert.equal(shown.address, 'aigerim@example.kz');
  assert.match(shown.text, /Айгерим/);
});

test('the caller reads their own messages in full on the tracking page', async () => {
  const { items } = (await env.app.inject(`/api/v1/track/${trust.number}/messages?code=${trust.accessCode}`)).json();
  assert.ok(items.some((m: { text: string }) => /Ержан Ахметов/.test(m.text)));
});
