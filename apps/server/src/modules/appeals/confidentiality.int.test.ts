// A confidential appeal walked as an attacker would: every non-ethics role of
// akimat-astana (and the cross-body readers) goes down every path an appeal leaves the
// server by — card, list, list with a search, events, links, monitoring and statistics,
// outbox, print queue and letter PDF, the complaint from disagreement, the redirect copy,
// the reception follow-up, repeat links both ways, the request log — and finds no part of
// the caller. The ethics commissioner of the body finds it all.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { createDeliveryWorker } from '../notify/delivery-worker.ts';
import { approvedSchedule, book, clearSchedules, slot } from '../reception/reception.fixtures.ts';

let env: TestEnv;
let astana: string;
let almaty: string;

// The caller: the same person writes an ordinary appeal before and after calling the trust phone.
const CALLER = { type: 'individual', name: 'Айгерим Садыкова', iin: '880516300374', email: 'aigerim@example.kz', phone: '+77011234567' };
const ADDRESS = 'Астана, ул. Абая, 10, кв. 25';
const LOCATION = { lat: 51.128207, lon: 71.430411 };
/** Any trace of the caller's identity, address or coordinates in a JSON answer. */
const IDENTITY = /Айгерим|Садыкова|880516300374|aigerim@|1234567|Абая|51\.128|71\.430/;
const ORDINARY_TEXT = 'Во дворе третью неделю не вывозят мусор. Прошу принять меры.';
const REPORT_TEXT = 'Начальник отдела земельных отношений требует вознаграждение за выдачу акта на участок.';

const NON_ETHICS = ['head', 'deputy', 'comms_officer', 'executor', 'operator', 'admin', 'moderator'] as const;
const CROSS_BODY = ['analyst', 'oversight'] as const;
const EVERY_READER: Array<[string, string]> = [...NON_ETHICS.map((r) => [r, 'akimat-astana'] as [string, string]), ...CROSS_BODY.map((r) => [r, 'min-info'] as [string, string])];

let ordinaryBefore: { id: string; number: string; accessCode: string };
let report: { id: string; number: string; accessCode: string };
let ordinaryAfter: { id: string; number: string; accessCode: string };
let attachmentId: string;

const as = async (role: string, body = 'akimat-astana') => ({ cookie: await env.login(role, body) });
const get = async (url: string, role: string, body = 'akimat-astana') => env.app.inject({ url, headers: await as(role, body) });
const post = async (url: string, role: string, payload: object = {}, body = 'akimat-astana') => env.app.inject({ method: 'POST', url, headers: await as(role, body), payload });
const appealRow = (id: string) => env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function drain() {
  const worker = createDeliveryWorker(env.ctx, { log: () => {} });
  await worker.drain();
  await worker.stop();
}

async function register(payload: object, role = 'ethics_commissioner') {
  const res = await post('/api/v1/appeals', role, payload);
  assert.equal(res.statusCode, 201, res.body);
  env.clock.advance(60_000);
  return res.json() as { id: string; number: string; accessCode: string };
}

function assertNoIdentity(value: unknown, where: string) {
  const text = JSON.stringify(value);
  assert.doesNotMatch(text, IDENTITY, `${where}: ${text.match(IDENTITY)?.[0]}`);
}

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  almaty = await env.bodyId('akimat-almaty');
  const upload = await env.app.inject({ method: 'POST', url: '/api/v1/attachments?name=akt.txt', headers: { 'content-type': 'text/plain' }, payload: 'Акт, подписанный Садыковой' });
  assert.equal(upload.statusCode, 201, upload.body);
  attachmentId = upload.json().id;

  ordinaryBefore = (await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: ORDINARY_TEXT, address: ADDRESS, location: LOCATION, applicant: CALLER }) })).json();
  env.clock.advance(60_000);
  report = await register({
    bodyId: astana, kind: 'message', channel: 'trust_phone', text: REPORT_TEXT, topicCode: 'improvement.garbage',
    applicant: CALLER, preferredAnswer: 'paper', address: ADDRESS, location: LOCATION, attachments: [attachmentId],
  });
  const again = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: ORDINARY_TEXT, address: ADDRESS, applicant: CALLER }) });
  assert.equal(again.statusCode, 201, again.body);
  ordinaryAfter = again.json();
  await drain();
});
after(() => env.close());

