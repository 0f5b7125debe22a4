import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { addWorkingDays, almatyDate, endOfAlmatyDay } from '../deadlines/index.ts';
import { createDeliveryWorker } from './delivery-worker.ts';
import { queueNotification } from './notify.service.ts';
import { MASK } from './templates.ts';

// No SMTP_URL, SMPP_URL or TELEGRAM_BOT_TOKEN: the demo installation.
let env: TestEnv;
let astana: string;
let admin: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  admin = await env.login('admin', 'akimat-astana');
});
after(() => env.close());

const register = async (over: Record<string, unknown> = {}) => {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, over) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; accessCode: string };
};
const drain = async () => {
  const worker = createDeliveryWorker(env.ctx, { log: () => {} });
  await worker.drain();
  await worker.stop();
};
const outbox = (query: string, cookie = admin) => env.app.inject({ url: `/api/v1/outbox?${query}`, headers: { cookie } });

describe('without channel configuration (demo): the outbox keeps every message for the administrator', () => {
  test('an e-mail with no SMTP_URL is held with the reason, and shown rendered as the citizen would see it', async () => {
    const a = await register();
    await drain();
    const n = await env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(n.status, 'held');
    assert.equal(n.attempts, 0);
    assert.equal(n.lastError, 'SMTP_URL is not set');
    const res = await outbox(`appealId=${a.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const [item] = res.json().items;
    assert.equal(item.id, n.id);
    assert.equal(item.appealNumber, a.number);
    assert.equal(item.channel, 'email');
    assert.equal(item.address, 'aigerim@example.kz', 'administrators see the address');
    assert.equal(item.status, 'held');
    assert.equal(item.error, 'SMTP_URL is not set');
    assert.equal(item.subject, `Обращение № ${a.number} зарегистрировано`);
    assert.ok(item.text.includes('Уважаемый(ая) Айгерим Садыкова!'));
    assert.ok(item.html.startsWith('<!doctype html>'));
    assert.ok(!item.text.includes(a.accessCode) && !item.html.includes(a.accessCode), 'the access code is not shown');
    assert.ok(item.text.includes(MASK));
  });

  test('only the body’s administrator reads it; another body’s administrator does not see this body’s messages', async () => {
    const a = await register();
    await drain();
    assert.equal((await outbox('', await env.login('executor', 'akimat-astana'))).statusCode, 403);
    assert.equal((await env.app.inject({ url: '/api/v1/outbox' })).statusCode, 401);
    const other = await outbox('limit=100', await env.login('admin', 'akimat-almaty'));
    assert.equal(other.statusCode, 200);
    assert.ok(!other.json().items.some((i: { appealId: string }) => i.appealId === a.id));
  });

  test('keyset pagination walks every message once; filters by status and channel', async () => {
    for (let i = 0; i < 5; i++) await register();
    await drain();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: Array<{ id: string; createdAt: string }>; nextCursor: string | null } } = await outbox(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.statusCode, 200);
      const page = res.json();
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const total = await env.ctx.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('bodyId', '=', astana).executeTakeFirstOrThrow();
    assert.equal(seen.length, Number(total.n));
    assert.equal(new Set(seen).size, seen.length);
    const held = (await outbox('status=held&channel=email&limit=100')).json();
    assert.ok(held.items.length >= 5 && held.items.every((i: { status: string; channel: string }) => i.status === 'held' && i.channel === 'email'));
    assert.equal((await outbox('cursor=not-a-cursor')).statusCode, 400);
    // A misspelt filter is a 400 that names the field, not an empty list.
    for (const q of ['status=nope', 'status=held,nope', 'channel=fax']) {
      const bad = await outbox(q);
      assert.equal(bad.statusCode, 400, q);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    }
    assert.equal((await outbox('status=held, failed')).statusCode, 200);
  });

  test('the administrator sends a held message again; a sent one is not sent again', async () => {
    const a = await register();
    const p = await register({ preferredAnswer: 'portal', applicant: { type: 'individual', name: 'Ержан Ахметов' } });
    await drain();
    const held = await env.ctx.db.selectFrom('notification').select('id').where('appealId', '=', a.id).executeTakeFirstOrThrow();
    const retry = await env.app.inject({ method: 'POST', url: `/api/v1/outbox/${held.id}/retry`, headers: { cookie: admin } });
    assert.equal(retry.statusCode, 200, retry.body);
    assert.equal(retry.json().status, 'queued');
    const portal = await env.ctx.db.selectFrom('notification').select(['id', 'status']).where('appealId', '=', p.id).executeTakeFirstOrThrow();
    assert.equal(portal.status, 'sent', 'a portal message is published at once');
    assert.equal((await env.app.inject({ method: 'POST', url: `/api/v1/outbox/${portal.id}/retry`, headers: { cookie: admin } })).statusCode, 409);
    assert.equal((await env.app.inject({ method: 'POST', url: `/api/v1/outbox/${held.id}/retry`, headers: { cookie: await env.login('admin', 'akimat-almaty') } })).statusCode, 404);
  });

  test('Telegram links need a bot: a clear 409 without TELEGRAM_BOT_TOKEN', async () => {
    const a = await register();
    const res = await env.app.inject({ method: 'POST', url: `/api/v1/track/${a.number}/telegram`, payload: { code: a.accessCode } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'TELEGRAM_NOT_CONFIGURED');
  });
});

describe('the tracking page shows every message sent to the applicant', () => {
  test('by number and access code, oldest first, the code itself masked; a reminder only once its time has come', async () => {
    const a = await register({ language: 'kk' });
    await env.ctx.db.transaction().execute(async (tx) => {
      await queueNotification(tx, { appealId: a.id, recipientKind: 'applicant', template: 'appeal.info_requested', channel: 'email', language: 'kk', address: 'aigerim@example.kz', payload: { number: a.number, text: 'Ауланың фотосуретін жіберіңіз.' }, at: new Date(env.clock.now().getTime() + 1000) });
      await queueNotification(tx, { appealId: a.id, recipientKind: 'applicant', template: 'reception.reminder', channel: 'sms', language: 'kk', address: '+77011234567', payload: { number: a.number, startsAt: '2026-12-10T05:00:00Z' }, at: env.clock.now(), sendAfter: new Date('2026-12-07T05:00:00Z') });
    });
    const res = await env.app.inject({ url: `/api/v1/track/${a.number}/messages?code=${a.accessCode}` });
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items;
    assert.deepEqual(items.map((i: { subject: string }) => i.subject), [`Өтініш № ${a.number} тіркелді`, `Өтініш № ${a.number}: қосымша мәліметтер қажет`]);
    assert.ok(items[1].text.includes('Ауланың фотосуретін жіберіңіз.'));
    assert.ok(!items[0].text.includes(a.accessCode));
    assert.equal((await env.app.inject({ url: `/api/v1/track/${a.number}/messages?code=WRONGCODE2` })).statusCode, 404);
    env.clock.set('2026-12-07T05:00:01Z');
    const later = (await env.app.inject({ url: `/api/v1/track/${a.number}/messages?code=${a.accessCode}` })).json();
    assert.equal(later.items.length, 3);
    env.clock.set('2026-11-25T05:00:00Z');
  });
});

describe('staff preferences', () => {
  test('e-mail and the digest by default; the digest can be turned off', async () => {
    const cookie = await env.login('deputy', 'akimat-astana');
    const get = await env.app.inject({ url: '/api/v1/me/preferences', headers: { cookie } });
    assert.deepEqual(get.json(), { channel: 'email', digest: true, telegramLinked: false, telegramLinkedAt: null });
    const put = await env.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie }, payload: { digest: false } });
    assert.equal(put.statusCode, 200);
    assert.equal((await env.app.inject({ url: '/api/v1/me/preferences', headers: { cookie } })).json().digest, false);
    assert.equal((await env.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie }, payload: { channel: 'sms' } })).statusCode, 400);
    await env.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie }, payload: { digest: true } });
  });

  test('the OpenAPI document lists the delivery endpoints', async () => {
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    for (const p of ['/api/v1/outbox', '/api/v1/outbox/{id}/retry', '/api/v1/track/{number}/messages', '/api/v1/track/{number}/telegram', '/api/v1/me/preferences', '/api/v1/me/telegram', '/api/v1/letters', '/api/v1/letters/{id}/pdf', '/api/v1/letters/{id}/printed', '/api/v1/letters/{id}/posted']) assert.ok(doc.paths[p], p);
  });
});

describe('staff alerts', () => {
  const staffNotes = (userEmail: string, template: string) =>
    env.ctx.db
      .selectFrom('notification as n')
      .innerJoin('staffUser as u', 'u.id', 'n.recipientUserId')
      .select(['n.id', 'n.appealId', 'n.payload', 'n.channel', 'n.address', 'n.language'])
      .where('u.email', '=', userEmail)
      .where('n.template', '=', template)
      .execute();
  const act = async (role: string, id: string, what: string, payload: object) => {
    const res = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/${what}`, headers: { cookie: await env.login(role, 'akimat-astana') }, payload });
    assert.ok(res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);
  };

  test('assignment tells the executor; due soon, then overdue escalating executor -> deputy -> head; each once', async () => {
    env.clock.set('2026-11-25T05:00:00Z');
    const a = await register();
    const executor = await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
    await act('comms_officer', a.id, 'triage', { competence: 'own', unitId: executor.unitId });
    await act('comms_officer', a.id, 'assign', { executorId: executor.id });
    const assigned = (await staffNotes('executor@akimat-astana.example.kz', 'staff.assigned')).filter((n) => n.appealId === a.id);
    assert.equal(assigned.length, 1);
    assert.equal(assigned[0].channel, 'email');
    assert.equal(assigned[0].address, 'executor@akimat-astana.example.kz');

    const { legalDueAt } = await env.ctx.db.selectFrom('appeal').select('legalDueAt').where('id', '=', a.id).executeTakeFirstOrThrow();
    const worker = createDeliveryWorker(env.ctx, { log: () => {} });
    const count = async (email: string, template: string) => (await staffNotes(email, template)).filter((n) => n.appealId === a.id).length;

    // A day before the term ends: due soon, to the executor, once however often the sweep runs.
    env.clock.set(new Date(legalDueAt!.getTime() - 86_400_000));
    await worker.sweep();
    await worker.sweep();
    assert.equal(await count('executor@akimat-astana.example.kz', 'staff.due_soon'), 1);
    assert.equal(await count('executor@akimat-astana.example.kz', 'staff.overdue'), 0);

    // Just past the term: overdue, the executor only.
    env.clock.set(new Date(legalDueAt!.getTime() + 60_000));
    await worker.sweep();
    assert.equal(await count('executor@akimat-astana.example.kz', 'staff.overdue'), 1);
    assert.equal(await count('deputy@akimat-astana.example.kz', 'staff.overdue'), 0);

    // A working day later: the deputy (no unit head in the demo); two: the head.
    const day1 = endOfAlmatyDay(await addWorkingDays(env.ctx, almatyDate(legalDueAt!), 1));
    env.clock.set(new Date(day1.getTime() + 60_000));
    await worker.sweep();
    assert.equal(await count('deputy@akimat-astana.example.kz', 'staff.overdue'), 1);
    assert.equal(await count('head@akimat-astana.example.kz', 'staff.overdue'), 0);
    const day2 = endOfAlmatyDay(await addWorkingDays(env.ctx, almatyDate(legalDueAt!), 2));
    env.clock.set(new Date(day2.getTime() + 60_000));
    await worker.sweep();
    await worker.sweep();
    assert.equal(await count('head@akimat-astana.example.kz', 'staff.overdue'), 1);
    assert.equal(await count('executor@akimat-astana.example.kz', 'staff.overdue'), 1, 'never twice');
    const [toHead] = (await staffNotes('head@akimat-astana.example.kz', 'staff.overdue')).filter((n) => n.appealId === a.id);
    assert.equal((toHead.payload as { level: number }).level, 2);
    assert.equal((toHead.payload as { executorName: string }).executorName, 'executor (akimat-astana)');
    await worker.stop();
    env.clock.set('2026-11-25T05:00:00Z');
  });

  test('the daily digest goes at 09:00 Almaty on a working day, once, to those with something due, unless turned off', async () => {
    env.clock.set('2026-11-25T05:00:00Z');
    const a = await register();
    const executor = await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
    await act('comms_officer', a.id, 'triage', { competence: 'own', unitId: executor.unitId });
    await act('comms_officer', a.id, 'assign', { executorId: executor.id });
    await env.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie: await env.login('head', 'akimat-astana') }, payload: { digest: false } });
    const { legalDueAt } = await env.ctx.db.selectFrom('appeal').select('legalDueAt').where('id', '=', a.id).executeTakeFirstOrThrow();
    // The last day of the term (a working day), 08:59 and 09:00 in Almaty (UTC+5).
    const dueDay = almatyDate(legalDueAt!);
    const worker = createDeliveryWorker(env.ctx, { log: () => {} });
    const digests = (email: string) => staffNotes(email, 'staff.digest');
    env.clock.set(`${dueDay}T03:59:00Z`);
    await worker.sweep();
    assert.equal((await digests('executor@akimat-astana.example.kz')).length, 0, 'not before 09:00');
    env.clock.set(`${dueDay}T04:00:00Z`);
    await worker.sweep();
    await worker.sweep();
    const mine = await digests('executor@akimat-astana.example.kz');
    assert.equal(mine.length, 1, 'once a day');
    const p = mine[0].payload as { dueSoon: number; overdue: number; items: Array<{ number: string }> };
    assert.ok(p.items.some((i) => i.number === a.number));
    assert.ok(p.dueSoon >= 1);
    assert.equal((await digests('deputy@akimat-astana.example.kz')).length, 1, 'the deputy watches the body');
    assert.equal((await digests('head@akimat-astana.example.kz')).length, 0, 'the head turned it off');
    await worker.stop();
    env.clock.set('2026-11-25T05:00:00Z');
  });
});
