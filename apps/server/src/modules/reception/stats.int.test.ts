import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { approvedSchedule, book, clearSchedules, officialId, slot } from './reception.fixtures.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv({ now: '2026-12-20T05:00:00Z' });
  await clearSchedules(env);
});
after(() => env.close());

const post = async (url: string, role: string, payload: unknown) =>
  env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${url}`, headers: { cookie: await env.login(role, 'akimat-astana') }, payload: payload as object });
const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
  const res = await p;
  assert.ok(res.statusCode < 300, res.body);
  return res.json() as { number: string; accessCode: string };
};

test('statistics per body, official and quarter: supply and demand, held, received, no-shows, topics, share resolved', async () => {
  const head = await approvedSchedule(env, 'akimat-astana', 'head', '2027-Q1', [slot('2027-01-14', '10:00', 2), slot('2027-02-11', '10:00', 2), slot('2027-03-11', '10:00', 2)]);
  const deputy = await approvedSchedule(env, 'akimat-astana', 'deputy', '2027-Q1', [slot('2027-01-12', '15:00', 3)]);
  const [jan, feb, mar] = head.slots.map((s) => s.id);
  const a = await ok(book(env, jan));
  const b = await ok(book(env, jan));
  const c = await ok(book(env, feb));
  const d = await ok(book(env, feb));
  const e = await ok(book(env, mar));
  const f = await ok(book(env, mar));
  const g = await ok(book(env, deputy.slots[0].id));

  await ok(post(`${d.number}/review`, 'comms_officer', { decision: 'solve_without_meeting', reason: 'Вопрос решается управлением ЖКХ без встречи.' }));
  await ok(post(`${g.number}/review`, 'comms_officer', { decision: 'redirect', targetBodyId: await env.bodyId('min-health') }));
  await ok(env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${e.number}/cancel`, payload: { code: e.accessCode } }));
  await ok(env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${f.number}/reschedule`, payload: { code: f.accessCode, slotId: feb } }));

  env.clock.set('2027-01-14T05:30:00Z');
  await ok(post(`${a.number}/outcome`, 'head', { attended: true, topics: ['housing.heating'], decision: 'Поручено восстановить отопление.', resolution: 'resolved', followUps: [{ text: 'Восстановить отопление в доме.' }] }));
  await ok(post(`${b.number}/outcome`, 'head', { attended: true, topics: ['housing.heating', 'land.allocation'], decision: 'Разъяснён порядок получения участка.', resolution: 'explained' }));
  env.clock.set('2027-02-11T05:30:00Z');
  await ok(post(`${c.number}/outcome`, 'head', { attended: false }));

  const res = await env.app.inject({ url: '/api/v1/receptions/stats?quarter=2027-Q1', headers: { cookie: await env.login('head', 'akimat-astana') } });
  assert.equal(res.statusCode, 200, res.body);
  const stats = res.json();
  assert.equal(stats.quarter, '2027-Q1');
  const headId = await officialId(env, 'head', 'akimat-astana');
  const h = stats.officials.find((o: { official: { id: string } }) => o.official.id === headId);
  assert.deepEqual(
    {
      slots: h.slots,
      capacity: h.capacity,
      bookings: h.bookings,
      bookingsPerSlot: h.bookingsPerSlot,
      demandPerSeat: h.demandPerSeat,
      fullSlots: h.fullSlots,
      receptionsHeld: h.receptionsHeld,
      citizensReceived: h.citizensReceived,
      noShows: h.noShows,
      solvedWithoutMeeting: h.solvedWithoutMeeting,
      redirected: h.redirected,
      cancelled: h.cancelled,
      pending: h.pending,
      followUps: h.followUps,
    },
    { slots: 3, capacity: 6, bookings: 6, bookingsPerSlot: 2, demandPerSeat: 1, fullSlots: 2, receptionsHeld: 1, citizensReceived: 2, noShows: 1, solvedWithoutMeeting: 1, redirected: 0, cancelled: 1, pending: 1, followUps: 1 },
  );
  assert.deepEqual(h.questionsByTopic, { 'housing.heating': 2, 'land.allocation': 1, housing: 4 });
  assert.deepEqual(h.resolutions, { resolved: 1, explained: 1, left_without_consideration: 2 });
  assert.equal(h.resolvedShare, 0.25);
  assert.equal(h.bySource.portal, 6);
  const dep = stats.officials.find((o: { official: { role: string } }) => o.official.role === 'deputy');
  assert.equal(dep.redirected, 1);
  assert.equal(dep.bookings, 1);
  assert.equal(stats.total.slots, 4);
  assert.equal(stats.total.capacity, 9);
  assert.equal(stats.total.bookings, 7);

  // One official only; another quarter is empty.
  const one = (await env.app.inject({ url: `/api/v1/receptions/stats?quarter=2027-Q1&officialId=${headId}`, headers: { cookie: await env.login('comms_officer', 'akimat-astana') } })).json();
  assert.equal(one.officials.length, 1);
  assert.equal(one.total.bookings, 6);
  const empty = (await env.app.inject({ url: '/api/v1/receptions/stats?quarter=2026-Q4', headers: { cookie: await env.login('head', 'akimat-astana') } })).json();
  assert.equal(empty.total.slots, 0);
  assert.equal(empty.total.resolvedShare, null);

  // Analysts compare bodies; a body's own staff read only their own.
  const astana = await env.bodyId('akimat-astana');
  const analyst = await env.app.inject({ url: `/api/v1/receptions/stats?quarter=2027-Q1&bodyId=${astana}`, headers: { cookie: await env.login('analyst', 'min-info') } });
  assert.equal(analyst.statusCode, 200);
  assert.equal(analyst.json().total.bookings, 7);
  const all = (await env.app.inject({ url: '/api/v1/receptions/stats?quarter=2027-Q1', headers: { cookie: await env.login('oversight', 'min-info') } })).json();
  assert.equal(all.bodyId, null);
  assert.equal(all.total.bookings, 7);
  const other = await env.app.inject({ url: `/api/v1/receptions/stats?quarter=2027-Q1&bodyId=${astana}`, headers: { cookie: await env.login('head', 'akimat-almaty') } });
  assert.equal(other.statusCode, 403);
  const executor = await env.app.inject({ url: '/api/v1/receptions/stats', headers: { cookie: await env.login('executor', 'akimat-astana') } });
  assert.equal(executor.statusCode, 403);
});