describe('confidential at intake', () => {
  test('a trust-phone appeal is stored confidential; the ordinary ones are not', async () => {
    assert.equal((await appealRow(report.id)).confidential, true);
    assert.equal((await appealRow(ordinaryBefore.id)).confidential, false);
  });

  test('no repeat link either way: the report does not repeat the earlier appeal, the later appeal repeats the earlier one, not the report', async () => {
    assert.equal((await appealRow(report.id)).repeatOfId, null, 'confidential → ordinary');
    assert.equal((await appealRow(ordinaryAfter.id)).repeatOfId, ordinaryBefore.id, 'ordinary → ordinary, skipping the report');
    for (const role of ['head', 'comms_officer', 'executor', 'ethics_commissioner']) {
      for (const id of [ordinaryBefore.id, ordinaryAfter.id]) {
        const links = await get(`/api/v1/appeals/${id}/links`, role);
        assert.equal(links.statusCode, 200, links.body);
        assert.doesNotMatch(links.body, new RegExp(report.id), `${role}: links of an ordinary appeal lead to the report`);
        const card = await get(`/api/v1/appeals/${id}`, role);
        assert.doesNotMatch(card.body, new RegExp(report.id), `${role}: card of an ordinary appeal names the report`);
      }
    }
  });
});

describe('every reader but the ethics commissioner gets null', () => {
  for (const [role, body] of EVERY_READER) {
    test(`${role}: card (identity, address, coordinates, files, links), events`, async () => {
      const res = await get(`/api/v1/appeals/${report.id}`, role, body);
      assert.equal(res.statusCode, 200, res.body);
      const card = res.json();
      for (const f of ['applicantName', 'applicantIin', 'applicantBin', 'applicantEmail', 'applicantPhone', 'address', 'lat', 'lon', 'attachments', 'repeatOfId']) {
        assert.equal(card[f], null, `${f}: ${JSON.stringify(card[f])}`);
      }
      assert.equal(card.personalDataMasked, true);
      assertNoIdentity(card, `${role} card`);
      assert.ok(card.events.length >= 1, 'the history is there, without identity');
      const file = await get(`/api/v1/appeals/${report.id}/attachments/${attachmentId}`, role, body);
      assert.equal(file.statusCode, 404, 'the attachment does not exist for this reader');
    });

    test(`${role}: list, list with a search, links`, async () => {
      const list = await get('/api/v1/appeals?limit=200', role, body);
      assert.equal(list.statusCode, 200, list.body);
      const item = list.json().items.find((a: { id: string }) => a.id === report.id);
      if (body === 'akimat-astana' || CROSS_BODY.includes(role as never)) assert.ok(item, 'the report is in the list');
      assertNoIdentity(item, `${role} list item`);
      const search = await get(`/api/v1/appeals?q=${encodeURIComponent('вознаграждение')}&bodyId=${astana}`, role, body);
      assert.equal(search.statusCode, 200, search.body);
      const found = search.json().items.find((a: { id: string }) => a.id === report.id);
      assert.ok(found, 'the search finds the report');
      assertNoIdentity(search.json(), `${role} search`);
      const links = await get(`/api/v1/appeals/${report.id}/links`, role, body);
      assert.equal(links.statusCode, 200, links.body);
      assert.deepEqual(links.json().repeats, []);
      assert.equal(links.json().repeatOfId, null);
      assertNoIdentity(links.json(), `${role} links`);
    });

    test(`${role}: monitoring and statistics by every grouping`, async () => {
      const monitoring = await get(`/api/v1/monitoring?bodyId=${astana}`, role, body);
      assert.equal(monitoring.statusCode, 200, monitoring.body);
      assert.ok(monitoring.json().byChannel.some((c: { channel: string; open: number }) => c.channel === 'trust_phone' && c.open >= 1), 'the report is counted');
      assertNoIdentity(monitoring.json(), `${role} monitoring`);
      for (const groupBy of ['channel', 'topic', 'unit', 'resolution', 'body']) {
        const stats = await get(`/api/v1/stats?bodyId=${astana}&groupBy=${groupBy}`, role, body);
        assert.equal(stats.statusCode, 200, stats.body);
        assertNoIdentity(stats.json(), `${role} stats ${groupBy}`);
      }
    });
  }

  test('the ethics commissioner sees the whole applicant, the files and the address', async () => {
    const card = (await get(`/api/v1/appeals/${report.id}`, 'ethics_commissioner')).json();
    assert.equal(card.personalDataMasked, false);
    assert.equal(card.applicantName, CALLER.name);
    assert.equal(card.applicantIin, CALLER.iin);
    assert.equal(card.address, ADDRESS);
    assert.equal(card.lat, LOCATION.lat);
    assert.equal(card.attachments.length, 1);
    const file = await get(`/api/v1/appeals/${report.id}/attachments/${attachmentId}`, 'ethics_commissioner');
    assert.equal(file.statusCode, 200);
  });

  test('another body’s ethics commissioner: 404', async () => {
    const res = await get(`/api/v1/appeals/${report.id}`, 'ethics_commissioner', 'akimat-almaty');
    assert.equal(res.statusCode, 404);
  });
});

