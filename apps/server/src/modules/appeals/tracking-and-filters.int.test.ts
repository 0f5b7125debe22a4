// Acceptance findings on the register's public contract: GET /track shows the answer once
// it is sent; a staff list filter with an unknown value is refused, not an empty list.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let astana: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

async function act(role: string, id: string, action: string, payload?: object) {
  const cookie = await env.login(role, 'akimat-astana');
  const res = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/${action}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  assert.equal(res.statusCode < 300, true, `${action}: ${res.body}`);
  return res.json();
}

describe('tracking', () => {
  test('GET /track/{number} has answer: null until the answer is signed, then its text, resolution and time', async () => {
    const reg = (await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) })).json();
    const track = async () => (await env.app.inject(`/api/v1/track/${reg.number}?code=${reg.accessCode}`)).json();
    assert.equal((await track()).answer, null);
    const executor = await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
    await act('comms_officer', reg.id, 'triage', { competence: 'own', unitId: executor.unitId });
    await act('comms_officer', reg.id, 'assign', { executorId: executor.id });
    const text = 'Уважаемая Айгерим! Вывоз мусора по улице Абая, 10 восстановлен с 26 ноября, график — ежедневно.';
    await act('executor', reg.id, 'answer', { text, resolution: 'resolved' });
    assert.equal((await track()).answer, null, 'a draft is not shown to the applicant');
    await act('head', reg.id, 'sign');
    const view = await track();
    assert.equal(view.status, 'answered');
    assert.equal(view.answer.text, text);
    assert.equal(view.answer.resolution, 'resolved');
    assert.equal(view.answer.sentAt, view.answeredAt);
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    assert.match(doc.paths['/api/v1/track/{number}'].get.summary, /answer/);
  });
});

describe('staff list filters', () => {
  test('an unknown status, channel or kind is a 400 naming the allowed values; known lists still work', async () => {
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const get = (qs: string) => env.app.inject({ url: `/api/v1/appeals?${qs}`, headers: { cookie } });
    for (const qs of ['status=bogus', 'status=registered,bogus', 'channel=carrier_pigeon', 'kind=rant']) {
      const res = await get(qs);
      assert.equal(res.statusCode, 400, qs);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    const status = doc.paths['/api/v1/appeals'].get.parameters.find((p: { name: string }) => p.name === 'status');
    assert.match(status.description ?? status.schema.description, /registered, in_work/);
    for (const qs of ['status=registered', 'status=registered, in_work', 'channel=website,call_centre', 'kind=complaint']) {
      const res = await get(qs);
      assert.equal(res.statusCode, 200, `${qs}: ${res.body}`);
    }
  });
});
