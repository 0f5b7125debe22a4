// Helpers for the reception tests: a clean slate of schedules and approved slots made
// through the API as the communications office and the head would.
import { ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import assert from 'node:assert/strict';
import type { TestEnv } from '../../../test/harness.ts';

/** The template carries demo schedules relative to the day the tests run; tests make their own. */
export async function clearSchedules(env: TestEnv): Promise<void> {
  await env.ctx.db.deleteFrom('receptionSlot').where((eb) => eb.not(eb.exists(eb.selectFrom('receptionBooking').select('id').whereRef('receptionBooking.slotId', '=', 'receptionSlot.id')))).execute();
  await env.ctx.db.deleteFrom('receptionSchedule').where((eb) => eb.not(eb.exists(eb.selectFrom('receptionSlot').select('id').whereRef('receptionSlot.scheduleId', '=', 'receptionSchedule.id')))).execute();
}

export async function officialId(env: TestEnv, role: 'head' | 'deputy', bodyCode: string): Promise<string> {
  const row = await env.ctx.db
    .selectFrom('staffUser as u')
    .innerJoin('body as b', 'b.id', 'u.bodyId')
    .select('u.id')
    .where('b.code', '=', bodyCode)
    .where('u.role', '=', role)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A slot on an Almaty date and time, one hour long. */
export function slot(date: string, time: string, capacity = 3, over: Record<string, unknown> = {}) {
  const startsAt = new Date(`${date}T${time}:00${ALMATY_UTC_OFFSET}`);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), place: 'Астана, ул. Бейбитшилик, 11, каб. 101', capacity, ...over };
}

export async function draftSchedule(env: TestEnv, bodyCode: string, role: 'head' | 'deputy', quarter: string, slots: unknown[]) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/receptions/schedules',
    headers: { cookie: await env.login('comms_officer', bodyCode) },
    payload: { officialId: await officialId(env, role, bodyCode), quarter, slots },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** A schedule drafted by the communications office and approved by the head; returns it with its slots. */
export async function approvedSchedule(env: TestEnv, bodyCode: string, role: 'head' | 'deputy', quarter: string, slots: unknown[]) {
  const draft = await draftSchedule(env, bodyCode, role, quarter, slots);
  const res = await env.app.inject({ method: 'POST', url: `/api/v1/receptions/schedules/${draft.id}/approve`, headers: { cookie: await env.login('head', bodyCode) } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { id: string; slots: Array<{ id: string; startsAt: string; capacity: number }>; warnings: unknown[] };
}

export function citizenBooking(slotId: string, over: Record<string, unknown> = {}) {
  return {
    slotId,
    question: 'Прошу принять по вопросу предоставления арендного жилья: стою в очереди с 2015 года, очередь не движется.',
    topicCode: 'housing',
    applicant: { type: 'individual', name: 'Жанар Омарова', iin: '880516300374', phone: '+77011234567', email: 'zhanar@example.kz' },
    ...over,
  };
}

export async function book(env: TestEnv, slotId: string, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return env.app.inject({ method: 'POST', url: '/api/v1/receptions/bookings', payload: citizenBooking(slotId, over), headers });
}
