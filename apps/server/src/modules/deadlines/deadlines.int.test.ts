// The calendar and the terms through the API, the CLI and the injected clock.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { promisify } from 'node:util';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { channelTargetDueAt, dueSoonBefore, maxExtendedDate, termsOnReceipt } from './index.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../../..');

let env: TestEnv;
let astana: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

const get = async (url: string, cookie?: string) => env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const addWorking = async (from: string, days: number) => {
  const res = await get(`/api/v1/calendar/add-working-days?from=${from}&days=${days}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().date as string;
};

/** Staff registration of an appeal received at an instant (hand-delivered). */
async function registerAt(receivedAt: string, over: Record<string, unknown> = {}) {
  const cookie = await env.login('comms_officer', 'akimat-astana');
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie }, payload: citizenAppeal(astana, { channel: 'hand_delivered', receivedAt, ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
}

describe('working days through the API', () => {
  test('Nauryz 2026: the day after Friday 20 March is Thursday 26 March', async () => {
    assert.equal(await addWorking('2026-03-20', 1), '2026-03-26');
    assert.equal(await addWorking('2026-03-20', 0), '2026-03-20');
  });

  test('from a day off, day 0 is the next working day (art. 63)', async () => {
    assert.equal(await addWorking('2026-03-21', 0), '2026-03-26');
    assert.equal(await addWorking('2026-03-22', 1), '2026-03-27');
    assert.equal(await addWorking('2026-11-28', 1), '2026-12-01', 'Saturday → day 0 Monday 30 Nov → Tuesday');
  });

  test('year boundary: 31 December 2026 + 1 skips the New Year days off of 2027', async () => {
    assert.equal(await addWorking('2026-12-31', 1), '2027-01-05');
    assert.equal(await addWorking('2026-12-31', 4), '2027-01-11', '5, 6, 8, 11 January (7th is Christmas)');
  });

  test('transfers: Saturday 4 May 2024 was worked, Wednesday 8 May was off; Sunday 5 January 2025 was worked', async () => {
    assert.equal(await addWorking('2024-05-03', 1), '2024-05-04');
    assert.equal(await addWorking('2024-05-07', 0), '2024-05-10');
    assert.equal(await addWorking('2025-01-02', 0), '2025-01-05');
  });

  test('days-off lists weekdays off and weekend days worked', async () => {
    const res = await get('/api/v1/calendar/days-off?year=2025');
    assert.equal(res.statusCode, 200);
    const body = res.json() as { year: number; items: Array<{ date: string; kind: string; type: string; reason: string }> };
    assert.equal(body.year, 2025);
    assert.deepEqual(
      body.items.filter((i) => i.kind === 'working_day').map((i) => i.date),
      ['2025-01-05'],
    );
    assert.ok(body.items.some((i) => i.date === '2025-06-06' && i.type === 'holiday' && /Kurban/.test(i.reason)));
    assert.ok(!body.items.some((i) => i.date === '2025-03-22'), 'a holiday on a Saturday is not listed; its moved day is');
    assert.ok(body.items.some((i) => i.date === '2025-03-24' && i.type === 'moved_day_off'));
  });

  test('bad input is refused with a code', async () => {
    for (const url of ['/api/v1/calendar/add-working-days?from=2026-02-30&days=1', '/api/v1/calendar/add-working-days?from=2026-03-01&days=-1', '/api/v1/calendar/add-working-days?from=tomorrow&days=1', '/api/v1/calendar/add-working-days?from=2026-03-01&days=x']) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const old = await get('/api/v1/calendar/days-off?year=1999');
    assert.equal(old.statusCode, 422);
    assert.equal(old.json().error.code, 'CALENDAR_YEAR_UNSUPPORTED');
  });
});

describe('administrator entries', () => {
  test('an admin enters Kurban Ait 2027; others may not; removal restores the five-day week', async () => {
    const admin = await env.login('calendar_admin', 'min-info');
    const executor = await env.login('executor', 'min-labour');
    const payload = { date: '2027-05-17', reason: 'Kurban Ait 2027, first day (ДУМК)', kind: 'holiday' };
    assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/calendar/days-off', payload })).statusCode, 401);
    const forbidden = await env.app.inject({ method: 'POST', url: '/api/v1/calendar/days-off', headers: { cookie: executor }, payload });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(await addWorking('2027-05-14', 1), '2027-05-17');

    const res = await env.app.inject({ method: 'POST', url: '/api/v1/calendar/days-off', headers: { cookie: admin }, payload });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().kind, 'holiday');
    assert.equal(await addWorking('2027-05-14', 1), '2027-05-18');
    const list = (await get('/api/v1/calendar/days-off?year=2027')).json();
    assert.ok(list.items.some((i: { date: string; origin: string }) => i.date === '2027-05-17' && i.origin === 'admin'));

    const del = await env.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2027-05-17', headers: { cookie: admin } });
    assert.equal(del.statusCode, 200);
    assert.equal(await addWorking('2027-05-14', 1), '2027-05-17');
    const again = await env.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2027-05-17', headers: { cookie: admin } });
    assert.equal(again.statusCode, 404);
  });

  test('a Saturday made working counts as a working day', async () => {
    const admin = await env.login('calendar_admin', 'min-info');
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/calendar/working-days', headers: { cookie: admin }, payload: { date: '2027-09-04', reason: 'Decree: Saturday 4 September worked' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await addWorking('2027-09-03', 1), '2027-09-04');
    const bad = await env.app.inject({ method: 'POST', url: '/api/v1/calendar/working-days', headers: { cookie: admin }, payload: { date: '2027-02-30', reason: 'no such day' } });
    assert.equal(bad.statusCode, 400);
  });

  test('a change of the calendar recounts the terms of open appeals running over it (not an extended legal term)', async () => {
    const admin = await env.login('calendar_admin', 'min-info');
    const open = await registerAt('2026-11-24T04:00:00Z'); // Tuesday: legal due 15 December
    const extended = await registerAt('2026-11-24T05:00:00Z');
    await env.ctx.db.updateTable('appeal').set({ extended: true }).where('id', '=', extended.id).execute();
    assert.equal(open.legalDueAt?.toISOString(), '2026-12-15T18:59:59.000Z');

    const res = await env.app.inject({ method: 'POST', url: '/api/v1/calendar/days-off', headers: { cookie: admin }, payload: { date: '2026-12-01', reason: 'Test transfer by decree' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().recalculated, 1, 'the extended appeal keeps its terms (its redirect term ends before 1 Dec)');
    const after = async (id: string) => env.ctx.db.selectFrom('appeal').select(['legalDueAt', 'redirectDueAt']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal((await after(open.id)).legalDueAt?.toISOString(), '2026-12-17T18:59:59.000Z', '1 Dec off, and 16 Dec is Independence Day');
    assert.equal((await after(extended.id)).legalDueAt?.toISOString(), '2026-12-15T18:59:59.000Z', 'the head’s extension stands');
    const events = await env.ctx.db.selectFrom('appealEvent').select(['type', 'data']).where('appealId', '=', open.id).where('type', '=', 'appeal.terms_recalculated').execute();
    assert.equal(events.length, 1);
    assert.deepEqual((events[0]!.data as { legalDueAt: unknown }).legalDueAt, { from: '2026-12-15T18:59:59.000Z', to: '2026-12-17T18:59:59.000Z' });

    const del = await env.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-12-01', headers: { cookie: admin } });
    assert.equal(del.json().recalculated, 1);
    assert.equal((await after(open.id)).legalDueAt?.toISOString(), '2026-12-15T18:59:59.000Z');
  });

  test('CLI calendar add-day-off changes the API answer (another process, same database)', async () => {
    assert.equal(await addWorking('2026-12-29', 1), '2026-12-30');
    const cliEnv = { ...process.env, DATABASE_URL: env.url, NODE_ENV: 'test' };
    const out = await run(path.join(root, 'node_modules/.bin/node'), ['apps/server/src/cli.ts', 'calendar', 'add-day-off', '2026-12-30', '--reason', 'Test transfer by decree'], { cwd: root, env: cliEnv });
    assert.match(out.stdout, /2026-12-30: day off \(transfer_day_off\)/);
    assert.equal(await addWorking('2026-12-29', 1), '2026-12-31');

    await run(path.join(root, 'node_modules/.bin/node'), ['apps/server/src/cli.ts', 'calendar', 'add-working-day', '2026-12-26', '--reason', 'Test Saturday worked'], { cwd: root, env: cliEnv });
    assert.equal(await addWorking('2026-12-25', 1), '2026-12-26');

    const refused = await run(path.join(root, 'node_modules/.bin/node'), ['apps/server/src/cli.ts', 'calendar', 'add-day-off', '2026-12-31'], { cwd: root, env: cliEnv }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((refused as { code: number }).code, 1);
    assert.match((refused as { stderr: string }).stderr, /--reason/);
  });
});

describe('terms of an appeal', () => {
  test('intake counts on this process’s copy of the calendar, and counts again when another process changed it', async () => {
    const receivedAt = '2026-11-24T04:00:00Z';
    assert.equal((await registerAt(receivedAt)).legalDueAt?.toISOString(), '2026-12-15T18:59:59.000Z');
    // Another server or the command line: a day off written and the revision bumped, this process not told.
    const other = new pg.Client({ connectionString: env.url });
    await other.connect();
    const change = async (statement: string) => other.query(`begin; ${statement}; update calendar_revision set revision = revision + 1; commit`);
    try {
      await change(`insert into calendar_day (date, kind, reason, source, origin, created_at) values ('2026-12-03', 'transfer_day_off', 'test', 'test', 'admin', now())`);
      assert.equal((await registerAt(receivedAt)).legalDueAt?.toISOString(), '2026-12-17T18:59:59.000Z', '3 December off: one working day later (16 December is a holiday)');
    } finally {
      await change(`delete from calendar_day where date = '2026-12-03'`);
      await other.end();
    }
    assert.equal((await registerAt(receivedAt)).legalDueAt?.toISOString(), '2026-12-15T18:59:59.000Z');
  });

  test('received on Saturday 21 March 2026: day 0 is 26 March, legal due 16 April 23:59:59, redirect due 31 March', async () => {
    const a = await registerAt('2026-03-21T05:00:00Z');
    assert.equal(a.legalDueAt?.toISOString(), '2026-04-16T18:59:59.000Z');
    assert.equal(a.redirectDueAt?.toISOString(), '2026-03-31T18:59:59.000Z');
  });

  test('the day of receipt is the Almaty day: 23:30 Friday counts from Friday, 00:30 Saturday from the next working day', async () => {
    const friday = await termsOnReceipt(env.ctx, new Date('2026-03-20T18:30:00Z'));
    assert.equal(friday.dayZero, '2026-03-20');
    assert.equal(friday.legalDueAt.toISOString(), '2026-04-15T18:59:59.000Z');
    const saturday = await termsOnReceipt(env.ctx, new Date('2026-03-20T19:30:00Z'));
    assert.equal(saturday.dayZero, '2026-03-26');
  });

  test('channel target per difficulty (default 1/3/10), never later than the legal due date', async () => {
    const receivedAt = new Date('2026-11-02T04:00:00Z'); // Monday
    const { legalDueAt } = await termsOnReceipt(env.ctx, receivedAt);
    const p = { bodyId: astana, channel: 'social_media', receivedAt };
    assert.equal((await channelTargetDueAt(env.ctx, { ...p, difficulty: 'light' })).toISOString(), '2026-11-03T18:59:59.000Z');
    assert.equal((await channelTargetDueAt(env.ctx, { ...p, difficulty: 'medium' })).toISOString(), '2026-11-05T18:59:59.000Z');
    assert.equal((await channelTargetDueAt(env.ctx, { ...p, difficulty: 'heavy' })).toISOString(), '2026-11-16T18:59:59.000Z');

    const head = await env.login('head', 'akimat-astana');
    const put = await env.app.inject({ method: 'PUT', url: `/api/v1/bodies/akimat-astana/channel-standards/social_media`, headers: { cookie: head }, payload: { light: 0, medium: 5, heavy: 15 } });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal((await channelTargetDueAt(env.ctx, { ...p, difficulty: 'light' })).toISOString(), '2026-11-02T18:59:59.000Z', 'same working day');
    const heavy = await channelTargetDueAt(env.ctx, { ...p, difficulty: 'heavy' });
    assert.equal(heavy.toISOString(), legalDueAt.toISOString());
    assert.ok(heavy <= legalDueAt);
    // Other channels of the body keep the default.
    assert.equal((await channelTargetDueAt(env.ctx, { ...p, channel: 'website', difficulty: 'light' })).toISOString(), '2026-11-03T18:59:59.000Z');
  });

  test('channel standards: admin or head of the body edit; others and other bodies may not; limits are checked', async () => {
    const url = '/api/v1/bodies/akimat-astana/channel-standards';
    const admin = await env.login('admin', 'akimat-astana');
    const executor = await env.login('executor', 'akimat-astana');
    const otherHead = await env.login('head', 'akimat-almaty');
    const ok = await env.app.inject({ method: 'PUT', url: `${url}/website`, headers: { cookie: admin }, payload: { light: 2, medium: 4, heavy: 12 } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await env.app.inject({ method: 'PUT', url: `${url}/website`, headers: { cookie: executor }, payload: { light: 1, medium: 3, heavy: 10 } })).statusCode, 403);
    assert.equal((await env.app.inject({ method: 'PUT', url: `${url}/website`, headers: { cookie: otherHead }, payload: { light: 1, medium: 3, heavy: 10 } })).statusCode, 403);
    const tooLong = await env.app.inject({ method: 'PUT', url: `${url}/website`, headers: { cookie: admin }, payload: { light: 1, medium: 3, heavy: 16 } });
    assert.equal(tooLong.statusCode, 400);
    const unordered = await env.app.inject({ method: 'PUT', url: `${url}/website`, headers: { cookie: admin }, payload: { light: 5, medium: 3, heavy: 10 } });
    assert.equal(unordered.statusCode, 400);
    const noChannel = await env.app.inject({ method: 'PUT', url: `${url}/carrier_pigeon`, headers: { cookie: admin }, payload: { light: 1, medium: 3, heavy: 10 } });
    assert.equal(noChannel.statusCode, 400);

    const list = await get(url, executor);
    assert.equal(list.statusCode, 200);
    const website = list.json().items.find((i: { channel: string }) => i.channel === 'website');
    assert.deepEqual([website.light, website.medium, website.heavy, website.isDefault], [2, 4, 12, false]);
    assert.equal((await get(url, otherHead)).statusCode, 403);
    assert.equal((await get(url, await env.login('analyst', 'min-info'))).statusCode, 200);
  });

  test('extension limit: two calendar months after day 0, clamped at month ends', async () => {
    assert.equal(await maxExtendedDate(env.ctx, new Date('2026-12-31T04:00:00Z')), '2027-02-28');
    assert.equal(await maxExtendedDate(env.ctx, new Date('2027-12-31T04:00:00Z')), '2028-02-29');
    assert.equal(await maxExtendedDate(env.ctx, new Date('2026-10-31T04:00:00Z')), '2027-01-02', 'Saturday: day 0 is Monday 2 November');
    assert.equal(await maxExtendedDate(env.ctx, new Date('2026-03-21T04:00:00Z')), '2026-05-26', 'day 0 after Nauryz is 26 March');
  });

  test('due soon: up to the end of the 2nd working day after today', async () => {
    assert.equal((await dueSoonBefore(env.ctx, new Date('2026-03-20T06:00:00Z'))).toISOString(), '2026-03-27T18:59:59.000Z');
    assert.equal((await dueSoonBefore(env.ctx, new Date('2026-11-28T06:00:00Z'))).toISOString(), '2026-12-01T18:59:59.000Z', 'Saturday: Monday and Tuesday');
    assert.equal((await dueSoonBefore(env.ctx, new Date('2026-11-25T06:00:00Z'))).toISOString(), '2026-11-27T18:59:59.000Z');
  });
});
