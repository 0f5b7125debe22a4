import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { approvedSchedule, book, clearSchedules, slot } from './reception.fixtures.ts';

let env: TestEnv;
const NOW = '2026-11-25T05:00:00Z'; // Wednesday 25 November 2026, 10:00 in Almaty
let headSlot: string;
let deputySlot: string;

before(async () => {
  env = await createTestEnv({ now: NOW });
  await clearSchedules(env);
  headSlot = (await approvedSchedule(env, 'akimat-astana', 'head', '2026-Q4', [slot('2026-12-10', '10:00', 20)])).slots[0].id;
  deputySlot = (await approvedSchedule(env, 'akimat-astana', 'deputy', '2026-Q4', [slot('2026-12-08', '15:00', 20)])).slots[0].id;
});
after(() => env.close());

const db = () => env.ctx.db;
const as = async (role: string, body = 'akimat-astana') => ({ cookie: await env.login(role, body) });
const post = async (url: string, role: string, payload: unknown, body = 'akimat-astana') =>
  env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${url}`, headers: await as(role, body), payload: payload as object });
const appealOf = (id: string) => db().selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventsOf = async (id: string) => (await db().selectFrom('appealEvent').select(['type', 'data', 'reason']).where('appealId', '=', id).orderBy('id').execute());
const seats = async (id: string) => (await db().selectFrom('receptionSlot').select('booked').where('id', '=', id).executeTakeFirstOrThrow()).booked;
const newBooking = async (slotId = headSlot, over: Record<string, unknown> = {}) => {
  const res = await book(env, slotId, over);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; accessCode: string };
};

describe('weekly review (pre-screening)', () => {
  test('needs the head: confirmed, the appeal taken into work for the meeting', async () => {
    const b = await newBooking();
    const res = await post(`${b.number}/review`, 'comms_officer', { decision: 'confirm' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'confirmed');
    assert.equal((await appealOf(b.id)).status, 'in_work');
    assert.deepEqual((await eventsOf(b.id)).map((e) => e.type), ['appeal.registered', 'reception.booked', 'reception.confirmed']);
    const again = await post(`${b.number}/review`, 'head', { decision: 'confirm' });
    assert.equal(again.statusCode, 409, 'a booking is reviewed once');
  });

  test('solvable without the head: routed to the unit by topic, the citizen told why, the seat freed', async () => {
    const b = await newBooking(headSlot, { topicCode: 'roads_transport.potholes', question: 'Яма у дома 5 по улице Кенесары, прошу заделать до зимы.' });
    const before = await seats(headSlot);
    const noReason = await post(`${b.number}/review`, 'deputy', { decision: 'solve_without_meeting' });
    assert.equal(noReason.statusCode, 400);
    const reason = 'Ремонт ям входит в план дорожного управления на декабрь; встреча с акимом не требуется.';
    const res = await post(`${b.number}/review`, 'deputy', { decision: 'solve_without_meeting', reason });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'solved_without_meeting');
    assert.equal(await seats(headSlot), before - 1);
    const appeal = await appealOf(b.id);
    assert.equal(appeal.status, 'in_work');
    const transport = await db().selectFrom('unit as u').innerJoin('body as b', 'b.id', 'u.bodyId').select('u.id').where('b.code', '=', 'akimat-astana').where('u.code', '=', 'transport').executeTakeFirstOrThrow();
    assert.equal(appeal.unitId, transport.id, 'the unit that handles roads');
    const event = (await eventsOf(b.id)).at(-1)!;
    assert.equal(event.type, 'reception.solved_without_meeting');
    assert.equal(event.reason, reason);
    const notes = await db().selectFrom('notification').select(['template', 'status', 'payload']).where('appealId', '=', b.id).execute();
    const told = notes.find((n) => n.template === 'reception.solved_without_meeting')!;
    assert.ok(told, 'the citizen is told why');
    assert.equal(told.payload.reason, reason);
    assert.ok(notes.filter((n) => n.template === 'reception.reminder').every((n) => n.status === 'cancelled'), 'no reminder for a meeting that will not happen');
    // The citizen sees the booking ended and why.
    const mine = (await env.app.inject(`/api/v1/receptions/bookings/${b.number}?code=${b.accessCode}`)).json();
    assert.equal(mine.status, 'solved_without_meeting');
  });

  test('another body’s question: redirected there as a linked appeal, the seat freed', async () => {
    const b = await newBooking(headSlot, { topicCode: 'health', question: 'В поликлинике нет инсулина, прошу помочь.' });
    const before = await seats(headSlot);
    const target = await env.bodyId('min-health');
    const res = await post(`${b.number}/review`, 'comms_officer', { decision: 'redirect', targetBodyId: target, reason: 'Лекарственное обеспечение — компетенция Министерства здравоохранения.' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'redirected');
    assert.equal(await seats(headSlot), before - 1);
    const appeal = await appealOf(b.id);
    assert.equal(appeal.status, 'redirected');
    const linked = await db().selectFrom('appeal').select(['bodyId', 'status', 'text']).where('redirectedFromId', '=', b.id).executeTakeFirstOrThrow();
    assert.equal(linked.bodyId, target);
    assert.equal(linked.status, 'registered');
    const self = await post(`${(await newBooking()).number}/review`, 'comms_officer', { decision: 'redirect', targetBodyId: await env.bodyId('akimat-astana') });
    assert.equal(self.statusCode, 422);
  });

  test('who may review, and whose bookings', async () => {
    const b = await newBooking();
    for (const role of ['executor', 'operator', 'moderator']) {
      const res = await post(`${b.number}/review`, role, { decision: 'confirm' });
      assert.equal(res.statusCode, 403, role);
    }
    const other = await post(`${b.number}/review`, 'comms_officer', { decision: 'confirm' }, 'akimat-almaty');
    assert.equal(other.statusCode, 404, 'another body’s booking does not exist for its staff');
    assert.equal(other.json().error.code, 'BOOKING_NOT_FOUND');
  });
});

describe('the meeting', () => {
  test('not before it begins; then who came, questions, decision, resolution and follow-ups, each an appeal with its term', async () => {
    const b = await newBooking();
    await post(`${b.number}/review`, 'head', { decision: 'confirm' });
    const outcome = {
      attended: true,
      attendees: ['Жанар Омарова', 'Ерлан Омаров (сын)'],
      topics: ['housing.housing_queue', 'improvement.lighting'],
      decision: 'Поручено проверить очередь заявителя и установить освещение во дворе до 15 января.',
      resolution: 'resolved',
      followUps: [
        { text: 'Проверить очередность заявителя на арендное жилье и сообщить результат.', topicCode: 'housing.housing_queue' },
        { text: 'Установить освещение во дворе дома по ул. Абая, 10.', topicCode: 'improvement.lighting' },
      ],
    };
    const early = await post(`${b.number}/outcome`, 'head', outcome);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'MEETING_NOT_STARTED');

    env.clock.set('2026-12-10T05:20:00Z');
    const deputy = await post(`${b.number}/outcome`, 'deputy', outcome);
    assert.equal(deputy.statusCode, 403, 'the deputy does not record the head’s meeting');
    const noDecision = await post(`${b.number}/outcome`, 'head', { ...outcome, decision: '' });
    assert.equal(noDecision.statusCode, 400);
    const badTopic = await post(`${b.number}/outcome`, 'head', { ...outcome, topics: ['nope'] });
    assert.equal(badTopic.statusCode, 422);

    const res = await post(`${b.number}/outcome`, 'head', outcome);
    assert.equal(res.statusCode, 200, res.body);
    const card = res.json();
    assert.equal(card.status, 'attended');
    assert.deepEqual(card.attendees, outcome.attendees);
    assert.deepEqual(card.topics, outcome.topics);
    assert.equal(card.decision, outcome.decision);
    assert.equal(card.followUps.length, 2);
    const appeal = await appealOf(b.id);
    assert.equal(appeal.status, 'answered');
    assert.equal(appeal.resolution, 'resolved');
    assert.ok(appeal.answeredAt);
    const held = (await eventsOf(b.id)).find((e) => e.type === 'reception.held')!;
    assert.deepEqual(held.data.followUps, card.followUps.map((f: { number: string }) => f.number));

    const units = await db().selectFrom('unit as u').innerJoin('body as b', 'b.id', 'u.bodyId').select(['u.id', 'u.code']).where('b.code', '=', 'akimat-astana').execute();
    for (const [i, f] of card.followUps.entries()) {
      const fu = await appealOf(f.id);
      assert.equal(fu.channel, 'personal_reception');
      assert.equal(fu.status, 'in_work');
      assert.equal(fu.applicantName, appeal.applicantName, 'the same applicant');
      assert.equal(fu.topicCode, outcome.followUps[i].topicCode);
      assert.equal(fu.unitId, units.find((u) => u.code === (i === 0 ? 'housing' : 'environment'))!.id);
      assert.ok(fu.legalDueAt && fu.legalDueAt > new Date('2026-12-10T05:20:00Z'), 'its own statutory term');
      assert.equal(fu.repeatOfId, null, 'a follow-up is not a repeat appeal');
      const types = (await eventsOf(f.id)).map((e) => e.type);
      assert.deepEqual(types, ['appeal.registered', 'reception.follow_up_assigned']);
    }
    // The meeting is recorded once; more tasks can be added later.
    assert.equal((await post(`${b.number}/outcome`, 'head', outcome)).statusCode, 409);
    const more = await post(`${b.number}/follow-ups`, 'comms_officer', { followUps: [{ text: 'Направить ответ о сроках ремонта крыши.', topicCode: 'housing.repair' }] });
    assert.equal(more.statusCode, 200, more.body);
    assert.equal(more.json().followUps.length, 3);
    env.clock.set(NOW);
  });

  test('a no-show is recorded and the appeal left without consideration; the office records for the official', async () => {
    env.clock.set(NOW);
    const b = await newBooking(deputySlot);
    env.clock.set('2026-12-08T10:30:00Z');
    const withTasks = await post(`${b.number}/outcome`, 'comms_officer', { attended: false, followUps: [{ text: 'Что-то сделать по заявлению.' }] });
    assert.equal(withTasks.statusCode, 400);
    const res = await post(`${b.number}/outcome`, 'comms_officer', { attended: false, note: 'Не явился, на звонок не ответил.' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'no_show');
    const appeal = await appealOf(b.id);
    assert.equal(appeal.status, 'left_without_consideration');
    assert.equal(appeal.resolution, 'left_without_consideration');
    assert.equal((await eventsOf(b.id)).at(-1)!.type, 'reception.no_show');
    const more = await post(`${b.number}/follow-ups`, 'comms_officer', { followUps: [{ text: 'Направить ответ о сроках ремонта крыши.' }] });
    assert.equal(more.statusCode, 409);
    env.clock.set(NOW);
  });
});
