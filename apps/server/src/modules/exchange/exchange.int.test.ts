// The exchange against the stand-in national system (tools/exchange-peer) over real HTTP:
// inbound idempotent and signed, outbound through the outbox with an outage and a replay,
// own appeals registered in E-Otinish, the reconciliation and the duplicates.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { citizenAppeal, createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { startPeer, signBody, type Peer } from '../../../../../tools/exchange-peer/peer.ts';
import { addSystem, listSystems, removeSystem } from './systems.ts';
import { createExchangeWorker, SimulatedCrash, type ExchangeWorker } from './exchange-worker.ts';
import { findDuplicates } from './duplicates.ts';

const SECRET = 'eotinish-shared-secret-0123456789';
let env: TestEnv;
let peer: Peer;
let worker: ExchangeWorker;
/** The type of the next event whose delivery "crashes" after the peer took it and before Tyndau recorded it. */
let crashOn: string | null = null;

before(async () => {
  env = await createTestEnv();
  const base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  peer = await startPeer({ system: 'eotinish', secret: SECRET, tyndauUrl: base });
  await addSystem(env.ctx, { system: 'eotinish', secret: SECRET, url: peer.url });
  worker = createExchangeWorker(env.ctx, {
    log: () => {},
    afterSend: (row) => {
      if (crashOn && row.payload.type === crashOn) {
        crashOn = null;
        throw new SimulatedCrash();
      }
    },
  });
});
after(async () => {
  await peer.close();
  await env.close();
});

const APPLICANT = { type: 'individual', name: 'Айгерим Садыкова', iin: '880516300374', email: 'aigerim@example.kz' };
const TEXT = 'Во дворе дома по улице Абая, 10 третью неделю не вывозят мусор. Прошу принять меры.';
const appealFields = (over: Record<string, unknown> = {}) => ({ bodyCode: 'akimat-astana', kind: 'complaint', text: TEXT, applicant: APPLICANT, preferredAnswer: 'email', receivedAt: '2026-11-24T06:00:00Z', ...over });

const countAppeals = async () => Number((await env.ctx.db.selectFrom('appeal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const act = async (role: string, id: string, action: string, payload?: unknown) => {
  const res = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/${action}`, headers: { cookie: await env.login(role, 'akimat-astana') }, ...(payload ? { payload: payload as object } : {}) });
  assert.ok(res.statusCode < 300, `${action}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const staff = async (method: 'GET' | 'POST' | 'PUT', url: string, role: string, payload?: unknown, bodyCode = 'akimat-astana') =>
  env.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await env.login(role, bodyCode) }, ...(payload ? { payload: payload as object } : {}) });
const post = (raw: string, signature?: string) =>
  env.app.inject({ method: 'POST', url: '/api/exchange/v1/appeals', headers: { 'content-type': 'application/json', ...(signature ? { 'x-tyndau-signature': signature } : {}) }, payload: raw });