describe('address and coordinates of any appeal', () => {
  test('cross-body readers get the locality and coordinates rounded to about a kilometre', async () => {
    for (const role of CROSS_BODY) {
      const card = (await get(`/api/v1/appeals/${ordinaryBefore.id}`, role, 'min-info')).json();
      assert.equal(card.address, 'Астана');
      assert.equal(card.lat, 51.13);
      assert.equal(card.lon, 71.43);
      assertNoIdentity(card, `${role} ordinary card`);
    }
    const head = (await get(`/api/v1/appeals/${ordinaryBefore.id}`, 'head')).json();
    assert.equal(head.address, ADDRESS, 'the body that works the appeal sees the address');
  });
});

describe('only the ethics commissioner decides', () => {
  test('head, deputy and the communications office may not triage, redirect, leave without consideration or close', async () => {
    for (const role of ['head', 'deputy', 'comms_officer']) {
      const lwc = await post(`/api/v1/appeals/${report.id}/leave-without-consideration`, role, { reason: 'Нет предмета' });
      assert.equal(lwc.statusCode, 403, `${role} leaves it: ${lwc.body}`);
      const triage = await post(`/api/v1/appeals/${report.id}/triage`, role, { competence: 'own' });
      assert.equal(triage.statusCode, 403, `${role} triages it`);
      const redirect = await post(`/api/v1/appeals/${report.id}/triage`, role, { competence: 'other', targetBodyId: almaty });
      assert.equal(redirect.statusCode, 403, `${role} redirects it`);
      const close = await post(`/api/v1/appeals/${report.id}/close`, role);
      assert.equal(close.statusCode, 403, `${role} closes it`);
    }
    assert.equal((await appealRow(report.id)).status, 'registered', 'nothing changed');
  });
});

