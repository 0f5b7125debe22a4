// Outbound: what the other side must hear, queued in the exchange outbox in the event's own
// transaction (so a change and its message commit together or not at all) and sent by the
// exchange worker. Every status change, redirect, extension and signed answer of an
// exchanged appeal; and, where a body chose it, every appeal received through Tyndau's own
// channels is registered in E-Otinish. The appeal_event id is the message's idempotency key.
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { AppealEventInput, InlineSubscriber, Tx } from '../../platform/events.ts';
import { CONFIDENTIAL_CHANNELS } from '../appeals/index.ts';
import * as repo from './exchange.repository.ts';

/** The events the other side is told of: every move of the lifecycle and the answer's text. */
export const REPORTED_EVENTS = [
  'appeal.triaged',
  'appeal.taken_into_work',
  'appeal.redirected',
  'appeal.extended',
  'appeal.info_requested',
  'appeal.info_received',
  'appeal.answered',
  'appeal.left_without_consideration',
  'appeal.closed',
] as const;

/** Channels never registered in E-Otinish by Tyndau: they came from the national systems, or are confidential. */
const NOT_REGISTERED_OUT = ['eotinish', 'egov', ...CONFIDENTIAL_CHANNELS];

/** What travels for an event: never the staff member's identity, the answer's text only for an answer. */
export function eventPayload(e: AppealEventInput & { id: number }): Record<string, unknown> {
  const { newAppealId: _n, answerId: _a, targetBodyId: _t, redirectedFromBodyId: _r, ...data } = e.data ?? {};
  return {
    type: e.type,
    at: e.at.toISOString(),
    reason: e.reason ?? null,
    data,
    ...(e.type === 'appeal.answered' && typeof e.transient?.text === 'string' ? { answerText: e.transient.text } : {}),
  };
}

async function queueEvent(tx: Tx, e: AppealEventInput & { id: number }): Promise<void> {
  const systems = await repo.systemsOfAppeal(tx, e.appealId);
  for (const system of systems) {
    await repo.queueOutbound(tx, { system, appealId: e.appealId, eventId: e.id, kind: 'event', payload: eventPayload(e), at: e.at });
  }
}

/** Inside intake's own statement: the registration in E-Otinish of a body that asked for it. */
const registerInline: InlineSubscriber = {
  row(e) {
    const channel = e.data?.channel;
    if (typeof channel !== 'string' || NOT_REGISTERED_OUT.includes(channel)) return null;
    return { at: e.at };
  },
  // `a` is the new appeals and `e` their appal_event rows (appeals.repository insertRegisteredAppeals).
  insert: (rows) => sql`
    insert into exchange_outbound (system, appeal_id, event_id, kind, payload, created_at, next_attempt_at)
    select 'eotinish', a.id, e.id, 'register', '{}'::jsonb, x.at, x.at
      from jsonb_to_recordset(${rows}) as x(appeal_id uuid, at timestamptz)
      join a on a.id = x.appeal_id
      join e on e.appeal_id = a.id
      join exchange_body_setting s on s.body_id = a.body_id and s.register_own_in_eotinish`,
};

export function subscribeExchange(ctx: AppContext): void {
  for (const type of REPORTED_EVENTS) ctx.events.on(type, queueEvent);
  ctx.events.on(
    'appeal.registered',
    async (tx, e) => {
      const channel = e.data?.channel;
      if (typeof channel !== 'string' || NOT_REGISTERED_OUT.includes(channel)) return;
      const a = await tx.selectFrom('appeal').select('bodyId').where('id', '=', e.appealId).executeTakeFirstOrThrow();
      if (!(await repo.registersOwn(tx, a.bodyId))) return;
      await repo.queueOutbound(tx, { system: 'eotinish', appealId: e.appealId, eventId: e.id, kind: 'register', payload: {}, at: e.at });
    },
    registerInline,
  );
}
