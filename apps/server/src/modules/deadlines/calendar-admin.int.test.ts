// The national calendar's administration: only the central body's calendar administrator
// edits it through the API, every change is an append-only record, and the recount of open
// terms it starts resumes after a stop half-way.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { createDeliveryWorker } from '../notify/index.ts';
import { setCalendarDay } from './calendar-changes.ts';
import { resumeRecountJobs } from './recount-job.ts';

let env: TestEnv;
let calendarAdmin: string;

before(async () => {
  env = await createTestEnv();
  calendarAdmin = await env.login('calendar_admin', 'min-info');
});
after(() => env.close());

const dayOff = (cookie: string, date: string) => env.app.inject({ method: 'POST', url: '/api/v1/calendar/days-off', headers: { cookie }, payload: { date, reason: 'Transfer by decree' } });

describe('calendar administration', () => {
  test('administrators of bodies, even of the central body, and other roles may not edit the calendar', async () => {
    for (const [role, body] of [['admin', 'min-info'], ['admin', 'min-labour'], ['admin', 'akimat-astana'], ['oversight', 'min-info'], ['analyst', 'min-info']]) {
      const res = await dayOff(await env.login(role, body), '2027-03-01');
      assert.equal(res.statusCode, 403, `${role}@${body}`);
    }
    // A calendar_admin outside the central body (made by hand) is refused too.
    const astana = await env.bodyId('akimat-astana');
    await env.ctx.db.updateTable('staffUser').set({ role: 'calendar_admin' }).where('email', '=', 'executor@akimat-astana.example.kz').where('bodyId', '=', astana).execute();
    const res = await dayOff(await env.login('executor', 'akimat-astana'), '2027-03-01');
    assert.equal(res.statusCode, 403);
    assert.equal((await env.ctx.db.selectFrom('calendarChange').select('id').execute()).length, 0, 'nothing recorded');
  });

  test('every change is recorded: who, the day before and after, why; listable; append-only', async () => {
    const set = await dayOff(calendarAdmin, '2027-04-05');
    assert.equal(set.statusCode, 201, set.body);
    const del = await env.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2027-04-05?reason=Decree%20withdrawn', headers: { cookie: calendarAdmin } });
    assert.equal(del.statusCode, 200, del.body);
    const list = await env.app.inject({ url: '/api/v1/calendar/changes?limit=1', headers: { cookie: calendarAdmin } });
    assert.equal(list.statusCode, 200, list.body);
    const page = list.json();
    assert.equal(page.items.length, 1);
    const [removal] = page.items;
    assert.equal(removal.date, '2027-04-05');
    assert.deepEqual(removal.before, { kind: 'transfer_day_off', reason: 'Transfer by decree', source: 'administrator calendar-admin@min-info.example.kz', origin: 'admin' });
    assert.equal(removal.after, null);
    assert.equal(removal.reason, 'Decree withdrawn');
    assert.equal(removal.changedByLabel, 'calendar-admin@min-info.example.kz');
    assert.equal(removal.recount.status, 'done');
    const next = (await env.app.inject({ url: `/api/v1/calendar/changes?limit=1&cursor=${page.nextCursor}`, headers: { cookie: calendarAdmin } })).json();
    assert.equal(next.items[0].before, null);
    assert.equal(next.items[0].after.kind, 'transfer_day_off');
    assert.equal((await env.app.inject({ url: '/api/v1/calendar/changes?limit=5&cursor=bad' , headers: { cookie: calendarAdmin } })).statusCode, 400);
    assert.equal((await env.app.inject({ url: '/api/v1/calendar/changes?limit=5' })).statusCode, 401);
    await assert.rejects(env.ctx.db.updateTable('calendarChange').set({ reason: 'rewritten' }).execute(), /append-only/);
    await assert.rejects(env.ctx.db.deleteFrom('calendarChange').execute(), /append-only/);
  });

  test('the recount stopped half-way resumes from where it was: every appeal once, none twice', async () => {
    const astana = await env.bodyId('akimat-astana');
    for (let i = 0; i < 6; i++) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
      assert.equal(res.statusCode, 201);
    }
    const staff = await env.ctx.db.selectFrom('staffUser').select(['id', 'email', 'role', 'bodyId', 'unitId', 'name']).where('email', '=', 'calendar-admin@min-info.example.kz').executeTakeFirstOrThrow();
    class Stop extends Error {}
    await assert.rejects(
      setCalendarDay(env.ctx, staff as never, { date: '2026-12-03', working: false, reason: 'Transfer by decree' }, { afterAppeal: (n) => { if (n === 3) throw new Stop('stopped'); } }),
      Stop,
    );
    const job = await env.ctx.db.selectFrom('calendarRecountJob').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(job.status, 'running');
    assert.equal(job.processed, 3);
    assert.ok(job.cursor);
    // The stopped run's lease holds the job a minute; the sweep leaves it alone until then.
    assert.equal(await resumeRecountJobs(env.ctx), 0);
    env.clock.advance(61_000);
    const worker = createDeliveryWorker(env.ctx, { log: () => {} });
    await worker.sweep();
    await worker.stop();
    const done = await env.ctx.db.selectFrom('calendarRecountJob').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
    assert.ok(done.processed >= 6, `processed ${done.processed}`);
    const events = await env.ctx.db
      .selectFrom('appealEvent')
      .select(['appealId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('type', '=', 'appeal.terms_recalculated')
      .where('reason', '=', 'calendar changed on 2026-12-03')
      .groupBy('appealId')
      .execute();
    assert.equal(events.length, done.changed);
    assert.ok(done.changed >= 6);
    assert.ok(events.every((e) => Number(e.n) === 1), 'no appeal recounted twice');
  });
});