describe('everything made from a confidential appeal is confidential', () => {
  test('complaint from disagreement: confidential, no identity for anyone but the ethics commissioner', async () => {
    const triage = await post(`/api/v1/appeals/${report.id}/triage`, 'ethics_commissioner', { competence: 'own' });
    assert.equal(triage.statusCode, 200, triage.body);
    const draft = await post(`/api/v1/appeals/${report.id}/answer`, 'ethics_commissioner', { text: 'Уважаемая заявительница! Проведена служебная проверка, материалы переданы в антикоррупционную службу.', resolution: 'resolved' });
    assert.equal(draft.statusCode, 201, draft.body);
    const sign = await post(`/api/v1/appeals/${report.id}/sign`, 'head');
    assert.equal(sign.statusCode, 200, sign.body);
    const fb = await env.app.inject({ method: 'POST', url: `/api/v1/track/${report.number}/feedback`, payload: { code: report.accessCode, score: 1, disagree: true, comment: 'Проверка была формальной.' } });
    assert.equal(fb.statusCode, 201, fb.body);
    const complaint = await env.ctx.db.selectFrom('appeal').selectAll().where('number', '=', fb.json().complaint.number).executeTakeFirstOrThrow();
    assert.equal(complaint.confidential, true);
    assert.equal(complaint.applicantName, CALLER.name, 'stored for the ethics commissioner');
    for (const [role, body] of EVERY_READER) {
      const card = await get(`/api/v1/appeals/${complaint.id}`, role, body);
      assert.equal(card.statusCode, 200, card.body);
      assertNoIdentity(card.json(), `${role} complaint card`);
      assert.equal(card.json().repeatOfId, null, `${role} walks from the complaint to the report`);
    }
    const ethics = (await get(`/api/v1/appeals/${complaint.id}`, 'ethics_commissioner')).json();
    assert.equal(ethics.applicantName, CALLER.name);
    assert.equal(ethics.repeatOfId, report.id, 'the ethics commissioner sees the link between confidential appeals');
    const headLinks = (await get(`/api/v1/appeals/${report.id}/links`, 'head')).json();
    assert.deepEqual(headLinks.repeats, []);
    const ethicsLinks = (await get(`/api/v1/appeals/${report.id}/links`, 'ethics_commissioner')).json();
    assert.ok(ethicsLinks.repeats.some((r: { id: string }) => r.id === complaint.id));
  });

  test('redirect copy: confidential in the target body, its ethics commissioner alone sees the caller', async () => {
    const second = await register({ bodyId: astana, kind: 'message', channel: 'trust_phone', text: 'Вымогательство при выдаче разрешения на строительство в Алматы.', applicant: CALLER, preferredAnswer: 'email' });
    const res = await post(`/api/v1/appeals/${second.id}/triage`, 'ethics_commissioner', { competence: 'other', targetBodyId: almaty, reason: 'Компетенция акимата Алматы' });
    assert.equal(res.statusCode, 200, res.body);
    const copyId = res.json().newAppeal.id;
    assert.equal((await appealRow(copyId)).confidential, true);
    for (const role of NON_ETHICS) {
      const card = await get(`/api/v1/appeals/${copyId}`, role, 'akimat-almaty');
      assert.equal(card.statusCode, 200, card.body);
      assertNoIdentity(card.json(), `${role}@almaty copy card`);
      const list = await get(`/api/v1/appeals?limit=200`, role, 'akimat-almaty');
      assertNoIdentity(list.json().items.find((a: { id: string }) => a.id === copyId), `${role}@almaty list`);
    }
    const ethics = (await get(`/api/v1/appeals/${copyId}`, 'ethics_commissioner', 'akimat-almaty')).json();
    assert.equal(ethics.applicantName, CALLER.name);
    const outbox = await get(`/api/v1/outbox?appealId=${copyId}`, 'admin', 'akimat-almaty');
    assertNoIdentity(outbox.json(), 'target body outbox');
  });

  test('reception follow-up of a booking the body marked confidential', async () => {
    await clearSchedules(env);
    const slotId = (await approvedSchedule(env, 'akimat-astana', 'head', '2026-Q4', [slot('2026-12-10', '10:00', 5)])).slots[0].id;
    const booked = await book(env, slotId, { applicant: { ...CALLER }, question: 'Прошу принять: жалоба на вымогательство в отделе земельных отношений.' });
    assert.equal(booked.statusCode, 201, booked.body);
    const b = booked.json();
    const mark = await post(`/api/v1/appeals/${b.id}/confidential`, 'head', { reason: 'Этическое нарушение' });
    assert.equal(mark.statusCode, 200, mark.body);
    const redirect = await post(`/api/v1/receptions/bookings/${b.number}/review`, 'comms_officer', { decision: 'redirect', targetBodyId: almaty, reason: 'Не наша компетенция' });
    assert.equal(redirect.statusCode, 403, 'the weekly review does not redirect a confidential appeal');
    assert.equal((await post(`/api/v1/receptions/bookings/${b.number}/review`, 'head', { decision: 'confirm' })).statusCode, 200);
    env.clock.set('2026-12-10T05:20:00Z');
    const outcome = await post(`/api/v1/receptions/bookings/${b.number}/outcome`, 'head', {
      attended: true, attendees: [CALLER.name], topics: ['housing'], decision: 'Передано уполномоченному по этике для проверки.', resolution: 'explained',
      followUps: [{ text: 'Проверить факты, изложенные на приёме, и доложить.', topicCode: 'housing' }],
    });
    assert.equal(outcome.statusCode, 200, outcome.body);
    const follow = await env.ctx.db.selectFrom('receptionFollowUp as f').innerJoin('appeal as a', 'a.id', 'f.appealId').select(['a.id', 'a.confidential']).where('a.text', 'like', 'Проверить факты%').executeTakeFirstOrThrow();
    assert.equal(follow.confidential, true);
    for (const role of ['head', 'deputy', 'comms_officer', 'operator', 'executor']) {
      const card = await get(`/api/v1/appeals/${follow.id}`, role);
      assertNoIdentity(card.json(), `${role} follow-up card`);
      const booking = await get(`/api/v1/receptions/bookings/${b.number}`, role);
      if (booking.statusCode === 200) assertNoIdentity(booking.json(), `${role} booking card`);
      const bookings = await get('/api/v1/receptions/bookings?limit=200', role);
      if (bookings.statusCode === 200) assertNoIdentity(bookings.json().items.filter((x: { appealId: string }) => x.appealId === b.id), `${role} bookings`);
    }
  });
});

