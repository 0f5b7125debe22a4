import { test } from 'node:test';
import assert from 'node:assert/strict';
import { almatyMonth, monthsWithoutReception, nextQuarter, parseQuarter, quarterOf } from './quarters.ts';
import { isMobilePhone, planReminder } from './reminders.ts';

test('a quarter runs from Almaty midnight of its first day to that of the next quarter', () => {
  const q = parseQuarter('2026-Q4');
  assert.equal(q.start.toISOString(), '2026-09-30T19:00:00.000Z');
  assert.equal(q.end.toISOString(), '2026-12-31T19:00:00.000Z');
  assert.deepEqual(q.months, ['2026-10', '2026-11', '2026-12']);
  assert.equal(nextQuarter(q).code, '2027-Q1');
  assert.throws(() => parseQuarter('2026-Q5'), { code: 'VALIDATION_FAILED' });
});

test('the quarter and month of an instant are those of Almaty, not UTC', () => {
  // 31 December 20:00 UTC is already 1 January in Almaty.
  assert.equal(quarterOf(new Date('2026-12-31T20:00:00Z')).code, '2027-Q1');
  assert.equal(almatyMonth(new Date('2026-10-31T19:30:00Z')), '2026-11');
});

test('months without a reception are found (art. 90: at least once a month)', () => {
  const q = parseQuarter('2026-Q4');
  assert.deepEqual(monthsWithoutReception(q, [new Date('2026-10-08T05:00:00Z'), new Date('2026-12-10T05:00:00Z')]), ['2026-11']);
  assert.deepEqual(monthsWithoutReception(q, []), ['2026-10', '2026-11', '2026-12']);
});

test('Kazakhstan mobile numbers are told from landlines', () => {
  for (const p of ['+77011234567', '87751234567', '+7 (747) 123-45-67', '7071234567']) assert.equal(isMobilePhone(p), true, p);
  for (const p of ['+77172123456', '+77272123456', '+77152123456', '12345', '', null]) assert.equal(isMobilePhone(p), false, String(p));
});

test('a reminder 3 days before, only for a booking made more than 7 days ahead', () => {
  const at = new Date('2026-11-25T05:00:00Z');
  const in10 = new Date('2026-12-05T05:00:00Z');
  assert.deepEqual(planReminder(at, in10, { phone: '+77011234567', email: null }), { remindAt: new Date('2026-12-02T05:00:00Z'), remindBy: 'sms' });
  assert.equal(planReminder(at, new Date('2026-11-30T05:00:00Z'), { phone: '+77011234567', email: null }), null);
  assert.equal(planReminder(at, new Date('2026-12-02T05:00:00Z'), { phone: '+77011234567', email: null }), null, 'exactly 7 days is not more than 7');
  assert.equal(planReminder(at, in10, { phone: '+77172123456', email: 'a@example.kz' })?.remindBy, 'call');
  assert.equal(planReminder(at, in10, { phone: null, email: 'a@example.kz' })?.remindBy, 'email');
  assert.equal(planReminder(at, in10, { phone: null, email: null }), null);
});
