// The rule "nothing holds a connection while waiting for another", enforced: every process
// action and every reception action that takes a transaction runs 50 at once on a pool of
// two connections. An action that reads through the pool inside its transaction waits for a
// connection the other waiters hold, and the batch never finishes (on the server, with its
// acquire timeout, it ends in 503s instead) — so each batch must be all 2xx within a bound.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { approvedSchedule, clearSchedules, citizenBooking, slot } from '../reception/reception.fixtures.ts';

const N = 50;
const BOUND_MS = 30_000;
const NOW = '2026-11-25T05:00:00Z'; // Wednesday, 10:00 in Almaty

let env: TestEnv;
before(async () => {
  env = await createTestEnv({ now: NOW, poolSize: 2 });
});
after(() => env.close());

type Res = { statusCode: number; body: string; json: () => Record<string, unknown> };

/** Runs the N requests at once; every one must succeed, and the batch must end within the bound. */
async function allAtOnce(name: string, requests: Array<() => Promise<Res>>, expected = 200): Promise<Res[]> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: ${requests.length} at once on a pool of 2 did not finish within ${BOUND_MS} ms`)), BOUND_MS);
  });
  try {
    const results = await Promise.race([Promise.all(requests.map((r) => r())), bound]);
    for (const r of results) assert.equal(r.statusCode, expected, `${name}: ${r.body}`);
    const ms = Date.now() - started;
    assert.ok(ms < BOUND_MS, `${name} took ${ms} ms`);
    return results;
  } finally {
    clearTimeout(timer);
  }
}

let caller = 0;
async function post(url: string, payload: object | undefined, who?: [role: string, body: string]): Promise<Res> {
  const headers = who ? { cookie: await env.login(who[0], who[1]) } : {};
  // Each citizen from an address of their own: the tracking endpoints' rate limit is per address.
  const remoteAddress = `10.1.${Math.floor(++caller / 250) % 250}.${(caller % 250) + 1}`;
  return env.app.inject({ method: 'POST', url, headers, remoteAddress, ...(payload ? { payload } : {}) }) as unknown as Promise<Res>;
}

async function register(bodyId: string, i: number): Promise<{ id: string; number: string; accessCode: string }> {
  const res = await post('/api/v1/appeals', citizenAppeal(bodyId, { text: `Во дворе дома ${i} по улице Абая не вывозят мусор третью неделю.` }));
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; accessCode: string };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('every process action, 50 at once on a pool of two connections, all finish', { timeout: 600_000 }, async () => {
  const astana = await env.bodyId('akimat-astana');
  const almaty = await env.bodyId('akimat-almaty');
  const executor = await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
  const comms: [string, string] = ['comms_officer', 'akimat-astana'];
  const head: [string, string] = ['head', 'akimat-astana'];
  const exec: [string, string] = ['executor', 'akimat-astana'];

  // Intake itself, 50 at once.
  const intake = await allAtOnce('intake', range(N).map((i) => () => post('/api/v1/appeals', citizenAppeal(astana, { text: `Не горит свет в подъезде дома ${i} по улице Сарыарка.` }))), 201);
  const own = intake.map((r) => r.json() as { id: string; number: string; accessCode: string });
  const others: Array<{ id: string }> = [];
  const nobodys: Array<{ id: string }> = [];
  for (const i of range(N)) others.push(await register(astana, 1000 + i));
  for (const i of range(N)) nobodys.push(await register(astana, 2000 + i));

  await allAtOnce('triage own', own.map((a) => () => post(`/api/v1/appeals/${a.id}/triage`, { competence: 'own', unitId: executor.unitId, difficulty: 'medium' }, comms)));
  const redirected = await allAtOnce('triage other', others.map((a) => () => post(`/api/v1/appeals/${a.id}/triage`, { competence: 'other', targetBodyId: almaty, reason: 'адрес в Алматы' }, comms)));
  await allAtOnce('triage none', nobodys.map((a) => () => post(`/api/v1/appeals/${a.id}/triage`, { competence: 'none', reason: 'вне компетенции' }, comms)));
  await allAtOnce('assign', own.map((a) => () => post(`/api/v1/appeals/${a.id}/assign`, { executorId: executor.id }, comms)));
  await allAtOnce('extend', own.map((a) => () => post(`/api/v1/appeals/${a.id}/extend`, { until: '2027-01-15', reason: 'нужна проверка на месте' }, head)));
  await allAtOnce('request info', own.map((a) => () => post(`/api/v1/appeals/${a.id}/request-info`, { text: 'Приложите фото подъезда.' }, exec)));
  await allAtOnce('applicant reply', own.map((a) => () => post(`/api/v1/track/${a.number}/reply`, { code: a.accessCode, text: 'Фото приложено.' })));
  await allAtOnce('request info again', own.map((a) => () => post(`/api/v1/appeals/${a.id}/request-info`, { text: 'Уточните номер подъезда.' }, exec)));
  await allAtOnce('info received', own.map((a) => () => post(`/api/v1/appeals/${a.id}/info-received`, { text: 'Подъезд 2, сообщил по телефону.' }, exec)));
  await allAtOnce('draft answer', own.map((a) => () => post(`/api/v1/appeals/${a.id}/answer`, { text: 'Уважаемая Айгерим! Освещение в подъезде восстановлено, лампы заменены 1 декабря.', resolution: 'resolved' }, exec)), 201);
  await allAtOnce('sign', own.map((a) => () => post(`/api/v1/appeals/${a.id}/sign`, undefined, head)));
  await allAtOnce('close', own.map((a) => () => post(`/api/v1/appeals/${a.id}/close`, undefined, comms)));
  const feedback = await allAtOnce('feedback with a complaint', own.map((a) => () => post(`/api/v1/track/${a.number}/feedback`, { code: a.accessCode, score: 2, disagree: true, comment: 'Свет снова не горит.' })), 201);
  const copies = redirected.map((r) => (r.json() as { newAppeal: { id: string } }).newAppeal.id);
  await allAtOnce('leave without consideration', copies.map((id) => () => post(`/api/v1/appeals/${id}/leave-without-consideration`, { reason: 'заявитель отозвал обращение' }, ['comms_officer', 'akimat-almaty'])));

  // What the batches did is all there: nothing half-done.
  const count = async (status: string, bodyId: string) =>
    Number((await env.ctx.db.selectFrom('appeal').select((eb) => eb.fn.countAll().as('n')).where('status', '=', status).where('bodyId', '=', bodyId).executeTakeFirstOrThrow()).n);
  assert.ok((await count('closed', astana)) >= 2 * N);
  assert.ok((await count('left_without_consideration', almaty)) >= N);
  assert.equal(feedback.filter((r) => (r.json() as { complaint: unknown }).complaint).length, N);
});

test('every reception action that takes a transaction, 50 at once on a pool of two, all finish', { timeout: 600_000 }, async () => {
  env.clock.set(NOW);
  await clearSchedules(env);
  const slots = (await approvedSchedule(env, 'akimat-astana', 'head', '2026-Q4', [slot('2026-12-10', '10:00', 60), slot('2026-12-11', '10:00', 60), slot('2026-12-14', '10:00', 60)])).slots;
  const book = (slotId: string, i: number) => () => post('/api/v1/receptions/bookings', citizenBooking(slotId, { applicant: { type: 'individual', name: `Заявитель ${i}`, phone: `+770112${String(10000 + i).slice(1)}` } }));
  const booked = (await allAtOnce('book', range(N).map((i) => book(slots[0].id, i)), 201)).map((r) => r.json() as { number: string; accessCode: string });
  const moving = (await allAtOnce('book again', range(N).map((i) => book(slots[1].id, 100 + i)), 201)).map((r) => r.json() as { number: string; accessCode: string });
  await allAtOnce('reschedule', moving.map((b) => () => post(`/api/v1/receptions/bookings/${b.number}/reschedule`, { code: b.accessCode, slotId: slots[2].id })));
  await allAtOnce('cancel', moving.map((b) => () => post(`/api/v1/receptions/bookings/${b.number}/cancel`, { code: b.accessCode })));
  const half = N / 2;
  await allAtOnce('review: confirm', booked.slice(0, half).map((b) => () => post(`/api/v1/receptions/bookings/${b.number}/review`, { decision: 'confirm' }, ['head', 'akimat-astana'])));
  await allAtOnce(
    'review: redirect',
    booked.slice(half).map((b) => async () => post(`/api/v1/receptions/bookings/${b.number}/review`, { decision: 'redirect', targetBodyId: await env.bodyId('akimat-almaty'), reason: 'адрес в Алматы' }, ['comms_officer', 'akimat-astana'])),
  );
  env.clock.set('2026-12-10T05:20:00Z');
  const outcome = {
    attended: true,
    attendees: ['Заявитель'],
    topics: ['housing.housing_queue'],
    decision: 'Поручено проверить очередь заявителя до 15 января.',
    resolution: 'resolved',
    followUps: [{ text: 'Проверить очередность заявителя на арендное жилье.', topicCode: 'housing.housing_queue' }],
  };
  await allAtOnce('outcome with follow-ups', booked.slice(0, half).map((b) => () => post(`/api/v1/receptions/bookings/${b.number}/outcome`, outcome, ['head', 'akimat-astana'])));
  await allAtOnce('more follow-ups', booked.slice(0, half).map((b) => () => post(`/api/v1/receptions/bookings/${b.number}/follow-ups`, { followUps: [{ text: 'Сообщить заявителю результат проверки.' }] }, ['comms_officer', 'akimat-astana'])));
  env.clock.set(NOW);
});
