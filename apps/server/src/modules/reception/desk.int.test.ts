import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
const NOW = '2026-11-25T05:00:00Z'; // Wednesday 25 November 2026, 10:00 in Almaty
before(async () => (env = await createTestEnv({ now: NOW })));
after(() => env.close());

const as = async (role: string, body = 'akimat-astana') => ({ cookie: await env.login(role, body) });
const inject = async (method: 'GET' | 'POST' | 'PUT', url: string, role?: string, payload?: unknown) =>
  env.app.inject({ method, url: `/api/v1${url}`, headers: role ? await as(role) : {}, ...(payload ? { payload: payload as object } : {}) });

function visitorAppeal() {
  const { bodyId: _b, ...appeal } = citizenAppeal('unused', { applicant: { type: 'individual', name: 'Гульнара Ахметова', phone: '+77015550199' }, preferredAnswer: 'sms' });
  return appeal;
}

describe('front office and public reception desk', () => {
  test('a consultation is one quick call: time, purpose, language', async () => {
    const res = await inject('POST', '/receptions/contacts', 'operator', { desk: 'front_office', language: 'kk', purpose: 'appeal_status' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().outcome, 'consultation');
    assert.equal(res.json().at, new Date(NOW).toISOString());
    const row = await env.ctx.db.selectFrom('receptionContact').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(row.subSource, 'visit');
    assert.equal(row.purpose, 'appeal_status');
    assert.equal(row.appealId, null);
    const call = await inject('POST', '/receptions/contacts', 'operator', { desk: 'public_reception', subSource: 'contact_line', language: 'ru', topicCode: 'social.pension' });
    assert.equal(call.statusCode, 201, call.body);
    // The front office is a counter; only the public reception takes calls and online requests.
    const bad = await inject('POST', '/receptions/contacts', 'operator', { desk: 'front_office', subSource: 'contact_line', language: 'ru' });
    assert.equal(bad.statusCode, 400);
    for (const role of ['executor', 'analyst']) {
      const r = await env.app.inject({ method: 'POST', url: '/api/v1/receptions/contacts', headers: { cookie: await env.login(role, role === 'analyst' ? 'min-info' : 'akimat-astana') }, payload: { desk: 'front_office', language: 'ru' } });
      assert.equal(r.statusCode, 403, role);
    }
    assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/receptions/contacts', payload: { desk: 'front_office', language: 'ru' } })).statusCode, 401);
  });

  test('quick registration at the desk: the appeal enters the register with its sub-source and a printable receipt', async () => {
    const res = await inject('POST', '/receptions/contacts/appeal', 'comms_officer', { desk: 'public_reception', subSource: 'social_network', appeal: visitorAppeal() });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.match(r.number, /-2026-\d{6}$/);
    assert.match(r.accessCode, /^[2-9A-Z]{10}$/);
    assert.ok(r.legalDueAt);
    const appeal = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    assert.equal(appeal.channel, 'public_reception');
    assert.equal(appeal.legalDueAt?.toISOString(), r.legalDueAt);
    const contact = await env.ctx.db.selectFrom('receptionContact').selectAll().where('appealId', '=', r.id).executeTakeFirstOrThrow();
    assert.equal(contact.id, r.contactId);
    assert.equal(contact.outcome, 'appeal');
    assert.equal(contact.subSource, 'social_network');
    const events = await env.ctx.db.selectFrom('appealEvent').select(['type', 'data']).where('appealId', '=', r.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['appeal.registered', 'reception.desk_registered']);
    assert.equal(events[1].data.subSource, 'social_network');

    const receipt = await env.app.inject(`${r.receiptUrl}&lang=ru`);
    assert.equal(receipt.statusCode, 200);
    assert.match(String(receipt.headers['content-type']), /text\/html/);
    assert.equal(receipt.headers['cache-control'], 'no-store');
    const html = receipt.body;
    assert.ok(html.includes(r.number));
    assert.ok(html.includes(r.accessCode));
    const due = new Date(new Date(r.legalDueAt).getTime() + 5 * 3_600_000).toISOString();
    assert.ok(html.includes(`${due.slice(8, 10)}.${due.slice(5, 7)}.${due.slice(0, 4)}`), 'the legal due date in Almaty');
    assert.ok(html.includes('Талон о приёме обращения'));
    assert.ok(html.includes('Общественная приёмная'));
    const kk = await env.app.inject(`${r.receiptUrl}&lang=kk`);
    assert.ok(kk.body.includes('Өтінішті қабылдау туралы талон'));
    const wrong = await env.app.inject(`/api/v1/receptions/receipt/${r.number}?code=WRONGCODE2`);
    assert.equal(wrong.statusCode, 404);

    // The front office registers too; the same key is the same appeal.
    const key = { 'idempotency-key': 'desk-visit-0001' };
    const [a, b] = await Promise.all([
      env.app.inject({ method: 'POST', url: '/api/v1/receptions/contacts/appeal', headers: { ...(await as('operator')), ...key }, payload: { desk: 'front_office', appeal: visitorAppeal() } }),
      env.app.inject({ method: 'POST', url: '/api/v1/receptions/contacts/appeal', headers: { ...(await as('operator')), ...key }, payload: { desk: 'front_office', appeal: visitorAppeal() } }),
    ]);
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    assert.equal(a.json().number, b.json().number);
    assert.equal(a.json().contactId, b.json().contactId);
    const bad = await inject('POST', '/receptions/contacts/appeal', 'operator', { desk: 'front_office', appeal: { ...visitorAppeal(), applicant: { type: 'individual', name: 'А', iin: '880516300378', phone: '+77015550199' } } });
    assert.equal(bad.statusCode, 422);
  });

  test('daily monitoring and weekly statistics by purpose and hour', async () => {
    env.clock.set('2026-11-26T04:15:00Z'); // Thursday 09:15
    for (const purpose of ['consultation', 'consultation', 'documents']) await inject('POST', '/receptions/contacts', 'operator', { desk: 'front_office', language: 'ru', purpose });
    env.clock.set('2026-11-26T09:40:00Z'); // 14:40
    await inject('POST', '/receptions/contacts', 'operator', { desk: 'front_office', language: 'kk', purpose: 'consultation' });
    await inject('POST', '/receptions/contacts/appeal', 'operator', { desk: 'front_office', appeal: visitorAppeal() });

    const daily = await inject('GET', '/receptions/desk/daily?desk=front_office&date=2026-11-26', 'head');
    assert.equal(daily.statusCode, 200, daily.body);
    const d = daily.json();
    assert.equal(d.contacts, 5);
    assert.equal(d.consultations, 4);
    assert.equal(d.appealsLogged, 1);
    assert.equal(d.appealsRegistered, 1);
    assert.ok(d.channelOpenAppeals >= 1);
    assert.deepEqual(d.byPurpose, { consultation: 3, documents: 1, submit_appeal: 1 });
    assert.equal(d.log.length, 5);
    assert.ok(d.log[0].at >= d.log[4].at, 'newest first');

    const week = await inject('GET', '/receptions/desk/stats?desk=front_office', 'comms_officer');
    assert.equal(week.statusCode, 200, week.body);
    const w = week.json();
    assert.equal(w.from, '2026-11-23', 'this week, Monday');
    assert.equal(w.to, '2026-11-29', 'to Sunday');
    assert.equal(w.contacts, 7, 'two on Wednesday, five on Thursday');
    assert.equal(w.byHour['9'], 3);
    assert.equal(w.byHour['14'], 2);
    assert.equal(w.byPurposeAndHour.consultation['9'], 2);
    assert.equal(w.byPurposeAndHour.consultation['14'], 1);
    assert.deepEqual(w.byDay, { '2026-11-25': 2, '2026-11-26': 5 });
    assert.deepEqual(w.byLanguage, { kk: 2, ru: 5 });

    const pr = (await inject('GET', '/receptions/desk/stats?desk=public_reception&from=2026-11-01&to=2026-11-30', 'comms_officer')).json();
    assert.equal(pr.callsTaken, 1);
    assert.equal(pr.consultations, 1);
    assert.equal(pr.appealsRegistered, 1);
    assert.deepEqual(pr.bySubSource, { contact_line: 1, social_network: 1 });
    assert.equal((await inject('GET', '/receptions/desk/stats?desk=front_office', 'executor')).statusCode, 403);
    env.clock.set(NOW);
  });
});

describe('the contact line and its autoresponse', () => {
  const line = (lang: string, body = 'akimat-astana') => env.app.inject(`/api/v1/bodies/${body}/contact-line?lang=${lang}`);

  test('open in working hours; out of hours the caller hears when it opens, in their language', async () => {
    env.clock.set('2026-11-25T05:00:00Z'); // Wednesday 10:00
    const open = (await line('ru')).json();
    assert.equal(open.open, true);
    assert.equal(open.autoresponse, null);
    assert.equal(open.hours.text, 'Пн–Пт 09:00–18:30');

    env.clock.set('2026-11-25T15:00:00Z'); // Wednesday 20:00
    const evening = (await line('ru')).json();
    assert.equal(evening.open, false);
    assert.match(evening.autoresponse, /Контактная линия сейчас не работает/);
    assert.match(evening.autoresponse, /Пн–Пт 09:00–18:30/);
    assert.equal(evening.nextOpensAt, '2026-11-26T04:00:00.000Z', 'Thursday 09:00');
    assert.match((await line('kk')).json().autoresponse, /Байланыс желісі қазір жұмыс істемейді/);
    assert.match((await line('en')).json().autoresponse, /closed now/);

    env.clock.set('2026-11-28T06:00:00Z'); // Saturday
    assert.equal((await line('ru')).json().nextOpensAt, '2026-11-30T04:00:00.000Z', 'Monday 09:00');

    env.clock.set('2026-12-16T06:00:00Z'); // Wednesday, Independence Day
    const holiday = (await line('ru')).json();
    assert.equal(holiday.open, false, 'closed on a public holiday');
    assert.ok(holiday.autoresponse);
    env.clock.set(NOW);
  });

  test('a body sets its own hours and texts; empty falls back to the default', async () => {
    const bad = await inject('PUT', '/receptions/desk/settings', 'comms_officer', { hours: { days: [1], opens: '18:00', closes: '09:00' } });
    assert.equal(bad.statusCode, 400);
    const forbidden = await inject('PUT', '/receptions/desk/settings', 'operator', { hours: { days: [1, 2, 3, 4, 5, 6], opens: '08:00', closes: '20:00' } });
    assert.equal(forbidden.statusCode, 403);
    const res = await inject('PUT', '/receptions/desk/settings', 'comms_officer', {
      hours: { days: [1, 2, 3, 4, 5, 6], opens: '08:00', closes: '20:00' },
      autoresponse: { kk: 'Қоңырауыңызға рахмет! Біз {hours} жұмыс істейміз.', ru: '' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().hours, { days: [1, 2, 3, 4, 5, 6], opens: '08:00', closes: '20:00' });
    env.clock.set('2026-11-28T06:00:00Z'); // Saturday 11:00: open now
    assert.equal((await line('kk')).json().open, true);
    env.clock.set('2026-11-28T15:30:00Z'); // Saturday 20:30
    assert.equal((await line('kk')).json().autoresponse, 'Қоңырауыңызға рахмет! Біз Дс–Сн 08:00–20:00 жұмыс істейміз.');
    assert.match((await line('ru')).json().autoresponse, /Контактная линия сейчас не работает/, 'no Russian text: the default');
    assert.equal((await line('ru', 'akimat-almaty')).json().hours.opens, '09:00', 'another body keeps its own');
    const got = (await inject('GET', '/receptions/desk/settings', 'operator')).json();
    assert.equal(got.autoresponse.kk, 'Қоңырауыңызға рахмет! Біз {hours} жұмыс істейміз.');
    assert.equal(got.autoresponse.ru, null);
    env.clock.set(NOW);
  });
});