describe('messages and letters', () => {
  test('outbox: the administrator sees the status of the caller’s messages, not their address or text', async () => {
    const res = await get(`/api/v1/outbox?appealId=${report.id}`, 'admin');
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json().items.length >= 1);
    assertNoIdentity(res.json(), 'outbox');
    const all = await get('/api/v1/outbox?limit=100', 'admin');
    for (const m of all.json().items.filter((x: { appealId: string }) => x.appealId === report.id)) assertNoIdentity(m, 'outbox list');
  });

  test('print queue and PDF: the letter to the caller is the ethics commissioner’s alone', async () => {
    await drain();
    const letter = await env.ctx.db.selectFrom('notification').select(['id', 'status']).where('appealId', '=', report.id).where('channel', '=', 'paper').executeTakeFirstOrThrow();
    assert.equal(letter.status, 'to_print');
    for (const role of ['comms_officer', 'admin']) {
      const list = await get('/api/v1/letters?status=to_print,printed,posted&limit=100', role);
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.json().items.some((l: { appealId: string }) => l.appealId === report.id), `${role} sees the caller’s letter`);
      assertNoIdentity(list.json().items.filter((l: { appealId: string }) => l.appealId === report.id), `${role} letters`);
      const pdf = await get(`/api/v1/letters/${letter.id}/pdf`, role);
      assert.equal(pdf.statusCode, 404, `${role} opens the PDF`);
      const printed = await post(`/api/v1/letters/${letter.id}/printed`, role);
      assert.equal(printed.statusCode, 404, `${role} marks it printed`);
    }
    for (const role of ['head', 'executor', 'operator']) assert.equal((await get('/api/v1/letters', role)).statusCode, 403, role);
    const ethics = await get('/api/v1/letters?limit=100', 'ethics_commissioner');
    assert.equal(ethics.statusCode, 200, ethics.body);
    const mine = ethics.json().items.find((l: { id: string }) => l.id === letter.id);
    assert.equal(mine.addressee, CALLER.name);
    assert.ok(!ethics.json().items.some((l: { appealId: string }) => l.appealId === ordinaryBefore.id), 'no ordinary letters in the ethics queue');
    const pdf = await get(`/api/v1/letters/${letter.id}/pdf`, 'ethics_commissioner');
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal((await post(`/api/v1/letters/${letter.id}/printed`, 'ethics_commissioner')).statusCode, 200);
  });
});

describe('marking an appeal confidential', () => {
  test('head, deputy or ethics commissioner; idempotent; an event; repeat links to ordinary appeals cut both ways', async () => {
    const first = await register(citizenAppeal(astana, { text: 'Письмо о нарушении этики сотрудником отдела образования, прошу проверить.', topicCode: 'improvement.lighting', applicant: { ...CALLER, iin: '920315400129' }, channel: 'hand_delivered' }), 'comms_officer');
    const letter = await register(citizenAppeal(astana, { text: 'Повторно сообщаю о нарушении этики сотрудником отдела образования.', topicCode: 'improvement.lighting', applicant: { ...CALLER, iin: '920315400129' }, channel: 'hand_delivered' }), 'comms_officer');
    assert.equal((await appealRow(letter.id)).repeatOfId, first.id, 'an ordinary repeat before the mark');
    for (const role of ['comms_officer', 'executor', 'operator', 'admin', 'moderator']) {
      const res = await post(`/api/v1/appeals/${letter.id}/confidential`, role);
      assert.equal(res.statusCode, 403, `${role} marks it`);
    }
    assert.equal((await post(`/api/v1/appeals/${letter.id}/confidential`, 'head', {}, 'akimat-almaty')).statusCode, 404, 'another body’s appeal');
    const mark = await post(`/api/v1/appeals/${letter.id}/confidential`, 'ethics_commissioner', { reason: 'Дело об этике' });
    assert.equal(mark.statusCode, 200, mark.body);
    assert.deepEqual(mark.json(), { id: letter.id, confidential: true, changed: true, inherited: [] });
    const again = await post(`/api/v1/appeals/${letter.id}/confidential`, 'deputy');
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().changed, false);
    const row = await appealRow(letter.id);
    assert.equal(row.confidential, true);
    assert.equal(row.repeatOfId, null, 'the link to the ordinary appeal is cut');
    const events = await env.ctx.db.selectFrom('appealEvent').select(['type', 'actorRole']).where('appealId', '=', letter.id).where('type', '=', 'appeal.marked_confidential').execute();
    assert.deepEqual(events, [{ type: 'appeal.marked_confidential', actorRole: 'ethics_commissioner' }]);
    const headCard = (await get(`/api/v1/appeals/${letter.id}`, 'head')).json();
    assert.equal(headCard.applicantName, null);
    assert.doesNotMatch(JSON.stringify(headCard), new RegExp(first.id), 'the registered event’s old repeat link is not shown');
    const firstLinks = (await get(`/api/v1/appeals/${first.id}/links`, 'head')).json();
    assert.ok(!firstLinks.repeats.some((r: { id: string }) => r.id === letter.id), 'nor from the other side');
    const third = await register(citizenAppeal(astana, { text: 'Третье письмо о нарушении этики в отделе образования.', topicCode: 'improvement.lighting', applicant: { ...CALLER, iin: '920315400129' }, channel: 'hand_delivered' }), 'comms_officer');
    assert.equal((await appealRow(third.id)).repeatOfId, first.id, 'a new ordinary appeal repeats the ordinary one, never the marked one');
  });
});

