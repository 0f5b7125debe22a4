// Due soon and overdue follow the platform's clock (manual in tests, TYNDAU_NOW for
// demonstrations), and the daily monitoring view counts them per body, unit and channel.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { loadConfig } from '../../config.ts';
import { createContext } from '../../context.ts';
import { buildApp } from '../../app.ts';
import { DEMO_PASSWORD, demoEmail } from '../bodies/demo-seed.ts';
import { moveAppeal } from '../appeals/index.ts';
import { channelTargetDueAt } from './index.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../../..');

let env: TestEnv;
before(async () => {
  // Wednesday 25 November 2026, 10:00 in Almaty.
  env = await createTestEnv({ now: '2026-11-25T05:00:00Z' });
});
after(() => env.close());

async function registerAt(bodyCode: string, receivedAt: string, over: Record<string, unknown> = {}) {
  const cookie = await env.login('comms_officer', bodyCode);
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie }, payload: citizenAppeal(await env.bodyId(bodyCode), { channel: 'hand_delivered', receivedAt, ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((i) => i.id);

describe('due soon and overdue follow the clock', () => {
  let overdue: string, soon: string, later: string;
  before(async () => {
    overdue = await registerAt('akimat-astana', '2026-11-02T04:00:00Z'); // legal due Mon 23 Nov
    soon = await registerAt('akimat-astana', '2026-11-06T04:00:00Z'); // legal due Fri 27 Nov
    later = await registerAt('akimat-astana', '2026-11-25T04:00:00Z'); // legal due 16 Dec
  });

  test('the appeal list filters and flags by the manual clock', async () => {
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const list = async (q: string) => env.app.inject({ method: 'GET', url: `/api/v1/appeals?${q}`, headers: { cookie } });
    const first = await list('overdue=true');
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(ids(first), [overdue]);
    assert.deepEqual(ids(await list('dueSoon=true')), [soon]);
    const allRes = await list('limit=50');
    assert.equal(allRes.statusCode, 200, allRes.body);
    const all = allRes.json().items as Array<{ id: string; overdue: boolean; dueSoon: boolean }>;
    const flags = Object.fromEntries(all.map((i) => [i.id, [i.overdue, i.dueSoon]]));
    assert.deepEqual(flags[overdue], [true, false]);
    assert.deepEqual(flags[soon], [false, true]);
    assert.deepEqual(flags[later], [false, false]);
    const card = await env.app.inject({ method: 'GET', url: `/api/v1/appeals/${soon}`, headers: { cookie } });
    assert.equal(card.json().dueSoon, true);

    env.clock.set('2026-11-28T05:00:00Z'); // Saturday: 27 Nov has passed
    try {
      // Sessions follow the clock too: sign in anew three days later.
      const head = await env.login('head', 'akimat-astana');
      const later3 = async (q: string) => ids(await env.app.inject({ method: 'GET', url: `/api/v1/appeals?${q}`, headers: { cookie: head } }));
      assert.deepEqual((await later3('overdue=true')).sort(), [overdue, soon].sort());
      assert.deepEqual(await later3('dueSoon=true'), []);
    } finally {
      env.clock.set('2026-11-25T05:00:00Z');
    }
  });

  test('TYNDAU_NOW is refused in production', async () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', TYNDAU_NOW: '2026-11-20T05:00:00Z' }), /TYNDAU_NOW is refused/);
    const res = await run(path.join(root, 'node_modules/.bin/node'), ['apps/server/src/cli.ts', 'migrate'], { cwd: root, env: { ...process.env, NODE_ENV: 'production', TYNDAU_NOW: '2026-11-20T05:00:00Z', DATABASE_URL: env.url } }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((res as { code: number }).code, 1);
    assert.match((res as { stderr: string }).stderr, /TYNDAU_NOW is refused/);
  });

  test('a context started with TYNDAU_NOW computes terms, due soon and overdue at that instant', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-now-'));
    const at = async (now: string) => {
      const { ctx, close } = await createContext(loadConfig({ NODE_ENV: 'test', TYNDAU_NOW: now, DATABASE_URL: env.url, TYNDAU_DATA_DIR: dataDir }));
      const app = await buildApp(ctx);
      try {
        const drift = ctx.clock.now().getTime() - new Date(now).getTime();
        assert.ok(drift >= 0 && drift < 5000, 'the clock starts at TYNDAU_NOW and runs on');
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: demoEmail('comms_officer', 'akimat-astana'), password: DEMO_PASSWORD } });
        const cookie = `tyndau_session=${login.cookies.find((c) => c.name === 'tyndau_session')!.value}`;
        const q = async (s: string) => ids(await app.inject({ method: 'GET', url: `/api/v1/appeals?${s}`, headers: { cookie } })).filter((id) => [overdue, soon, later].includes(id));
        // A new appeal gets its terms from the injected clock.
        const reg = await app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(await env.bodyId('nko')) });
        const fresh = await ctx.db.selectFrom('appeal').select(['receivedAt', 'legalDueAt']).where('id', '=', reg.json().id).executeTakeFirstOrThrow();
        return { overdue: await q('overdue=true'), dueSoon: await q('dueSoon=true'), fresh };
      } finally {
        await app.close();
        await close();
      }
    };
    const friday = await at('2026-11-20T05:00:00Z'); // due soon until the end of Tuesday 24 Nov
    assert.deepEqual(friday.overdue, []);
    assert.deepEqual(friday.dueSoon, [overdue]);
    assert.equal(friday.fresh.legalDueAt?.toISOString(), '2026-12-11T18:59:59.000Z', '20 Nov + 15 working days (16 Dec is far)');
    const monday = await at('2026-11-30T05:00:00Z');
    assert.deepEqual(monday.overdue.sort(), [overdue, soon].sort());
    assert.deepEqual(monday.dueSoon, []);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('daily monitoring', () => {
  let body: string;
  const appeal: Record<string, string> = {};
  before(async () => {
    body = await env.bodyId('akimat-shymkent');
    appeal.overdue = await registerAt('akimat-shymkent', '2026-11-02T04:00:00Z', { channel: 'call_centre' });
    appeal.soon = await registerAt('akimat-shymkent', '2026-11-06T04:00:00Z');
    appeal.fresh = await registerAt('akimat-shymkent', '2026-11-25T04:00:00Z');
    appeal.redirectedLate = await registerAt('akimat-shymkent', '2026-11-16T04:00:00Z');
    // The process module's part, done here by hand: triage puts `soon` in work in a unit
    // with a light channel target; `redirectedLate` goes to another body after its term.
    const unit = await env.ctx.db.selectFrom('unit').select('id').where('bodyId', '=', body).orderBy('code').executeTakeFirstOrThrow();
    const target = await channelTargetDueAt(env.ctx, { bodyId: body, channel: 'hand_delivered', difficulty: 'light', receivedAt: new Date('2026-11-06T04:00:00Z') });
    await env.ctx.db.transaction().execute(async (tx) => {
      await moveAppeal(env.ctx, tx, { id: appeal.soon!, status: 'registered' }, 'in_work', { type: 'appeal.triaged' }, { unitId: unit.id, difficulty: 'light', targetDueAt: target });
      await moveAppeal(env.ctx, tx, { id: appeal.redirectedLate!, status: 'registered' }, 'redirected', { type: 'appeal.redirected', data: { late: true } });
    });
    appeal.unit = unit.id;
  });

  test('today: due soon, overdue, target missed, pending and late redirects, by unit and channel', async () => {
    const cookie = await env.login('head', 'akimat-shymkent');
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/monitoring', headers: { cookie } });
    assert.equal(res.statusCode, 200, res.body);
    const m = res.json();
    assert.equal(m.bodyId, body);
    assert.equal(m.date, '2026-11-25');
    assert.deepEqual(m.totals, { open: 3, dueSoon: 1, overdue: 1, targetMissed: 1, redirectOverdue: 1, redirectsToday: 1, lateRedirectsToday: 1 });
    assert.deepEqual(m.dueSoon.map((i: { id: string }) => i.id), [appeal.soon]);
    assert.deepEqual(m.overdue.map((i: { id: string }) => i.id), [appeal.overdue]);
    assert.deepEqual(m.targetMissed.map((i: { id: string }) => i.id), [appeal.soon]);
    assert.deepEqual(m.redirectOverdue.map((i: { id: string }) => i.id), [appeal.overdue], 'still registered past its 3 working days');
    assert.deepEqual(m.lateRedirects.map((i: { id: string }) => i.id), [appeal.redirectedLate]);
    const unitRow = m.byUnit.find((u: { unitId: string | null }) => u.unitId === appeal.unit);
    assert.equal(unitRow.open, 1);
    assert.equal(unitRow.dueSoon, 1);
    assert.ok(unitRow.unitCode);
    assert.deepEqual(
      m.byChannel.map((c: { channel: string; open: number; overdue: number }) => [c.channel, c.open, c.overdue]),
      [
        ['call_centre', 1, 1],
        ['hand_delivered', 2, 0],
      ],
    );
  });

  test('a past date replays statuses from the event log', async () => {
    const cookie = await env.login('head', 'akimat-shymkent');
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/monitoring?date=2026-11-20', headers: { cookie } });
    assert.equal(res.statusCode, 200, res.body);
    const m = res.json();
    // On 20 November: three appeals received, none yet triaged or redirected (those events are dated 25 Nov).
    assert.equal(m.totals.open, 3);
    assert.equal(m.totals.dueSoon, 1, 'the one due Monday 23 Nov');
    assert.equal(m.totals.overdue, 0);
    assert.equal(m.totals.lateRedirectsToday, 0);
  });

  test('access: staff of the body, analyst and oversight; nobody else; no future dates', async () => {
    const url = `/api/v1/monitoring?bodyId=${body}`;
    assert.equal((await env.app.inject({ method: 'GET', url })).statusCode, 401);
    assert.equal((await env.app.inject({ method: 'GET', url, headers: { cookie: await env.login('executor', 'akimat-shymkent') } })).statusCode, 200);
    assert.equal((await env.app.inject({ method: 'GET', url, headers: { cookie: await env.login('oversight', 'min-info') } })).statusCode, 200);
    assert.equal((await env.app.inject({ method: 'GET', url, headers: { cookie: await env.login('head', 'akimat-almaty') } })).statusCode, 403);
    const future = await env.app.inject({ method: 'GET', url: `${url}&date=2026-12-01`, headers: { cookie: await env.login('head', 'akimat-shymkent') } });
    assert.equal(future.statusCode, 400);
  });
});