describe('inbound: POST /api/exchange/v1/appeals', () => {
  test('an appeal filed by E-Otinish enters the register with its channel and external number; the same one again is the same {id, number}', async () => {
    const first = await peer.file({ ...appealFields(), externalId: 'eo-1001', externalNumber: 'ЕО-2026-1001' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const a = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', first.body.id!).executeTakeFirstOrThrow();
    assert.equal(a.channel, 'eotinish');
    assert.equal(a.number, first.body.number);
    assert.equal(a.receivedAt.toISOString(), '2026-11-24T06:00:00.000Z');
    const link = await env.ctx.db.selectFrom('exchangeLink').selectAll().where('appealId', '=', a.id).executeTakeFirstOrThrow();
    assert.deepEqual([link.system, link.externalId, link.externalNumber, link.direction], ['eotinish', 'eo-1001', 'ЕО-2026-1001', 'inbound']);
    // The national system tells the applicant its number: Tyndau queues no second receipt.
    assert.equal((await env.ctx.db.selectFrom('notification').select('id').where('appealId', '=', a.id).execute()).length, 0);

    const n = await countAppeals();
    const again = await peer.file({ ...appealFields(), externalId: 'eo-1001', externalNumber: 'ЕО-2026-1001' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { id: a.id, number: a.number });
    // Ten at the same instant: one appeal, one answer for all.
    const racing = await Promise.all(Array.from({ length: 10 }, () => peer.file({ ...appealFields(), externalId: 'eo-1002', externalNumber: 'ЕО-2026-1002' })));
    assert.equal(new Set(racing.map((r) => r.body.id)).size, 1);
    assert.ok(racing.every((r) => r.status === 200 || r.status === 201));
    assert.equal(racing.filter((r) => r.status === 201).length, 1);
    assert.equal(await countAppeals(), n + 1);
  });

  test('a missing, wrong or foreign signature is 401 and writes nothing; the answer itself is signed', async () => {
    const raw = JSON.stringify({ system: 'eotinish', externalId: 'eo-2001', externalNumber: 'ЕО-2001', ...appealFields() });
    const n = await countAppeals();
    for (const res of [
      await post(raw),
      await post(raw, 'sha256=' + '0'.repeat(64)),
      await post(raw, signBody('another-secret-of-someone-else', raw)),
      await post(raw, signBody(SECRET, raw).replace('sha256=', 'md5=')),
      await post(raw.replace('Абая', 'Абая '), signBody(SECRET, raw)), // a body changed on the way
      await post(raw.replace('"eotinish"', '"egov"'), signBody(SECRET, raw.replace('"eotinish"', '"egov"'))), // egov not configured
      await post('{not json', signBody('x', '{not json')),
    ]) {
      assert.equal(res.statusCode, 401, res.body);
      assert.equal(res.json().error.code, 'EXCHANGE_SIGNATURE_INVALID');
    }
    assert.equal(await countAppeals(), n);
    assert.equal(await env.ctx.db.selectFrom('exchangeLink').select('appealId').where('externalId', '=', 'eo-2001').executeTakeFirst(), undefined);

    // Signed but malformed: 400 and nothing written.
    const bad = JSON.stringify({ system: 'eotinish', externalId: 'eo-2002', externalNumber: 'x', ...appealFields({ kind: 'wish' }) });
    assert.equal((await post(bad, signBody(SECRET, bad))).statusCode, 400);
    const unknownBody = JSON.stringify({ system: 'eotinish', externalId: 'eo-2003', externalNumber: 'x', ...appealFields({ bodyCode: 'no-such-body' }) });
    assert.equal((await post(unknownBody, signBody(SECRET, unknownBody))).statusCode, 404);
    assert.equal(await countAppeals(), n);

    const ok = await post(raw, signBody(SECRET, raw));
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.headers['x-tyndau-signature'], signBody(SECRET, ok.body));
  });

  test('the secret is kept sealed and never listed', async () => {
    const row = await env.ctx.db.selectFrom('exchangeSystem').selectAll().where('system', '=', 'eotinish').executeTakeFirstOrThrow();
    assert.ok(!row.secretSealed.includes(SECRET));
    assert.ok(!JSON.stringify(await listSystems(env.ctx)).includes(SECRET));
    const settings = await staff('GET', '/exchange/settings', 'admin');
    assert.equal(settings.statusCode, 200);
    assert.ok(!settings.body.includes(SECRET));
    assert.equal((await staff('GET', '/exchange/settings', 'operator')).statusCode, 403);
  });
});

describe('outbound: events back to E-Otinish through the outbox', () => {
  test('triage, extension and the signed answer reach the peer in order, each once; an outage loses nothing; a replay is applied once', async () => {
    const filed = await peer.file({ ...appealFields(), externalId: 'eo-3001', externalNumber: 'ЕО-3001' });
    const id = filed.body.id!;
    const executor = await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
    await act('comms_officer', id, 'triage', { competence: 'own', unitId: executor.unitId });
    await worker.drain();
    await peer.until(() => peer.appeals.get('eo-3001')!.status === 'in_work');

    // The national system is down: the extension waits in the outbox, retried with back-off.
    peer.setOutage('503');
    await act('head', id, 'extend', { until: '2027-01-20', reason: 'Нужна экспертиза подрядчика' });
    await worker.drain();
    const waiting = await env.ctx.db.selectFrom('exchangeOutbound').selectAll().where('appealId', '=', id).where('status', '=', 'queued').execute();
    assert.equal(waiting.length, 1);
    assert.equal(waiting[0].attempts, 1);
    assert.match(waiting[0].lastError ?? '', /503/);
    assert.ok(waiting[0].nextAttemptAt > env.clock.now());
    peer.setOutage('drop');
    env.clock.advance(1_500);
    await worker.drain();
    assert.equal((await env.ctx.db.selectFrom('exchangeOutbound').select('attempts').where('id', '=', waiting[0].id).executeTakeFirstOrThrow()).attempts, 2);
    assert.ok(peer.refusedInOutage >= 2);

    // Back up: the extension goes, then (in order) the answer, which also waited meanwhile.
    await act('comms_officer', id, 'assign', { executorId: executor.id });
    await act('executor', id, 'answer', { text: 'Уважаемая Айгерим! Вывоз мусора возобновлён 26 ноября; подрядчику выставлена претензия.', resolution: 'resolved' });
    await act('head', id, 'sign');
    peer.setOutage(null);
    env.clock.advance(60_000);
    // The first delivery of the answer "crashes" after the peer applied it and before Tyndau recorded it.
    crashOn = 'appeal.answered';
    await worker.drain();
    const events = peer.events.filter((e) => e.externalId === 'eo-3001');
    assert.deepEqual(events.map((e) => e.type), ['appeal.triaged', 'appeal.extended', 'appeal.answered']);
    const stuck = await env.ctx.db.selectFrom('exchangeOutbound').selectAll().where('appealId', '=', id).where('status', '=', 'sending').execute();
    assert.equal(stuck.length, 1, 'the crashed delivery stays claimed until its lease runs out');
    env.clock.advance(61_000);
    await worker.drain();
    assert.equal(peer.replays, 1, 'sent again after the lease, answered as a replay');
    assert.deepEqual(peer.events.filter((e) => e.externalId === 'eo-3001').map((e) => e.type), ['appeal.triaged', 'appeal.extended', 'appeal.answered'], 'and applied once');
    const answered = peer.events.find((e) => e.externalId === 'eo-3001' && e.type === 'appeal.answered')!;
    assert.equal(answered.status, 'answered');
    assert.match(answered.answerText ?? '', /Вывоз мусора возобновлён/);
    const rows = await env.ctx.db.selectFrom('exchangeOutbound').select(['status', 'eventId']).where('appealId', '=', id).execute();
    assert.ok(rows.every((r) => r.status === 'sent'));
    assert.equal(peer.badSignatures, 0);

    // The administrator sees the body's queue; another body's administrator does not see it.
    const queue = await staff('GET', '/exchange/outbound', 'admin');
    assert.equal(queue.statusCode, 200);
    assert.ok(queue.json().items.some((i: { number: string; type: string }) => i.number === filed.body.number && i.type === 'appeal.answered'));
    const foreign = await staff('GET', '/exchange/outbound', 'admin', undefined, 'akimat-almaty');
    assert.ok(!foreign.json().items.some((i: { number: string }) => i.number === filed.body.number));
  });

  test('a body that chose it registers its own appeals in E-Otinish; their events follow; trust-phone appeals never go', async () => {
    assert.equal((await staff('PUT', '/exchange/settings', 'operator', { registerOwnInEotinish: true })).statusCode, 403);
    const set = await staff('PUT', '/exchange/settings', 'admin', { registerOwnInEotinish: true });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().registerOwnInEotinish, true);
    const bodyId = await env.bodyId('akimat-astana');
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(bodyId, { text: 'Не работает уличное освещение на улице Кенесары, 5 уже неделю.' }) });
    assert.equal(res.statusCode, 201, res.body);
    const own = res.json();
    const queued = await env.ctx.db.selectFrom('exchangeOutbound').selectAll().where('appealId', '=', own.id).execute();
    assert.equal(queued.length, 1, 'queued by intake');
    await worker.drain();
    const after = await env.ctx.db.selectFrom('exchangeOutbound').selectAll().where('appealId', '=', own.id).execute();
    const there = [...peer.appeals.values()].find((a) => a.appealId === own.id);
    assert.ok(there, `registered at the peer: ${JSON.stringify(after)}`);
    assert.equal(there.origin, 'registered');
    assert.equal(there.number, own.number);
    const link = await env.ctx.db.selectFrom('exchangeLink').selectAll().where('appealId', '=', own.id).executeTakeFirstOrThrow();
    assert.deepEqual([link.direction, link.externalId, link.externalNumber], ['outbound', there.externalId, there.externalNumber]);
    await act('comms_officer', own.id, 'triage', { competence: 'own' });
    await worker.drain();
    assert.equal(peer.appeals.get(there.externalId)!.status, 'in_work');

    // Another body has not chosen it: nothing queued.
    const almaty = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(await env.bodyId('akimat-almaty'), { topicCode: undefined }) });
    assert.equal(almaty.statusCode, 201, almaty.body);
    assert.equal((await env.ctx.db.selectFrom('exchangeOutbound').select('id').where('appealId', '=', almaty.json().id).execute()).length, 0);
    assert.equal((await staff('PUT', '/exchange/settings', 'admin', { registerOwnInEotinish: false })).statusCode, 200);
  });
});

