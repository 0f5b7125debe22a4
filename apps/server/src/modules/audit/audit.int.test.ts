// Reads of personal data are audited: who opened which card and attachment, listed for
// oversight only; a refused read is not a read; a clean stop loses nothing buffered.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { demoEmail } from '../bodies/demo-seed.ts';
import { auditRead } from './index.ts';

let env: TestEnv;
let astana: string;
let appeal: { id: string; number: string };
let attachmentId: string;
let comms: string;
let oversight: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  const up = await env.app.inject({ method: 'POST', url: '/api/v1/attachments?name=act.pdf', payload: Buffer.from('%PDF-1.4 test'), headers: { 'content-type': 'application/pdf' } });
  attachmentId = up.json().id;
  appeal = (await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { attachments: [attachmentId] }) })).json();
  comms = await env.login('comms_officer', 'akimat-astana');
  oversight = await env.login('oversight', 'min-info');
});
after(() => env.close());

const staffId = async (email: string) => (await env.ctx.db.selectFrom('staffUser').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const reads = (query: string, cookie = oversight) => env.app.inject({ url: `/api/v1/audit/reads?${query}`, headers: { cookie } });

describe('the audit of reads', () => {
  test('opening a card and an attachment is recorded; oversight lists it by appeal and by staff member', async () => {
    assert.equal((await env.app.inject({ url: `/api/v1/appeals/${appeal.id}`, headers: { cookie: comms } })).statusCode, 200);
    env.clock.advance(60_000);
    assert.equal((await env.app.inject({ url: `/api/v1/appeals/${appeal.id}/attachments/${attachmentId}`, headers: { cookie: comms } })).statusCode, 200);
    const res = await reads(`appealId=${appeal.id}&limit=10`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as Array<{ what: string; objectId: string | null; staff: { id: string; role: string }; appeal: { number: string } }>;
    assert.deepEqual(items.map((i) => i.what), ['attachment', 'card']);
    assert.equal(items[0].objectId, attachmentId);
    assert.equal(items[1].appeal.number, appeal.number);
    assert.equal(items[1].staff.role, 'comms_officer');
    const comm = await staffId(demoEmail('comms_officer', 'akimat-astana'));
    const byStaff = (await reads(`staffId=${comm}&limit=50`)).json().items as Array<{ staff: { id: string } }>;
    assert.ok(byStaff.length >= 2 && byStaff.every((i) => i.staff.id === comm));
  });

  test('a refused read (another body: 404) is not recorded', async () => {
    const other = await env.login('comms_officer', 'akimat-almaty');
    assert.equal((await env.app.inject({ url: `/api/v1/appeals/${appeal.id}`, headers: { cookie: other } })).statusCode, 404);
    const items = (await reads(`appealId=${appeal.id}&limit=50`)).json().items as Array<{ staff: { bodyId: string } }>;
    assert.ok(items.every((i) => i.staff.bodyId === astana));
  });

  test('only oversight lists the reads; bad filters are a 400', async () => {
    for (const who of [comms, await env.login('admin', 'akimat-astana'), await env.login('analyst', 'min-info')]) {
      assert.equal((await reads('limit=5', who)).statusCode, 403);
    }
    assert.equal((await env.app.inject({ url: '/api/v1/audit/reads?limit=5' })).statusCode, 401);
    assert.equal((await reads('limit=5&from=yesterday')).statusCode, 400);
    assert.equal((await reads('limit=5&cursor=nonsense')).statusCode, 400);
    assert.equal((await reads('limit=5000')).statusCode, 400);
  });

  test('pages by cursor, newest first, and keeps to the period asked', async () => {
    for (let i = 0; i < 5; i++) {
      env.clock.advance(1000);
      await env.app.inject({ url: `/api/v1/appeals/${appeal.id}`, headers: { cookie: comms } });
    }
    const all: string[] = [];
    let cursor = '';
    for (;;) {
      const page = (await reads(`appealId=${appeal.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.items.map((i: { at: string }) => i.at));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    assert.equal(all.length, 7);
    assert.deepEqual(all, [...all].sort().reverse());
    const from = new Date(env.clock.now().getTime() - 2500).toISOString();
    assert.equal((await reads(`appealId=${appeal.id}&limit=50&from=${from}`)).json().items.length, 3);
  });

  test('reads still buffered are written on a clean stop', async () => {
    const app = await buildApp(env.ctx);
    const staff = { id: await staffId(demoEmail('comms_officer', 'akimat-astana')), role: 'comms_officer' };
    const before = await env.ctx.db.selectFrom('personalDataRead').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) auditRead(env.ctx, staff, appeal.id, 'card');
    await app.close();
    const afterStop = await env.ctx.db.selectFrom('personalDataRead').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterStop.n), Number(before.n) + 3);
    await assert.rejects(env.ctx.db.deleteFrom('personalDataRead').execute(), /append-only/);
  });
});
