import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { approvedSchedule, clearSchedules, draftSchedule, officialId, slot } from './reception.fixtures.ts';
import { seedDemoReceptions } from './demo-seed.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv(); // clock: Wednesday 25 November 2026, 10:00 in Almaty
  await clearSchedules(env);
});
after(() => env.close());

const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, role?: string, body = 'akimat-astana', payload?: unknown) =>
  env.app.inject({ method, url: `/api/v1${url}`, headers: role ? { cookie: await env.login(role, body) } : {}, ...(payload ? { payload: payload as object } : {}) });

describe('schedules: drafted by the communications office, approved by the head, then published', () => {
  test('a draft warns of a month of the quarter without a reception and is not published', async () => {
    const draft = await draftSchedule(env, 'akimat-astana', 'head', '2026-Q4', [slot('2026-10-08', '10:00'), slot('2026-12-03', '10:00'), slot('2026-12-03', '11:00')]);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.official.role, 'head');
    assert.equal(draft.slots.length, 3);
    assert.deepEqual(draft.warnings, [{ code: 'RECEPTION_LESS_THAN_MONTHLY', month: '2026-11' }]);
    const published = (await call('GET', '/bodies/akimat-astana/reception-slots?from=2026-10-01T00:00:00Z')).json();
    assert.equal(published.items.length, 0, 'a draft is not published');

    // Adding a November slot clears the warning.
    const added = await call('POST', `/receptions/schedules/${draft.id}/slots`, 'comms_officer', 'akimat-astana', { slots: [slot('2026-11-26', '10:00')] });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(added.json().warnings, []);
    const removed = await call('DELETE', `/receptions/schedules/${draft.id}/slots/${draft.slots[0].id}`, 'comms_officer');
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(removed.json().warnings, [{ code: 'RECEPTION_LESS_THAN_MONTHLY', month: '2026-10' }]);

    // Only the head approves.
    for (const role of ['comms_officer', 'deputy', 'operator']) {
      const res = await call('POST', `/receptions/schedules/${draft.id}/approve`, role);
      assert.equal(res.statusCode, 403, role);
    }
    const approved = await call('POST', `/receptions/schedules/${draft.id}/approve`, 'head');
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.ok(approved.json().approvedAt);
    assert.equal(approved.json().warnings.length, 1, 'the warning stays on the approved schedule');

    const res = await call('GET', '/bodies/akimat-astana/reception-slots');
    assert.equal(res.statusCode, 200);
    const items = res.json().items;
    assert.deepEqual(items.map((s: { startsAt: string }) => s.startsAt), [slot('2026-11-26', '10:00').startsAt, slot('2026-12-03', '10:00').startsAt, slot('2026-12-03', '11:00').startsAt]);
    const first = items[0];
    assert.equal(first.officialRole, 'head');
    assert.ok(first.officialName.length > 0);
    assert.equal(first.capacity, 3);
    assert.equal(first.booked, 0);
    assert.equal(first.available, 3);
    assert.match(first.place, /Бейбитшилик/);
    // By code or id, and bounded by from/to.
    const byId = (await call('GET', `/bodies/${await env.bodyId('akimat-astana')}/reception-slots?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z`)).json();
    assert.equal(byId.items.length, 2);

    // An approved schedule is what citizens book against: the office no longer edits it and
    // nothing is removed; the head may add an extra reception, published at once.
    const late = await call('POST', `/receptions/schedules/${draft.id}/slots`, 'comms_officer', 'akimat-astana', { slots: [slot('2026-12-10', '10:00')] });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'INVALID_TRANSITION');
    const gone = await call('DELETE', `/receptions/schedules/${draft.id}/slots/${approved.json().slots[0].id}`, 'comms_officer');
    assert.equal(gone.statusCode, 409);
    const extra = await call('POST', `/receptions/schedules/${draft.id}/slots`, 'head', 'akimat-astana', { slots: [slot('2026-12-10', '10:00')] });
    assert.equal(extra.statusCode, 200, extra.body);
    assert.equal(extra.json().status, 'approved');
    assert.ok((await call('GET', '/bodies/akimat-astana/reception-slots')).json().items.some((s: { startsAt: string }) => s.startsAt === slot('2026-12-10', '10:00').startsAt));
    const again = await call('POST', `/receptions/schedules/${draft.id}/approve`, 'head');
    assert.equal(again.statusCode, 409);
  });

  test('bad schedules are refused with a clear code and nothing is written', async () => {
    const before = Number((await env.ctx.db.selectFrom('receptionSchedule').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const deputy = await officialId(env, 'deputy', 'akimat-astana');
    const executor = await env.ctx.db.selectFrom('staffUser').select('id').where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
    const otherHead = await officialId(env, 'head', 'akimat-almaty');
    const cases: Array<[string, unknown, string, number, string]> = [
      ['an executor holds no receptions', { officialId: executor.id, quarter: '2026-Q4', slots: [slot('2026-12-01', '15:00')] }, 'comms_officer', 422, 'OFFICIAL_NOT_FOUND'],
      ['another body’s head', { officialId: otherHead, quarter: '2026-Q4', slots: [slot('2026-12-01', '15:00')] }, 'comms_officer', 422, 'OFFICIAL_NOT_FOUND'],
      ['a slot outside the quarter', { officialId: deputy, quarter: '2026-Q4', slots: [slot('2027-01-12', '15:00')] }, 'comms_officer', 422, 'SLOT_OUTSIDE_QUARTER'],
      ['overlapping slots', { officialId: deputy, quarter: '2026-Q4', slots: [slot('2026-12-01', '15:00'), slot('2026-12-01', '15:30')] }, 'comms_officer', 422, 'SLOT_OVERLAP'],
      ['a slot with neither place nor link', { officialId: deputy, quarter: '2026-Q4', slots: [slot('2026-12-01', '15:00', 3, { place: undefined })] }, 'comms_officer', 400, 'VALIDATION_FAILED'],
      ['a bad quarter', { officialId: deputy, quarter: '2026-4', slots: [] }, 'comms_officer', 400, 'VALIDATION_FAILED'],
      ['zero capacity', { officialId: deputy, quarter: '2026-Q4', slots: [slot('2026-12-01', '15:00', 0)] }, 'comms_officer', 400, 'VALIDATION_FAILED'],
      ['an operator may not draft', { officialId: deputy, quarter: '2026-Q4', slots: [slot('2026-12-01', '15:00')] }, 'operator', 403, 'FORBIDDEN'],
    ];
    for (const [name, payload, role, status, code] of cases) {
      const res = await call('POST', '/receptions/schedules', role, 'akimat-astana', payload);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.equal(res.json().error.code, code, name);
    }
    const anon = await env.app.inject({ method: 'POST', url: '/api/v1/receptions/schedules', payload: { officialId: deputy, quarter: '2026-Q4', slots: [] } });
    assert.equal(anon.statusCode, 401);
    const after = Number((await env.ctx.db.selectFrom('receptionSchedule').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(after, before);
  });

  test('one schedule per official and quarter; an empty one cannot be approved', async () => {
    const empty = await draftSchedule(env, 'akimat-astana', 'deputy', '2027-Q1', []);
    assert.deepEqual(empty.warnings.map((w: { month: string }) => w.month), ['2027-01', '2027-02', '2027-03']);
    const dup = await call('POST', '/receptions/schedules', 'comms_officer', 'akimat-astana', { officialId: await officialId(env, 'deputy', 'akimat-astana'), quarter: '2027-Q1', slots: [] });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'SCHEDULE_EXISTS');
    const res = await call('POST', `/receptions/schedules/${empty.id}/approve`, 'head');
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'SCHEDULE_EMPTY');
  });

  test('another body’s schedule does not exist for its staff; lists are per body and quarter', async () => {
    const s = await approvedSchedule(env, 'akimat-almaty', 'head', '2026-Q4', [slot('2026-12-02', '10:00')]);
    const res = await call('GET', `/receptions/schedules/${s.id}`, 'head', 'akimat-astana');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'SCHEDULE_NOT_FOUND');
    const list = (await call('GET', '/receptions/schedules?quarter=2026-Q4', 'comms_officer', 'akimat-astana')).json();
    assert.ok(list.items.length >= 1);
    assert.ok(list.items.every((x: { quarter: string; bodyId: string }) => x.quarter === '2026-Q4'));
    assert.ok(!list.items.some((x: { id: string }) => x.id === s.id));
    const officials = (await call('GET', '/bodies/akimat-astana/reception-officials')).json();
    assert.deepEqual(officials.items.map((o: { role: string }) => o.role).sort(), ['deputy', 'head']);
  });
});

