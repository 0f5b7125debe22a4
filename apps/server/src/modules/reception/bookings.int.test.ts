import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { secretsOf } from '../../platform/secrets.ts';
import { approvedSchedule, book, clearSchedules, draftSchedule, slot } from './reception.fixtures.ts';

let env: TestEnv;
// Wednesday 25 November 2026, 10:00 in Almaty.
const NOW = '2026-11-25T05:00:00Z';
let slots: Record<string, string> = {};

before(async () => {
  env = await createTestEnv({ now: NOW });
  await clearSchedules(env);
  const plan: Record<string, ReturnType<typeof slot>> = {
    past: slot('2026-10-01', '10:00'),
    in5: slot('2026-11-30', '10:00'), // 5 days ahead
    in10: slot('2026-12-05', '10:00'), // 10 days ahead
    single: slot('2026-12-05', '11:00', 1), // 10 days ahead, one seat
    race: slot('2026-12-10', '10:00', 3), // the concurrency slot
    dec12: slot('2026-12-12', '10:00', 3),
    dec17: slot('2026-12-17', '10:00', 3),
    dec24: slot('2026-12-24', '10:00', 2),
  };
  const head = await approvedSchedule(env, 'akimat-astana', 'head', '2026-Q4', Object.values(plan));
  slots = Object.fromEntries(Object.entries(plan).map(([k, p]) => [k, head.slots.find((s) => s.startsAt === p.startsAt)!.id]));
});
after(() => env.close());

const db = () => env.ctx.db;
const notes = (appealId: string) => db().selectFrom('notification').selectAll().where('appealId', '=', appealId).orderBy('createdAt').orderBy('template').execute();
const slotRow = (id: string) => db().selectFrom('receptionSlot').select(['booked', 'capacity']).where('id', '=', id).executeTakeFirstOrThrow();
const bookingOf = (appealId: string) => db().selectFrom('receptionBooking').selectAll().where('appealId', '=', appealId).orderBy('bookedAt').execute();
/** What the outbox worker would pick now: queued and its time has come. */
const dueNow = async (appealId: string) => (await notes(appealId)).filter((n) => n.status === 'queued' && (!n.sendAfter || n.sendAfter <= env.clock.now())).map((n) => n.template);