describe('reconciliation and duplicates', () => {
  test('the day is compared: counts per status on both sides and every difference, for the body’s administrator', async () => {
    // One the peer holds that Tyndau never got, and one whose status the peer has wrong.
    peer.appeals.set('eo-lost', { externalId: 'eo-lost', externalNumber: 'ЕО-LOST', bodyCode: 'akimat-astana', receivedAt: '2026-11-24T07:00:00Z', status: 'registered', number: null, appealId: null, origin: 'filed', text: 'x' });
    peer.appeals.get('eo-1001')!.status = 'closed';
    const run = await staff('POST', '/exchange/reconciliation', 'admin', { system: 'eotinish', day: '2026-11-24' });
    assert.equal(run.statusCode, 200, run.body);
    assert.equal(run.json().ok, true, run.body);
    const list = await staff('GET', '/exchange/reconciliation?from=2026-11-24&to=2026-11-24', 'admin');
    assert.equal(list.statusCode, 200);
    const day = list.json().items[0];
    assert.equal(day.day, '2026-11-24');
    const diffs = day.differences as Array<{ externalId: string; kind: string; ours: string | null; theirs: string | null }>;
    assert.deepEqual(diffs.find((d) => d.externalId === 'eo-lost'), { externalId: 'eo-lost', number: null, kind: 'missing_here', ours: null, theirs: 'registered' });
    assert.deepEqual(diffs.find((d) => d.externalId === 'eo-1001')?.kind, 'status');
    // Posted straight to Tyndau in the signature test, never through the peer: the peer lacks it.
    assert.equal(diffs.find((d) => d.externalId === 'eo-2001')?.kind, 'missing_there');
    assert.equal(diffs.length, 3, JSON.stringify(diffs));
    const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    assert.equal(total(day.theirs), total(day.ours));
    // Another body's administrator sees no differences of Astana; others may not look.
    const foreign = await staff('GET', '/exchange/reconciliation?from=2026-11-24&to=2026-11-24', 'admin', undefined, 'akimat-almaty');
    assert.deepEqual(foreign.json().items[0].differences, []);
    assert.equal((await staff('GET', '/exchange/reconciliation?from=2026-11-24&to=2026-11-24', 'comms_officer')).statusCode, 403);

    // The peer is down: the run is recorded as failed with the reason.
    peer.setOutage('503');
    const failed = await staff('POST', '/exchange/reconciliation', 'admin', { system: 'eotinish', day: '2026-11-23' });
    peer.setOutage(null);
    assert.equal(failed.json().ok, false);
    assert.match(failed.json().error, /503/);
  });

  test('the same applicant through E-Otinish and the website within 3 working days, nearly the same text: flagged, listed, dismissed', async () => {
    const bodyId = await env.bodyId('akimat-astana');
    const text = 'Прошу отремонтировать детскую площадку во дворе дома по улице Сыганак, 14: качели сломаны уже месяц.';
    const web = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(bodyId, { text, applicant: { type: 'individual', name: 'Ерлан Ахметов', iin: '900101300027', email: 'erlan@example.kz' } }) });
    assert.equal(web.statusCode, 201, web.body);
    const eo = await peer.file({ ...appealFields({ text: text.replace('уже месяц', 'уже целый месяц'), applicant: { type: 'individual', name: 'Ерлан Ахметов', iin: '900101300027', phone: '+77015550101' }, preferredAnswer: 'sms', receivedAt: env.clock.now().toISOString() }), externalId: 'eo-dup', externalNumber: 'ЕО-DUP' });
    // A different applicant with the same text, and a different text of the same applicant: no flag.
    const other1 = await peer.file({ ...appealFields({ text, applicant: { type: 'individual', name: 'Другой', iin: '880516300374', email: 'other@example.kz' }, receivedAt: env.clock.now().toISOString() }), externalId: 'eo-nodup-1' });
    const other2 = await peer.file({ ...appealFields({ text: 'Совсем о другом: прошу разъяснить порядок получения субсидии на отопление.', applicant: { type: 'individual', name: 'Ерлан Ахметов', iin: '900101300027', phone: '+77015550101' }, preferredAnswer: 'sms', receivedAt: env.clock.now().toISOString() }), externalId: 'eo-nodup-2' });
    assert.deepEqual([eo.status, other1.status, other2.status], [201, 201, 201]);
    const found = await findDuplicates(env.ctx);
    const cand = await env.ctx.db.selectFrom('exchangeDuplicate').selectAll().execute();
    assert.ok(found >= 1, `found ${found}: ${JSON.stringify(cand)}`);
    assert.equal(await findDuplicates(env.ctx), 0, 'a pair is flagged once');
    const list = await staff('GET', '/exchange/duplicates', 'comms_officer');
    assert.equal(list.statusCode, 200, list.body);
    const items = list.json().items as Array<{ id: string; exchanged: { id: string; externalNumber: string }; other: { id: string; channel: string }; similarity: number }>;
    const mine = items.filter((i) => i.exchanged.id === eo.body.id);
    assert.equal(mine.length, 1);
    assert.equal(items.length, 1, 'the other applicant and the other text are not flagged');
    assert.equal(mine[0].other.id, web.json().id);
    assert.equal(mine[0].other.channel, 'website');
    assert.equal(mine[0].exchanged.externalNumber, 'ЕО-DUP');
    assert.ok(mine[0].similarity >= 0.5);

    assert.equal((await staff('GET', '/exchange/duplicates', 'comms_officer', undefined, 'akimat-almaty')).json().items.length, 0, 'another body sees none');
    assert.equal((await staff('GET', '/exchange/duplicates', 'executor')).statusCode, 403);
    assert.equal((await staff('POST', `/exchange/duplicates/${mine[0].id}/dismiss`, 'comms_officer', undefined, 'akimat-almaty')).statusCode, 404);
    assert.equal((await staff('POST', '/exchange/duplicates/abc/dismiss', 'comms_officer')).statusCode, 404);
    const dismissed = await staff('POST', `/exchange/duplicates/${mine[0].id}/dismiss`, 'comms_officer');
    assert.equal(dismissed.statusCode, 200, dismissed.body);
    assert.ok(!(await staff('GET', '/exchange/duplicates', 'comms_officer')).json().items.some((i: { id: string }) => i.id === mine[0].id));
    assert.equal((await staff('GET', '/exchange/duplicates?status=dismissed', 'comms_officer')).json().items[0].id, mine[0].id);
  });

  test('a removed system stops the door at once', async () => {
    await removeSystem(env.ctx, 'eotinish');
    const r = await peer.file({ ...appealFields(), externalId: 'eo-after' });
    assert.equal(r.status, 401);
    await addSystem(env.ctx, { system: 'eotinish', secret: SECRET, url: peer.url });
  });
});