describe('demo data', () => {
  test('approved schedules for the head and deputy of every body, this quarter and next, so one can book at once', async () => {
    await env.ctx.db.deleteFrom('receptionSlot').execute();
    await env.ctx.db.deleteFrom('receptionSchedule').execute();
    env.clock.set('2026-11-25T05:00:00Z');
    const r = await seedDemoReceptions(env.ctx);
    assert.equal(r.schedules, 21 * 2 * 2);
    const rows = await env.ctx.db.selectFrom('receptionSchedule').select(['quarter', 'status', 'officialId']).execute();
    assert.deepEqual([...new Set(rows.map((x) => x.quarter))].sort(), ['2026-Q4', '2027-Q1']);
    // Every body offers bookable slots in the coming weeks, head and deputy both, without warnings.
    for (const code of ['min-info', 'akimat-astana', 'wko-terekti-fedorovka']) {
      const items = (await call('GET', `/bodies/${code}/reception-slots`)).json().items;
      assert.ok(items.length > 10, code);
      assert.deepEqual([...new Set(items.map((s: { officialRole: string }) => s.officialRole))].sort(), ['deputy', 'head'], code);
    }
    const list = (await call('GET', '/receptions/schedules?quarter=2027-Q1', 'comms_officer', 'min-health')).json();
    assert.equal(list.items.length, 2);
    for (const s of list.items) {
      assert.equal(s.status, 'approved');
      assert.deepEqual(s.warnings, []);
    }
    // Public holidays are skipped: no slot on 16 December (Independence Day).
    const dec16 = await env.ctx.db.selectFrom('receptionSlot').select('id').where('startsAt', '>=', new Date('2026-12-15T19:00:00Z')).where('startsAt', '<', new Date('2026-12-16T19:00:00Z')).execute();
    assert.equal(dec16.length, 0);
    // Seeding again adds nothing.
    assert.deepEqual(await seedDemoReceptions(env.ctx), { schedules: 0, slots: 0 });
  });
});

