// The reminder timing end to end: the booking queues the messages, and the real delivery
// worker (over a real SMPP session to a local SMSC) sends each only when the clock reaches it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { startSmsc, type SmscTestServer } from '../../../test/delivery-servers.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../notify/index.ts';
import { approvedSchedule, book, clearSchedules, slot } from './reception.fixtures.ts';

let env: TestEnv;
let smsc: SmscTestServer;
let worker: DeliveryWorker;
const NOW = '2026-11-25T05:00:00Z'; // Wednesday 25 November 2026, 10:00 in Almaty
let in10: string;
let in5: string;

before(async () => {
  smsc = await startSmsc();
  env = await createTestEnv({ now: NOW, env: { SMPP_URL: `${smsc.url}?source=Tyndau` } });
  worker = createDeliveryWorker(env.ctx, { log: () => {} });
  await clearSchedules(env);
  const s = await approvedSchedule(env, 'akimat-astana', 'head', '2026-Q4', [slot('2026-11-30', '10:00', 5), slot('2026-12-05', '10:00', 5)]);
  in5 = s.slots[0].id;
  in10 = s.slots[1].id;
});
after(async () => {
  await worker.stop();
  await env.close();
  await smsc.close();
});

const sms = (phone: string) => smsc.submits.filter((s) => s.destination === phone.replace(/\D/g, ''));
const applicant = (phone: string) => ({ type: 'individual', name: 'Жанар Омарова', phone });

test('booked 10 days ahead: the confirmation at once, the reminder by SMS exactly 3 days before the meeting', async () => {
  env.clock.set(NOW);
  const phone = '+77011110010';
  const res = await book(env, in10, { applicant: applicant(phone), language: 'ru' });
  assert.equal(res.statusCode, 201, res.body);
  const b = res.json();
  await worker.drain();
  assert.equal(sms(phone).length >= 1, true, 'the confirmation went out');
  const confirmation = sms(phone).map((s) => s.text).join('');
  assert.ok(confirmation.includes(b.number) && confirmation.includes(b.accessCode), 'it carries the number and access code');
  const sentNow = sms(phone).length;

  env.clock.set('2026-12-02T04:59:00Z'); // a minute before 3 days ahead
  await worker.drain();
  assert.equal(sms(phone).length, sentNow, 'the reminder waits');

  env.clock.set('2026-12-02T05:00:00Z'); // 3 days before 5 December 10:00
  await worker.drain();
  const reminder = sms(phone).slice(sentNow);
  assert.ok(reminder.length >= 1, 'the reminder is sent now');
  assert.match(reminder.map((s) => s.text).join(''), /05\.12\.2026/);
  const row = await env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', b.id).where('template', '=', 'reception.reminder').executeTakeFirstOrThrow();
  assert.equal(row.status, 'sent');
  assert.equal(row.sendAfter?.toISOString(), '2026-12-02T05:00:00.000Z');
});

test('booked 5 days ahead: only the confirmation, never a reminder', async () => {
  env.clock.set(NOW);
  const phone = '+77011110005';
  const b = (await book(env, in5, { applicant: applicant(phone) })).json();
  await worker.drain();
  const afterBooking = sms(phone).length;
  assert.ok(afterBooking >= 1, 'the confirmation went out');
  env.clock.set('2026-11-29T05:00:00Z');
  await worker.drain();
  assert.equal(sms(phone).length, afterBooking);
  const templates = (await env.ctx.db.selectFrom('notification').select('template').where('appealId', '=', b.id).execute()).map((n) => n.template);
  assert.deepEqual(templates, ['reception.booked']);
});

test('a cancelled booking’s reminder is never sent', async () => {
  env.clock.set(NOW);
  const phone = '+77011110099';
  const b = (await book(env, in10, { applicant: applicant(phone) })).json();
  await worker.drain();
  const before = sms(phone).length;
  const cancel = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/bookings/${b.number}/cancel`, payload: { code: b.accessCode } });
  assert.equal(cancel.statusCode, 200, cancel.body);
  env.clock.set('2026-12-02T06:00:00Z');
  await worker.drain();
  assert.equal(sms(phone).length, before, 'nothing more went to the citizen');
  const row = await env.ctx.db.selectFrom('notification').select('status').where('appealId', '=', b.id).where('template', '=', 'reception.reminder').executeTakeFirstOrThrow();
  assert.equal(row.status, 'cancelled');
});
