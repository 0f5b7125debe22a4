import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

const file = async (body: string, over: Record<string, unknown> = {}) => {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(await env.bodyId(body), over) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string };
};
const merge = async (role: string, body: string, id: string, parentId: string) =>
  env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/merge`, headers: { cookie: await env.login(role, body) }, payload: { parentId } });

test('merge by number, refusals, and routing by place to the most local competent body', async () => {
  const parent = await file('akimat-astana');
  const child = await file('akimat-astana');
  const other = await file('akimat-almaty');
  assert.equal((await merge('operator', 'akimat-astana', child.id, parent.number)).statusCode, 403);
  assert.equal((await merge('comms_officer', 'akimat-astana', child.id, other.number)).statusCode, 404, 'another body’s appeal does not exist');
  assert.equal((await merge('comms_officer', 'akimat-astana', child.id, child.id)).statusCode, 409);
  const ok = await merge('comms_officer', 'akimat-astana', child.id, parent.number);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().parentNumber, parent.number);
  assert.equal((await merge('comms_officer', 'akimat-astana', child.id, parent.number)).statusCode, 409, 'already merged');
  const types = async (id: string) => (await env.ctx.db.selectFrom('appealEvent').select('type').where('appealId', '=', id).execute()).map((e) => e.type);
  assert.ok((await types(child.id)).includes('appeal.merged'));
  assert.ok((await types(parent.id)).includes('appeal.duplicate_added'));
  const o = await env.app.inject({ method: 'GET', url: `/open311/v2/requests/${child.number}.json?extensions=true` });
  assert.equal(o.json()[0].extended_status, 'DUPLICATE');
  assert.equal(o.json()[0].parent_service_request_id, parent.number);

  // Routing by place: a point in Bishkul rural okrug (inside the Kyzylzhar district and the oblast).
  const { bodyId: _b, ...noBody } = citizenAppeal('x', { location: { lat: 54.75, lon: 69.1 }, topicCode: 'improvement' });
  const routed = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: noBody });
  assert.equal(routed.statusCode, 201, routed.body);
  const row = await env.ctx.db.selectFrom('appeal').innerJoin('body', 'body.id', 'appeal.bodyId').select('body.code').where('appeal.id', '=', routed.json().id).executeTakeFirstOrThrow();
  assert.equal(row.code, 'nko-kyzylzhar-bishkul');
  const nowhere = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: { ...noBody, location: { lat: 10, lon: 10 } } });
  assert.equal(nowhere.statusCode, 422);
  assert.equal(nowhere.json().error.code, 'NO_BODY_FOR_PLACE');
});