test('OpenAPI lists the reception endpoints with tags and summaries', async () => {
  const doc = (await env.app.inject('/api/v1/openapi.json')).json();
  const paths = [
    '/api/v1/bodies/{idOrCode}/reception-slots',
    '/api/v1/receptions/schedules',
    '/api/v1/receptions/schedules/{id}/approve',
    '/api/v1/receptions/bookings',
    '/api/v1/receptions/bookings/{number}/cancel',
    '/api/v1/receptions/bookings/{number}/reschedule',
    '/api/v1/receptions/bookings/{number}/review',
    '/api/v1/receptions/bookings/{number}/outcome',
    '/api/v1/receptions/call-list',
    '/api/v1/receptions/stats',
    '/api/v1/receptions/contacts',
    '/api/v1/receptions/contacts/appeal',
    '/api/v1/receptions/receipt/{number}',
    '/api/v1/bodies/{idOrCode}/contact-line',
    '/api/v1/receptions/desk/daily',
    '/api/v1/receptions/desk/stats',
  ];
  for (const p of paths) {
    assert.ok(doc.paths[p], p);
    for (const op of Object.values(doc.paths[p]) as Array<{ tags?: string[]; summary?: string }>) {
      assert.ok(op.tags?.length && op.summary, p);
    }
  }
});