describe('booking a personal reception', () => {
  test('a citizen books online: an appeal of channel personal_reception holding a seat, with a confirmation', async () => {
    const res = await book(env, slots.in10, { applicant: { type: 'individual', name: 'Жанар Омарова', iin: '880516300374', email: 'zhanar@example.kz', phone: '+77011234567' }, preferredAnswer: 'email' });
    assert.equal(res.statusCode, 201, res.body);
    const b = res.json();
    assert.match(b.number, /^[A-Z]+-2026-\d{6}$/);
    assert.match(b.accessCode, /^[2-9A-Z]{10}$/);
    assert.ok(b.id && b.bookingId);
    assert.equal(b.status, 'booked');
    assert.equal(b.startsAt, slot('2026-12-05', '10:00').startsAt);

    const appeal = await db().selectFrom('appeal').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
    assert.equal(appeal.channel, 'personal_reception');
    assert.equal(appeal.status, 'registered');
    assert.equal(appeal.topicCode, 'housing');
    assert.equal(appeal.registeredBy, null);
    const events = await db().selectFrom('appealEvent').select(['type', 'data']).where('appealId', '=', b.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['appeal.registered', 'reception.booked']);
    assert.equal(events[1].data.source, 'portal');
    assert.equal(events[1].data.slotId, slots.in10);
    const [row] = await bookingOf(b.id);
    assert.equal(row.status, 'booked');
    assert.equal(row.source, 'portal');
    assert.equal((await slotRow(slots.in10)).booked, 1);

    // One confirmation that carries the number and code; no second generic receipt.
    const queued = await notes(b.id);
    const confirmation = queued.find((n) => n.template === 'reception.booked')!;
    assert.ok(confirmation);
    assert.equal(confirmation.channel, 'email');
    // The code travels sealed (platform/secrets.ts), never in clear.
    assert.equal(confirmation.payload.accessCode, undefined);
    assert.equal(secretsOf(env.ctx).open(confirmation.payload.accessCodeSealed as string), b.accessCode);
    assert.equal(confirmation.payload.startsAt, b.startsAt);
    assert.ok(!queued.some((n) => n.template === 'appeal.registered'));

    // The published slot shows the seat taken.
    const published = (await env.app.inject('/api/v1/bodies/akimat-astana/reception-slots')).json().items.find((s: { id: string }) => s.id === slots.in10);
    assert.equal(published.booked, 1);
    assert.equal(published.available, 2);

    // The citizen sees the booking with the code; a wrong code and a missing number look the same.
    const mine = await env.app.inject(`/api/v1/receptions/bookings/${b.number}?code=${b.accessCode}`);
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(mine.json().status, 'booked');
    assert.equal(mine.json().canChange, true);
    for (const url of [`/api/v1/receptions/bookings/${b.number}?code=WRONGCODE2`, `/api/v1/receptions/bookings/AKM-2026-999999?code=${b.accessCode}`]) {
      const r = await env.app.inject(url);
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error.code, 'BOOKING_NOT_FOUND');
    }
    assert.equal((await env.app.inject(`/api/v1/receptions/bookings/${b.number}`)).statusCode, 401);
  });

  test('booked 10 days ahead: a reminder 3 days before by SMS, held until then', async () => {
    env.clock.set(NOW);
    const b = (await book(env, slots.in10)).json();
    const reminder = (await notes(b.id)).find((n) => n.template === 'reception.reminder')!;
    assert.ok(reminder, 'a reminder is queued');
    assert.equal(reminder.channel, 'sms');
    assert.equal(reminder.address, '+77011234567');
    assert.equal(reminder.sendAfter?.toISOString(), new Date(new Date(slot('2026-12-05', '10:00').startsAt).getTime() - 3 * 86_400_000).toISOString());
    assert.equal(reminder.payload.startsAt, slot('2026-12-05', '10:00').startsAt);
    assert.ok(reminder.payload.officialName);
    assert.deepEqual(await dueNow(b.id), ['reception.booked'], 'only the confirmation goes now');
    env.clock.set('2026-12-02T04:59:59Z');
    assert.ok(!(await dueNow(b.id)).includes('reception.reminder'), 'not a second early');
    env.clock.set('2026-12-02T05:00:00Z');
    assert.ok((await dueNow(b.id)).includes('reception.reminder'), 'due 3 days before the meeting');
    env.clock.set(NOW);
  });

  test('booked 5 days ahead: only the confirmation, no reminder', async () => {
    env.clock.set(NOW);
    const b = (await book(env, slots.in5)).json();
    assert.equal(b.remindAt, null);
    assert.deepEqual((await notes(b.id)).map((n) => n.template), ['reception.booked']);
    const [row] = await bookingOf(b.id);
    assert.equal(row.remindAt, null);
  });

  test('no mobile number: the reminder is a call on the operators’ call list for that day', async () => {
    env.clock.set(NOW);
    const b = (await book(env, slots.in10, { applicant: { type: 'individual', name: 'Баян Сейітова', phone: '+77172554433' }, preferredAnswer: 'portal' })).json();
    assert.ok(!(await notes(b.id)).some((n) => n.template === 'reception.reminder'), 'no SMS to a landline');
    const operator = await env.login('operator', 'akimat-astana');
    const list = await env.app.inject({ url: '/api/v1/receptions/call-list?date=2026-12-02', headers: { cookie: operator } });
    assert.equal(list.statusCode, 200, list.body);
    const entry = list.json().items.find((i: { number: string }) => i.number === b.number);
    assert.ok(entry);
    assert.equal(entry.phone, '+77172554433');
    assert.equal(entry.calledAt, null);
    assert.equal((await env.app.inject({ url: '/api/v1/receptions/call-list?date=2026-12-01', headers: { cookie: operator } })).json().items.length, 0);
    const called = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/reminder-called`, headers: { cookie: operator } });
    assert.equal(called.statusCode, 200, called.body);
    assert.ok(called.json().reminderCalledAt);
    const again = (await env.app.inject({ url: '/api/v1/receptions/call-list?date=2026-12-02', headers: { cookie: operator } })).json().items.find((i: { number: string }) => i.number === b.number);
    assert.ok(again.calledAt);
    const executor = await env.app.inject({ url: '/api/v1/receptions/call-list?date=2026-12-02', headers: { cookie: await env.login('executor', 'akimat-astana') } });
    assert.equal(executor.statusCode, 403);
  });

  test('a full slot answers 409 SLOT_FULL, and concurrent bookings never overbook', async () => {
    env.clock.set(NOW);
    const count = async () => Number((await db().selectFrom('appeal').select((eb) => eb.fn.countAll().as('n')).where('channel', '=', 'personal_reception').executeTakeFirstOrThrow()).n);
    const before = await count();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => book(env, slots.race, { question: `Вопрос номер ${i} о благоустройстве двора.` })));
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) assert.equal(r.json().error.code, 'SLOT_FULL');
    assert.equal((await slotRow(slots.race)).booked, 3);
    assert.equal(await count(), before + 3, 'a refused booking leaves no appeal behind');
    const active = await db().selectFrom('receptionBooking').select('id').where('slotId', '=', slots.race).execute();
    assert.equal(active.length, 3);
  });

  test('slots that cannot be booked', async () => {
    env.clock.set(NOW);
    const draft = await draftSchedule(env, 'akimat-astana', 'deputy', '2026-Q4', [slot('2026-12-08', '15:00')]);
    const cases: Array<[string, string, number, string]> = [
      ['a draft slot is not published', draft.slots[0].id, 404, 'SLOT_NOT_FOUND'],
      ['a slot that has passed', slots.past, 409, 'SLOT_IN_PAST'],
      ['no such slot', '00000000-0000-4000-8000-000000000000', 404, 'SLOT_NOT_FOUND'],
    ];
    for (const [name, id, status, code] of cases) {
      const res = await book(env, id);
      assert.equal(res.statusCode, status, name);
      assert.equal(res.json().error.code, code, name);
    }
  });

  test('bad input writes nothing: the seat stays free', async () => {
    env.clock.set(NOW);
    const before = (await slotRow(slots.dec24)).booked;
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['wrong ИИН', { applicant: { type: 'individual', name: 'А', iin: '880516300378', phone: '+77011234567' } }, 422, 'INVALID_IIN'],
      ['anonymous', { applicant: { type: 'anonymous' }, preferredAnswer: 'portal' }, 422, 'ANONYMOUS_NOT_ALLOWED'],
      ['unknown topic', { topicCode: 'nope' }, 422, 'TOPIC_NOT_FOUND'],
      ['a citizen claiming a phone booking', { source: 'phone' }, 403, 'FORBIDDEN'],
      ['an empty question', { question: '' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, over, status, code] of cases) {
      const res = await book(env, slots.dec24, over);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.equal(res.json().error.code, code, name);
    }
    assert.equal((await slotRow(slots.dec24)).booked, before);
  });

  test('the same Idempotency-Key gives back the same booking and takes one seat', async () => {
    env.clock.set(NOW);
    const before = (await slotRow(slots.dec24)).booked;
    const headers = { 'idempotency-key': 'booking-key-0001' };
    const [a, b] = await Promise.all([book(env, slots.dec24, {}, headers), book(env, slots.dec24, {}, headers)]);
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    assert.deepEqual(a.json(), b.json());
    assert.equal((await slotRow(slots.dec24)).booked, before + 1);
  });
});

describe('booking by staff', () => {
  test('an operator books by phone; the office books a visitor at the front office (logged at the desk)', async () => {
    env.clock.set(NOW);
    const operator = await env.login('operator', 'akimat-astana');
    const byPhone = await book(env, slots.dec17, {}, { cookie: operator });
    assert.equal(byPhone.statusCode, 201, byPhone.body);
    const [p] = await bookingOf(byPhone.json().id);
    assert.equal(p.source, 'phone');
    assert.ok(p.bookedBy);
    const appeal = await db().selectFrom('appeal').select(['channel', 'registeredBy']).where('id', '=', byPhone.json().id).executeTakeFirstOrThrow();
    assert.equal(appeal.channel, 'personal_reception');
    assert.equal(appeal.registeredBy, p.bookedBy);

    const office = await env.login('comms_officer', 'akimat-astana');
    const visit = await book(env, slots.dec17, { source: 'front_office' }, { cookie: office });
    assert.equal(visit.statusCode, 201, visit.body);
    const [v] = await bookingOf(visit.json().id);
    assert.equal(v.source, 'front_office');
    const contact = await db().selectFrom('receptionContact').selectAll().where('appealId', '=', visit.json().id).executeTakeFirstOrThrow();
    assert.equal(contact.desk, 'front_office');
    assert.equal(contact.outcome, 'booking');
    assert.equal(contact.purpose, 'book_reception');

    // Another body's staff, and roles that do not book, are refused.
    const almaty = await book(env, slots.dec24, {}, { cookie: await env.login('operator', 'akimat-almaty') });
    assert.equal(almaty.statusCode, 403);
    const executor = await book(env, slots.dec24, {}, { cookie: await env.login('executor', 'akimat-astana') });
    assert.equal(executor.statusCode, 403);

    // The review list shows staff the bookings by meeting time, with contacts.
    const list = await env.app.inject({ url: '/api/v1/receptions/bookings?status=booked&limit=2', headers: { cookie: office } });
    assert.equal(list.statusCode, 200, list.body);
    const page = list.json();
    assert.equal(page.items.length, 2);
    assert.ok(page.nextCursor);
    assert.ok(page.items[0].startsAt <= page.items[1].startsAt);
    assert.equal(page.items[0].personalDataMasked, false);
    const next = (await env.app.inject({ url: `/api/v1/receptions/bookings?status=booked&limit=200&cursor=${page.nextCursor}`, headers: { cookie: office } })).json();
    assert.ok(!next.items.some((i: { bookingId: string }) => page.items.some((p: { bookingId: string }) => p.bookingId === i.bookingId)));
    const other = (await env.app.inject({ url: '/api/v1/receptions/bookings', headers: { cookie: await env.login('comms_officer', 'akimat-almaty') } })).json();
    assert.equal(other.items.length, 0, 'another body sees none of them');
  });
});

describe('cancel and reschedule by the citizen with the access code', () => {
  test('cancel frees the seat, withdraws the reminder and closes the appeal as withdrawn', async () => {
    env.clock.set(NOW);
    const b = (await book(env, slots.single)).json();
    assert.equal((await slotRow(slots.single)).booked, 1);
    assert.equal((await book(env, slots.single)).statusCode, 409, 'the only seat is taken');

    const wrong = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/cancel`, payload: { code: 'WRONGCODE2' } });
    assert.equal(wrong.statusCode, 404);
    const res = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/cancel`, payload: { code: b.accessCode } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'cancelled');
    assert.equal(res.json().canChange, false);
    assert.equal((await slotRow(slots.single)).booked, 0);
    const reminder = (await notes(b.id)).find((n) => n.template === 'reception.reminder')!;
    assert.equal(reminder.status, 'cancelled', 'a cancelled reminder is never sent');
    env.clock.set('2026-12-03T00:00:00Z');
    assert.deepEqual((await dueNow(b.id)).filter((t) => t === 'reception.reminder'), []);
    env.clock.set(NOW);
    const appeal = await db().selectFrom('appeal').select(['status', 'resolution']).where('id', '=', b.id).executeTakeFirstOrThrow();
    assert.deepEqual(appeal, { status: 'left_without_consideration', resolution: 'left_without_consideration' });
    const again = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/cancel`, payload: { code: b.accessCode } });
    assert.equal(again.statusCode, 409);
    // The freed seat can be booked again.
    assert.equal((await book(env, slots.single)).statusCode, 201);
  });

  test('reschedule moves the seat and the reminder; a full target slot changes nothing', async () => {
    env.clock.set(NOW);
    const booked = await book(env, slots.dec12);
    assert.equal(booked.statusCode, 201, booked.body);
    const b = booked.json();
    const inTen = (await slotRow(slots.dec12)).booked;
    const dec17 = (await slotRow(slots.dec17)).booked;
    const full = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/reschedule`, payload: { code: b.accessCode, slotId: slots.single } });
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().error.code, 'SLOT_FULL');
    assert.equal((await slotRow(slots.dec12)).booked, inTen);

    const res = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/reschedule`, payload: { code: b.accessCode, slotId: slots.dec17 } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().startsAt, slot('2026-12-17', '10:00').startsAt);
    assert.equal(res.json().status, 'booked');
    assert.equal((await slotRow(slots.dec12)).booked, inTen - 1);
    assert.equal((await slotRow(slots.dec17)).booked, dec17 + 1);
    const rows = await bookingOf(b.id);
    assert.deepEqual(rows.map((r) => r.status).sort(), ['booked', 'rescheduled']);
    const reminders = (await notes(b.id)).filter((n) => n.template === 'reception.reminder');
    assert.deepEqual(reminders.map((r) => r.status).sort(), ['cancelled', 'queued']);
    assert.equal(reminders.find((r) => r.status === 'queued')!.sendAfter?.toISOString(), new Date(new Date(slot('2026-12-17', '10:00').startsAt).getTime() - 3 * 86_400_000).toISOString());
    assert.ok((await notes(b.id)).some((n) => n.template === 'reception.rescheduled'));
    const events = await db().selectFrom('appealEvent').select('type').where('appealId', '=', b.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['appeal.registered', 'reception.booked', 'reception.rescheduled']);
    // Once the meeting time has come the booking no longer moves.
    env.clock.set('2026-12-17T05:30:00Z');
    const late = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/cancel`, payload: { code: b.accessCode } });
    assert.equal(late.statusCode, 409);
    env.clock.set(NOW);
  });
});
