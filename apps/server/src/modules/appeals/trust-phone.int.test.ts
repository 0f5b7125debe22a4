// A trust-phone caller who gives their identity is known to the ethics commissioner alone:
// the head, the communications office and cross-body readers see no part of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let id: string;

before(async () => {
  env = await createTestEnv();
  const astana = await env.bodyId('akimat-astana');
  const ethics = await env.login('ethics_commissioner', 'akimat-astana');
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/appeals',
    headers: { cookie: ethics },
    payload: { bodyId: astana, kind: 'message', channel: 'trust_phone', text: 'Вымогательство взятки в отделе земельных отношений.', applicant: { type: 'individual', name: 'Ержан Ахметов', iin: '880516300374', phone: '+77017654321', email: 'erzhan@example.kz' }, preferredAnswer: 'sms' },
  });
  assert.equal(res.statusCode, 201, res.body);
  id = res.json().id;
});
after(() => env.close());

const IDENTITY = ['applicantName', 'applicantIin', 'applicantBin', 'applicantEmail', 'applicantPhone'] as const;

for (const [role, body] of [['head', 'akimat-astana'], ['comms_officer', 'akimat-astana'], ['deputy', 'akimat-astana'], ['analyst', 'min-info'], ['oversight', 'min-info']] as const) {
  test(`${role} sees neither initials nor digits of the caller, in the card and in the list`, async () => {
    const cookie = await env.login(role, body);
    const card = (await env.app.inject({ url: `/api/v1/appeals/${id}`, headers: { cookie } })).json();
    assert.equal(card.personalDataMasked, true);
    for (const field of IDENTITY) assert.equal(card[field], null, `${field}: ${card[field]}`);
    const list = (await env.app.inject({ url: '/api/v1/appeals?channel=trust_phone', headers: { cookie } })).json();
    const item = list.items.find((a: { id: string }) => a.id === id);
    assert.ok(item);
    for (const field of IDENTITY) assert.equal(item[field], null, `${field}: ${item[field]}`);
  });
}

test('the ethics commissioner sees the identity', async () => {
  const cookie = await env.login('ethics_commissioner', 'akimat-astana');
  const card = (await env.app.inject({ url: `/api/v1/appeals/${id}`, headers: { cookie } })).json();
  assert.equal(card.personalDataMasked, false);
  assert.equal(card.applicantName, 'Ержан Ахметов');
  assert.equal(card.applicantPhone, '+77017654321');
});
