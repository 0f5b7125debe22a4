// The telephony contract walked as a PBX and the staff would: real HTTP (fetch against a
// listening server) for the CTI events, JSON and form-encoded, then the calls API.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { citizenAppeal, createTestEnv, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let base: string;
let token: string;
let line: { callCentre: string; trustPhone: string };
const NOW = '2026-11-25T05:00:00Z'; // Wednesday, 10:00 in Almaty

before(async () => {
  env = await createTestEnv({ now: NOW, env: { TYNDAU_SECRET_KEY: Buffer.alloc(32, 3).toString('base64') } });
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  const res = await api('GET', '/cti/token', 'admin');
  assert.equal(res.statusCode, 200, res.body);
  token = res.json().token;
  const lines = (await api('GET', '/cti/lines', 'admin')).json().items as Array<{ number: string; channel: string }>;
  line = { callCentre: lines.find((l) => l.channel === 'call_centre')!.number, trustPhone: lines.find((l) => l.channel === 'trust_phone')!.number };
});
after(() => env.close());

async function api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, role?: string, payload?: unknown, body = 'akimat-astana') {
  return env.app.inject({ method, url: `/api/v1${url}`, headers: role ? { cookie: await env.login(role, body) } : {}, ...(payload ? { payload: payload as object } : {}) });
}