describe('reads of a confidential card', () => {
  test('each opening is an event the ethics commissioner and oversight can list; nobody else', async () => {
    const before = (await get(`/api/v1/appeals/${report.id}/reads?limit=200`, 'ethics_commissioner')).json().items.length;
    await get(`/api/v1/appeals/${report.id}`, 'head');
    await get(`/api/v1/appeals/${report.id}`, 'executor');
    const res = await get(`/api/v1/appeals/${report.id}/reads?limit=200`, 'ethics_commissioner');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as Array<{ actorRole: string; at: string }>;
    assert.equal(items.length, before + 2);
    assert.deepEqual(items.slice(0, 2).map((i) => i.actorRole), ['executor', 'head']);
    const oversight = await get(`/api/v1/appeals/${report.id}/reads?limit=1`, 'oversight', 'min-info');
    assert.equal(oversight.statusCode, 200, oversight.body);
    assert.equal(oversight.json().items.length, 1);
    assert.ok(oversight.json().nextCursor);
    const next = await get(`/api/v1/appeals/${report.id}/reads?limit=1&cursor=${oversight.json().nextCursor}`, 'oversight', 'min-info');
    assert.equal(next.json().items[0].actorRole, 'head');
    for (const role of ['head', 'deputy', 'comms_officer', 'admin']) assert.equal((await get(`/api/v1/appeals/${report.id}/reads`, role)).statusCode, 403, role);
    assert.equal((await get(`/api/v1/appeals/${report.id}/reads`, 'analyst', 'min-info')).statusCode, 403);
    const card = (await get(`/api/v1/appeals/${report.id}`, 'ethics_commissioner')).json();
    assert.ok(!card.events.some((e: { type: string }) => e.type === 'appeal.card_read'), 'reads are not the appeal’s history');
    const ordinaryReads = await env.ctx.db.selectFrom('appealEvent').select('id').where('appealId', '=', ordinaryBefore.id).where('type', '=', 'appeal.card_read').execute();
    assert.equal(ordinaryReads.length, 0, 'an ordinary card is not logged here');
  });
});

describe('the request log', () => {
  test('no applicant field reaches it: not from intake, a search, a tracking code or an error', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = await buildApp(env.ctx, { logStream: stream });
    try {
      const cookie = (await as('ethics_commissioner')).cookie;
      const intake = await app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie }, payload: { bodyId: astana, kind: 'message', channel: 'trust_phone', text: REPORT_TEXT, applicant: CALLER, preferredAnswer: 'email' } });
      assert.equal(intake.statusCode, 201, intake.body);
      await app.inject({ url: `/api/v1/appeals?q=${encodeURIComponent('Садыкова 880516300374 aigerim@example.kz')}`, headers: { cookie } });
      await app.inject({ url: `/api/v1/track/${report.number}?code=${report.accessCode}` });
      await app.inject({ method: 'POST', url: '/api/v1/appeals', payload: { ...citizenAppeal(astana), applicant: { ...CALLER, iin: '880516300375' } } });
      await app.inject({ url: `/api/v1/appeals/${report.id}`, headers: { cookie } });
    } finally {
      await app.close();
    }
    const log = lines.join('');
    assert.ok(log.includes('/api/v1/appeals'), 'requests are logged');
    assert.doesNotMatch(log, IDENTITY);
    assert.doesNotMatch(log, /88051630037/);
    assert.ok(!log.includes(report.accessCode), 'nor the access code');
  });
});
