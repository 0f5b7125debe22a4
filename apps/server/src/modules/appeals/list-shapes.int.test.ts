// The staff list's query shapes that the register indexes rely on (migration 0501): the
// topic filter as a list of codes, the keyset cursor as a row comparison, overdue from the
// open appeals, text search within the body.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let uralsk: string;
let cookie: string;

before(async () => {
  env = await createTestEnv();
  uralsk = await env.bodyId('wko-uralsk');
  cookie = await env.login('comms_officer', 'wko-uralsk');
});
after(() => env.close());

const register = async (over: Record<string, unknown>) => {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(uralsk, over) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string };
};
const list = (qs: string) => env.app.inject({ url: `/api/v1/appeals?${qs}`, headers: { cookie } }).then((r) => r.json() as { items: Array<{ id: string; topicCode: string; overdue: boolean }>; nextCursor: string | null });

test('a parent topic lists its sub-topics; a sub-topic only itself; an unknown topic nothing', async () => {
  const pothole = await register({ topicCode: 'roads_transport.potholes', text: 'Яма на дороге у школы' });
  const bus = await register({ topicCode: 'roads_transport.bus_routes', text: 'Автобус не ходит по расписанию' });
  const parent = await register({ topicCode: 'roads_transport', text: 'Дороги в микрорайоне' });
  const ids = (r: Awaited<ReturnType<typeof list>>) => r.items.map((a) => a.id).sort();
  assert.deepEqual(ids(await list('topic=roads_transport')), [pothole.id, bus.id, parent.id].sort());
  assert.deepEqual(ids(await list('topic=roads_transport.potholes')), [pothole.id]);
  assert.deepEqual(ids(await list('topic=no.such.topic')), []);
});

test('keyset pages walk appeals received at the same instant exactly once', async () => {
  const staff = await env.login('operator', 'wko-uralsk');
  const at = '2026-11-20T04:00:00.000Z';
  const made: string[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie: staff }, payload: citizenAppeal(uralsk, { channel: 'hand_delivered', receivedAt: at, text: `Письмо номер ${i}` }) });
    assert.equal(res.statusCode, 201, res.body);
    made.push(res.json().id);
  }
  const seen: string[] = [];
  let cursor = '';
  do {
    const page = await list(`limit=2&from=${at}&to=2026-11-20T04:00:00.001Z${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor ?? '';
  } while (cursor);
  assert.deepEqual([...seen].sort(), [...made].sort());
  assert.deepEqual(seen, [...made].sort().reverse(), 'ties in time are ordered by id, newest first');
});

test('overdue lists open appeals past their legal term only, and search stays within the body', async () => {
  const late = await register({ text: 'Кәріз құбыры жарылды, иіс шығып тұр' });
  const answeredLate = await register({ text: 'Кәріз құбыры тағы жарылды' });
  // Another body's appeal with the same words must not show.
  await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(await env.bodyId('wko'), { text: 'Кәріз құбыры жарылды облыста' }) });
  await env.ctx.db.updateTable('appeal').set({ status: 'answered' }).where('id', '=', answeredLate.id).execute();
  env.clock.advance(40 * 86_400_000);
  const overdue = await list('overdue=true&limit=200');
  assert.ok(overdue.items.some((a) => a.id === late.id));
  assert.ok(!overdue.items.some((a) => a.id === answeredLate.id));
  assert.ok(overdue.items.every((a) => a.overdue));
  const found = await list(`q=${encodeURIComponent('кәріз')}`);
  assert.deepEqual(found.items.map((a) => a.id).sort(), [late.id, answeredLate.id].sort());
});