/** What a PBX connector does: POST the event as JSON (or as a form). */
async function cti(event: Record<string, string | string[]>, opts: { form?: boolean; tok?: string } = {}) {
  let body: string;
  let type: string;
  if (opts.form) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(event)) for (const one of Array.isArray(v) ? v : [v]) p.append(Array.isArray(v) ? `${k}[]` : k, one);
    body = p.toString();
    type = 'application/x-www-form-urlencoded';
  } else {
    body = JSON.stringify(event);
    type = 'application/json';
  }
  const res = await fetch(`${base}/api/v1/cti/${opts.tok ?? token}`, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const callRow = (callId: string) => env.ctx.db.selectFrom('call').selectAll().where('callId', '=', callId).executeTakeFirstOrThrow();
const countCalls = async () => Number((await env.ctx.db.selectFrom('call').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const tick = (s: number) => env.clock.advance(s * 1000);

async function callByCallId(callId: string, role = 'operator') {
  const row = await callRow(callId);
  const res = await api('GET', `/calls/${row.id}`, role);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('CTI events from a PBX', () => {
  test('a call rings, is answered and hung up: times, wait, talk, agent (JSON)', async () => {
    // The caller wrote before (typed with spaces), and on the trust phone too.
    const earlier = await api('POST', '/appeals', 'operator', citizenAppeal(await env.bodyId('akimat-astana'), { channel: 'call_centre', topicCode: 'roads_transport.potholes', applicant: { type: 'individual', name: 'Ерлан Жұмабаев', phone: '+7 701 555 01 02' }, preferredAnswer: 'sms' }));
    assert.equal(earlier.statusCode, 201, earlier.body);
    const secret = await api('POST', '/appeals', 'operator', citizenAppeal(await env.bodyId('akimat-astana'), { channel: 'trust_phone', applicant: { type: 'individual', name: 'Ерлан Жұмабаев', phone: '+77015550102' }, preferredAnswer: 'sms' }));
    assert.equal(secret.statusCode, 201, secret.body);
    tick(60);
    const ev = { callId: 'c-json-1', from: '+7 701 555 01 02', to: line.callCentre, direction: 'in' };
    assert.deepEqual((await cti({ ...ev, event: 'newCall', user: ['Айгүл', 'Ерлан'], queue: 'general' })).json, {});
    tick(12);
    assert.deepEqual((await cti({ ...ev, event: 'answer', user: 'Айгүл', answeringNumber: '201' })).json, {});
    tick(95);
    assert.deepEqual((await cti({ ...ev, event: 'hangup', cause: 'normalClearing' })).json, {});
    const call = await callByCallId('c-json-1');
    assert.equal(call.state, 'ended');
    assert.equal(call.channel, 'call_centre');
    assert.equal(call.direction, 'in');
    assert.equal(call.callerNumber, '+77015550102');
    assert.equal(call.lineNumber, line.callCentre);
    assert.equal(call.waitSeconds, 12);
    assert.equal(call.talkSeconds, 95);
    assert.equal(call.agent, 'Айгүл');
    assert.equal(call.queue, 'general');
    assert.equal(call.cause, 'normalClearing');
    assert.equal(call.startedAt, new Date(new Date(NOW).getTime() + 60_000).toISOString());
    assert.equal(call.callback, null);
    // The screen pop: the caller's call-centre appeal, never the trust-phone one.
    assert.deepEqual(call.earlierAppeals.map((a: { id: string }) => a.id), [earlier.json().id]);
    assert.equal(call.earlierAppeals[0].topicCode, 'roads_transport.potholes');
  });

  test('form-encoded events as Zammad connectors send them (user[]), and a repeated event changes nothing', async () => {
    const ev = { callId: 'c-form-1', from: '87015550177', to: line.callCentre, direction: 'in' };
    assert.equal((await cti({ ...ev, event: 'newCall', user: ['A', 'B'] }, { form: true })).status, 200);
    tick(5);
    assert.equal((await cti({ ...ev, event: 'answer', user: ['B'] }, { form: true })).status, 200);
    const once = await callRow('c-form-1');
    tick(30);
    // The PBX retries: the same newCall and answer again.
    await cti({ ...ev, event: 'newCall', user: ['A', 'B'] }, { form: true });
    await cti({ ...ev, event: 'answer', user: ['A'] }, { form: true });
    const twice = await callRow('c-form-1');
    assert.deepEqual(twice, once);
    assert.equal(twice.agent, 'B');
    assert.equal(twice.state, 'answered');
    assert.equal(twice.callerNumber, '77015550177');
    tick(60);
    await cti({ ...ev, event: 'hangup', cause: 'normalClearing' }, { form: true });
    const ended = await callRow('c-form-1');
    tick(10);
    await cti({ ...ev, event: 'hangup', cause: 'cancel' }, { form: true });
    assert.deepEqual(await callRow('c-form-1'), ended);
    assert.equal(ended.state, 'ended');
  });

  test('a hangup without answer is a missed call in the callback queue; an answer arriving late makes it an answered call', async () => {
    const ev = { callId: 'c-miss-1', from: '+77015550155', to: line.callCentre, direction: 'in' };
    await cti({ ...ev, event: 'newCall' });
    tick(40);
    await cti({ ...ev, event: 'hangup', cause: 'noAnswer' });
    let call = await callByCallId('c-miss-1');
    assert.equal(call.state, 'missed');
    assert.equal(call.waitSeconds, 40);
    assert.equal(call.talkSeconds, null);
    assert.equal(call.callback.source, 'missed');
    assert.equal(call.callback.done, false);
    const queue = (await api('GET', '/calls/callbacks?done=false', 'operator')).json();
    assert.ok(queue.items.some((c: { callId: string }) => c.callId === 'c-miss-1'));

    // Events out of order: hangup first, then newCall, then a (delayed) answer.
    const late = { callId: 'c-order-1', from: '+77015550156', to: line.callCentre, direction: 'in' };
    await cti({ ...late, event: 'hangup', cause: 'cancel' });
    assert.equal((await callRow('c-order-1')).state, 'missed');
    assert.ok((await env.ctx.db.selectFrom('callCallback').select('callId').where('callId', '=', (await callRow('c-order-1')).id).executeTakeFirst()));
    tick(3);
    await cti({ ...late, event: 'newCall' });
    await cti({ ...late, event: 'answer', user: 'Operator 7' });
    call = await callByCallId('c-order-1');
    assert.equal(call.state, 'ended');
    assert.equal(call.talkSeconds, 0);
    assert.equal(call.agent, 'Operator 7');
    assert.equal(call.callback, null, 'an answered call is not called back');
    // A busy caller on a blocked-free line that hangs up after answer is not queued; a normalClearing miss is not either.
    await cti({ callId: 'c-miss-2', from: '+77015550157', to: line.callCentre, direction: 'in', event: 'hangup', cause: 'congestion' });
    assert.equal((await callByCallId('c-miss-2')).callback, null);
  });

  test('a blocked number is rejected busy; a wrong token is 404 and writes nothing; bad input is 400', async () => {
    assert.equal((await api('POST', '/cti/blocks', 'admin', { number: '8 701 555 66 66' })).statusCode, 201);
    assert.equal((await api('POST', '/cti/blocks', 'operator', { number: '+77015556667' })).statusCode, 403);
    const r = await cti({ callId: 'c-block-1', from: '+77015556666', to: line.callCentre, direction: 'in', event: 'newCall' });
    assert.deepEqual(r.json, { action: 'reject', reason: 'busy' });
    await cti({ callId: 'c-block-1', from: '+77015556666', to: line.callCentre, direction: 'in', event: 'hangup', cause: 'busy' });
    assert.equal((await callByCallId('c-block-1')).callback, null, 'a blocked caller is not called back');
    // Another body's block does not reach this body.
    assert.equal((await api('POST', '/cti/blocks', 'admin', { number: '+77015557777' }, 'akimat-almaty')).statusCode, 201);
    assert.deepEqual((await cti({ callId: 'c-block-2', from: '+77015557777', to: line.callCentre, direction: 'in', event: 'newCall' })).json, {});

    const before = await countCalls();
    for (const tok of ['x'.repeat(43), 'short', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')]) {
      const res = await cti({ callId: 'c-wrong', from: '+77015550000', to: line.callCentre, direction: 'in', event: 'newCall' }, { tok });
      assert.equal(res.status, 404);
      assert.equal((res.json.error as { code: string }).code, 'NOT_FOUND');
      const bad = await cti({ callId: 'c-wrong', event: 'bogus' } as Record<string, string>, { tok });
      assert.equal(bad.status, 404, 'a wrong token is 404 whatever the body');
    }
    assert.equal(await countCalls(), before);
    const bad = await cti({ callId: 'c-bad', from: '1', to: line.callCentre, direction: 'sideways', event: 'newCall' });
    assert.equal(bad.status, 400);
    assert.equal((bad.json.error as { code: string }).code, 'VALIDATION_FAILED');
    assert.equal((await cti({ callId: 'c-bad', from: '1', to: line.callCentre, direction: 'in', event: 'hangup', cause: 'exploded' })).status, 400);
    assert.equal((await cti({ from: '1', to: line.callCentre, direction: 'in', event: 'newCall' })).status, 400);
    assert.equal(await countCalls(), before);

    // Rotating: the old token stops at once.
    const rotated = await api('POST', '/cti/token/rotate', 'admin');
    assert.equal(rotated.statusCode, 200);
    const old = token;
    token = rotated.json().token;
    assert.notEqual(token, old);
    assert.equal((await cti({ callId: 'c-rot', from: '+77015550001', to: line.callCentre, direction: 'in', event: 'newCall' }, { tok: old })).status, 404);
    assert.equal((await cti({ callId: 'c-rot', from: '+77015550001', to: line.callCentre, direction: 'in', event: 'newCall' })).status, 200);
    assert.equal((await api('GET', '/cti/token', 'admin')).json().token, token);
    assert.equal((await api('GET', '/cti/token', 'operator')).statusCode, 403);
    const stored = await env.ctx.db.selectFrom('ctiSetting').selectAll().where('bodyId', '=', await env.bodyId('akimat-astana')).executeTakeFirstOrThrow();
    assert.notEqual(stored.tokenHash, token, 'only a hash is stored');
  });
});

describe('what operators make of a call', () => {
  test('a consultation on the first line: an inquiry of the line’s channel, explained and closed, linked to the call', async () => {
    const ev = { callId: 'c-cons-1', from: '+77015550190', to: line.callCentre, direction: 'in' };
    await cti({ ...ev, event: 'newCall' });
    await cti({ ...ev, event: 'answer', user: 'Оператор' });
    const call = await callByCallId('c-cons-1');
    const patched = await api('PATCH', `/calls/${call.id}`, 'operator', { language: 'kk', signLanguage: true });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().language, 'kk');
    assert.equal(patched.json().signLanguage, true);
    const res = await api('POST', `/calls/${call.id}/consultation`, 'operator', { text: 'Балабақша кезегін қалай тексеруге болады?', topicCode: 'education.kindergarten_queue' });
    assert.equal(res.statusCode, 201, res.body);
    const appeal = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', res.json().appeal.id).executeTakeFirstOrThrow();
    assert.equal(appeal.kind, 'inquiry');
    assert.equal(appeal.channel, 'call_centre');
    assert.equal(appeal.status, 'closed');
    assert.equal(appeal.resolution, 'explained');
    assert.equal(appeal.language, 'kk');
    assert.equal(appeal.applicantPhone, '+77015550190');
    const events = await env.ctx.db.selectFrom('appealEvent').select('type').where('appealId', '=', appeal.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['appeal.registered', 'call.consultation', 'appeal.closed']);
    const after = await callByCallId('c-cons-1');
    assert.deepEqual(after.appeals.map((a: { number: string; outcome: string }) => [a.number, a.outcome]), [[appeal.number, 'consultation']]);
    // Executors and analysts do not act on calls.
    assert.equal((await api('POST', `/calls/${call.id}/consultation`, 'executor', { text: 'Вопрос о пенсии' })).statusCode, 403);
    assert.equal((await api('GET', `/calls/${call.id}`, 'executor')).statusCode, 403);
    // Another body's staff get 404.
    assert.equal((await api('GET', `/calls/${call.id}`, 'operator', undefined, 'akimat-almaty')).statusCode, 404);
    assert.equal((await api('POST', `/calls/${call.id}/consultation`, 'operator', { text: 'Вопрос о пенсии' }, 'akimat-almaty')).statusCode, 404);
  });

  test('an appeal and a redirect from a call go through the register and the common process', async () => {
    const ev = { callId: 'c-app-1', from: '+77015550191', to: line.callCentre, direction: 'in' };
    await cti({ ...ev, event: 'newCall' });
    await cti({ ...ev, event: 'answer' });
    const call = await callByCallId('c-app-1');
    const applicant = { type: 'individual', name: 'Марат Искаков', phone: '+77015550191' };
    const res = await api('POST', `/calls/${call.id}/appeal`, 'operator', { kind: 'complaint', text: 'Во дворе не работает освещение уже неделю.', topicCode: 'improvement.lighting', applicant, preferredAnswer: 'sms' });
    assert.equal(res.statusCode, 201, res.body);
    assert.match(res.json().appeal.accessCode, /^[2-9A-Z]{10}$/);
    const a = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', res.json().appeal.id).executeTakeFirstOrThrow();
    assert.equal(a.channel, 'call_centre');
    assert.equal(a.status, 'registered');
    // Bad input changes nothing.
    assert.equal((await api('POST', `/calls/${call.id}/appeal`, 'operator', { kind: 'nonsense', text: 'x', applicant, preferredAnswer: 'sms' })).statusCode, 400);

    const health = await env.bodyId('min-health');
    const red = await api('POST', `/calls/${call.id}/redirect`, 'operator', { bodyId: health, kind: 'complaint', text: 'В поликлинике нет инсулина второй месяц.', applicant, preferredAnswer: 'sms', reason: 'Лекарственное обеспечение — компетенция Минздрава' });
    assert.equal(red.statusCode, 201, red.body);
    const orig = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', red.json().appeal.id).executeTakeFirstOrThrow();
    assert.equal(orig.status, 'redirected');
    assert.equal(orig.channel, 'call_centre');
    assert.equal(red.json().redirectedTo.bodyId, health);
    const copy = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', red.json().redirectedTo.appealId).executeTakeFirstOrThrow();
    assert.equal(copy.redirectedFromId, orig.id);
    assert.equal(copy.bodyId, health);
    const after = await callByCallId('c-app-1');
    assert.deepEqual(after.appeals.map((x: { outcome: string }) => x.outcome).sort(), ['appeal', 'redirect']);
    // The next call of this caller shows both in the screen pop.
    await cti({ callId: 'c-app-2', from: '87015550191', to: line.callCentre, direction: 'in', event: 'newCall' });
    const next = await callByCallId('c-app-2');
    assert.deepEqual(next.earlierAppeals.map((x: { id: string }) => x.id).sort(), [a.id, orig.id].sort());
  });

  test('trust phone: the number is the ethics commissioner’s alone, no screen pop, identity only through the commissioner', async () => {
    const ev = { callId: 'c-trust-1', from: '+77015550102', to: line.trustPhone, direction: 'in' };
    await cti({ ...ev, event: 'newCall' });
    await cti({ ...ev, event: 'answer' });
    await cti({ ...ev, event: 'hangup', cause: 'normalClearing' });
    for (const role of ['operator', 'comms_officer', 'head', 'deputy']) {
      const c = await callByCallId('c-trust-1', role);
      assert.equal(c.callerNumber, null, role);
      assert.deepEqual(c.earlierAppeals, [], role);
    }
    const ec = await callByCallId('c-trust-1', 'ethics_commissioner');
    assert.equal(ec.callerNumber, '+77015550102');
    assert.deepEqual(ec.earlierAppeals, [], 'no earlier appeals are looked up on the trust phone');
    assert.equal(ec.channel, 'trust_phone');
    // Nobody but the commissioner finds the call by its number.
    const search = (await api('GET', '/calls?caller=%2B77015550102', 'operator')).json();
    assert.ok(!search.items.some((c: { callId: string }) => c.callId === 'c-trust-1'));
    const list = (await api('GET', '/calls?line=' + encodeURIComponent(line.trustPhone), 'operator')).json();
    assert.ok(list.items.every((c: { callerNumber: string | null }) => c.callerNumber === null));

    const named = { kind: 'message', text: 'Сообщаю о вымогательстве взятки в отделе.', applicant: { type: 'individual', name: 'Иван Петров', phone: '+77015550102' }, preferredAnswer: 'sms' };
    assert.equal((await api('POST', `/calls/${ec.id}/appeal`, 'operator', named)).statusCode, 403);
    assert.equal((await api('POST', `/calls/${ec.id}/callback`, 'operator', { dueAt: '2026-11-25T09:00:00Z' })).statusCode, 403);
    const anon = await api('POST', `/calls/${ec.id}/appeal`, 'operator', { ...named, applicant: { type: 'anonymous' }, preferredAnswer: 'portal' });
    assert.equal(anon.statusCode, 201, anon.body);
    const byEc = await api('POST', `/calls/${ec.id}/appeal`, 'ethics_commissioner', named);
    assert.equal(byEc.statusCode, 201, byEc.body);
    const a = await env.ctx.db.selectFrom('appeal').select(['channel', 'applicantName']).where('id', '=', byEc.json().appeal.id).executeTakeFirstOrThrow();
    assert.equal(a.channel, 'trust_phone');
    // A consultation on the trust phone is anonymous by default.
    const cons = await api('POST', `/calls/${ec.id}/consultation`, 'operator', { text: 'Куда сообщить о коррупции?' });
    assert.equal(cons.statusCode, 201, cons.body);
    const c = await env.ctx.db.selectFrom('appeal').select(['applicantType', 'applicantPhone']).where('id', '=', cons.json().appeal.id).executeTakeFirstOrThrow();
    assert.deepEqual(c, { applicantType: 'anonymous', applicantPhone: null });
  });

  test('callbacks: scheduled, attempted, done; the queue lists what is open', async () => {
    const ev = { callId: 'c-cb-1', from: '+77015550192', to: line.callCentre, direction: 'in' };
    await cti({ ...ev, event: 'newCall' });
    tick(20);
    await cti({ ...ev, event: 'hangup', cause: 'cancel' });
    const call = await callByCallId('c-cb-1');
    const sched = await api('POST', `/calls/${call.id}/callback`, 'operator', { dueAt: '2026-11-25T08:00:00Z', note: 'перезвонить после обеда' });
    assert.equal(sched.statusCode, 200, sched.body);
    assert.equal(sched.json().callback.dueAt, '2026-11-25T08:00:00.000Z');
    let r = await api('POST', `/calls/${call.id}/callback/attempts`, 'operator', { outcome: 'no_answer' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().callback.done, false);
    r = await api('POST', `/calls/${call.id}/callback/attempts`, 'operator', { outcome: 'reached', note: 'вопрос решён' });
    assert.equal(r.json().callback.done, true);
    assert.deepEqual(r.json().callback.attempts.map((a: { outcome: string }) => a.outcome), ['no_answer', 'reached']);
    assert.equal((await api('POST', `/calls/${call.id}/callback/attempts`, 'operator', { outcome: 'busy' })).statusCode, 409);
    assert.equal((await api('POST', `/calls/${call.id}/callback/attempts`, 'operator', { outcome: 'maybe' })).statusCode, 400);
    const open = (await api('GET', '/calls/callbacks', 'operator')).json();
    assert.ok(!open.items.some((c: { callId: string }) => c.callId === 'c-cb-1'));
    const done = (await api('GET', '/calls/callbacks?done=true', 'operator')).json();
    assert.ok(done.items.some((c: { callId: string }) => c.callId === 'c-cb-1'));
  });

  test('the list: newest first by keyset, filters by state and line; the weekly figures', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ startedAt: string }>; nextCursor: string | null } = (await api('GET', `/calls?limit=3${cursor ? `&cursor=${cursor}` : ''}`, 'head')).json();
      all.push(...page.items.map((c: { startedAt: string }) => c.startedAt));
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(all.length >= 10);
    assert.deepEqual([...all].sort().reverse(), all);
    const missed = (await api('GET', '/calls?state=missed', 'operator')).json();
    assert.ok(missed.items.length > 0 && missed.items.every((c: { state: string }) => c.state === 'missed'));
    assert.equal((await api('GET', '/calls?state=lost', 'operator')).statusCode, 400);
    for (const bad of [Buffer.from('["x","y"]').toString('base64url'), Buffer.from('["2026-11-25T05:00:00Z","not-a-uuid"]').toString('base64url'), 'garbage']) {
      assert.equal((await api('GET', `/calls?cursor=${bad}`, 'operator')).statusCode, 400, bad);
      assert.equal((await api('GET', `/calls/callbacks?cursor=${bad}`, 'operator')).statusCode, 400, bad);
    }
    assert.equal((await api('GET', '/calls/not-a-uuid', 'operator')).statusCode, 400);
    assert.equal((await api('GET', '/calls/00000000-0000-4000-8000-000000000000', 'operator')).statusCode, 404);
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/cti/{token}', '/api/v1/calls', '/api/v1/calls/{id}/consultation', '/api/v1/calls/{id}/redirect', '/api/v1/calls/stats', '/api/v1/cti/lines/{id}']) assert.ok(doc.paths[path], path);
    assert.equal((await api('GET', '/calls', 'analyst', undefined, 'min-info')).statusCode, 403);
    assert.equal((await api('GET', '/calls')).statusCode, 401);

    const stats = await api('GET', '/calls/stats?groupBy=channel', 'head');
    assert.equal(stats.statusCode, 200, stats.body);
    const s = stats.json();
    assert.equal(s.groupBy, 'channel');
    const cc = s.rows.find((r: { key: string }) => r.key === 'call_centre');
    const tp = s.rows.find((r: { key: string }) => r.key === 'trust_phone');
    assert.equal(s.total.calls, cc.calls + tp.calls);
    assert.ok(cc.missed >= 3);
    assert.ok(cc.abandoned >= 1);
    assert.equal(cc.consultations, 1);
    assert.equal(cc.appeals, 2);
    assert.equal(cc.callbacksDone, 1);
    // Call c-cons-1 was settled by a consultation, c-app-1 needed an appeal: 1 of 2.
    assert.equal(cc.firstCallResolutionRate, 0.5);
    assert.equal(tp.firstCallResolutionRate, 0); // the trust-phone call also got appeals
    const byAgent = (await api('GET', '/calls/stats?groupBy=agent&from=2026-11-19&to=2026-11-25', 'operator')).json();
    assert.ok(byAgent.rows.some((r: { key: string; talkSeconds?: number; avgTalkSeconds: number }) => r.key === 'Айгүл' && r.avgTalkSeconds === 95));
    const byDay = (await api('GET', '/calls/stats?groupBy=day', 'operator')).json();
    assert.deepEqual(byDay.rows.map((r: { key: string }) => r.key), ['2026-11-25']);
    assert.equal((await api('GET', '/calls/stats?groupBy=mood', 'operator')).statusCode, 400);
    assert.equal((await api('GET', '/calls/stats?from=2026-13-01', 'operator')).statusCode, 400);
  });

  test('lines: the administrator adds and removes them; the line called decides the channel', async () => {
    const add = await api('POST', '/cti/lines', 'admin', { number: '+7 7172 55-99-01', channel: 'contact_centre', language: 'en' });
    assert.equal(add.statusCode, 201, add.body);
    assert.equal(add.json().number, '+77172559901');
    assert.equal((await api('POST', '/cti/lines', 'admin', { number: '87172559901', channel: 'call_centre' })).statusCode, 409);
    assert.equal((await api('POST', '/cti/lines', 'admin', { number: '87172559902', channel: 'fax' })).statusCode, 400);
    assert.equal((await api('POST', '/cti/lines', 'operator', { number: '87172559903', channel: 'call_centre' })).statusCode, 403);
    await cti({ callId: 'c-line-1', from: '+77015550193', to: '87172559901', direction: 'in', event: 'newCall' });
    const c = await callByCallId('c-line-1');
    assert.equal(c.channel, 'contact_centre');
    assert.equal(c.language, 'en');
    // Another body's admin cannot remove it; its own can, and the call keeps its channel.
    assert.equal((await api('DELETE', `/cti/lines/${add.json().id}`, 'admin', undefined, 'akimat-almaty')).statusCode, 404);
    assert.equal((await api('DELETE', `/cti/lines/${add.json().id}`, 'admin')).statusCode, 204);
    assert.equal((await callByCallId('c-line-1')).channel, 'contact_centre');
    // An outbound call: the line is `from`, the caller is `to`.
    await cti({ callId: 'c-out-1', from: line.callCentre, to: '+77015550194', direction: 'out', event: 'newCall' });
    const out = await callByCallId('c-out-1');
    assert.equal(out.direction, 'out');
    assert.equal(out.callerNumber, '+77015550194');
    assert.equal(out.lineNumber, line.callCentre);
  });
});
