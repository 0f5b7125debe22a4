// The hot path of telephony: one CTI event is one prepared statement.
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/** Causes after which a missed inbound call is called back. */
export const CALLBACK_CAUSES = ['cancel', 'noAnswer', 'busy'];

export interface CallEventRow {
  tokenHash: string;
  callId: string;
  lineNumber: string;
  direction: 'in' | 'out';
  caller: string | null;
  now: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  cause: string | null;
  agent: string | null;
  queue: string | null;
  answeringNumber: string | null;
  isNew: boolean;
}

/**
 * One statement: the token's body, the line, the blocked list, the call's row and the
 * callback queue. Each instant keeps its first arrival, so a repeated event changes
 * nothing; an answer arriving after the hangup is placed at the hangup (no talk time), and
 * takes the call out of the callback queue unless somebody already tried to call back.
 * Writes nothing for an unknown token (no row is returned).
 */
export async function upsertCallFromEvent(db: Kysely<Database>, e: CallEventRow) {
  const { rows } = await sql<{ id: string; tokenHash: string; state: string; blocked: boolean }>`${sql.raw(PREPARED)}
    with s as (
      select body_id, token_hash from cti_setting where token_hash = ${e.tokenHash}::text
    ), l as (
      select l.id, l.channel, l.language from cti_line l join s on l.body_id = s.body_id where l.number = ${e.lineNumber}::text
    ), c as (
      insert into call as c (body_id, call_id, line_id, line_number, channel, direction, caller_number, started_at, answered_at, ended_at, cause, agent, queue, answering_number, language, blocked)
      select s.body_id, ${e.callId}::text, l.id, ${e.lineNumber}::text, coalesce(l.channel, 'call_centre'), ${e.direction}::text, ${e.caller}::text,
             ${e.now}::timestamptz, ${e.answeredAt}::timestamptz, ${e.endedAt}::timestamptz, ${e.cause}::text, ${e.agent}::text, ${e.queue}::text,
             ${e.answeringNumber}::text, l.language,
             ${e.isNew}::boolean and ${e.caller}::text is not null and exists (select 1 from cti_block b where b.body_id = s.body_id and b.number = ${e.caller}::text)
      from s left join l on true
      on conflict (body_id, call_id) do update set
        started_at = least(c.started_at, excluded.started_at),
        answered_at = coalesce(c.answered_at, least(excluded.answered_at, coalesce(c.ended_at, excluded.answered_at))),
        ended_at = coalesce(c.ended_at, excluded.ended_at),
        cause = coalesce(c.cause, excluded.cause),
        agent = case when c.answered_at is null and excluded.answered_at is not null then coalesce(excluded.agent, c.agent) else coalesce(c.agent, excluded.agent) end,
        queue = coalesce(excluded.queue, c.queue),
        answering_number = coalesce(c.answering_number, excluded.answering_number),
        blocked = c.blocked or excluded.blocked
      returning c.id, c.body_id, c.state, c.direction, c.blocked, c.cause, c.ended_at
    ), missed as (
      insert into call_callback (call_id, body_id, due_at, source, created_at)
      select id, body_id, ended_at, 'missed', ${e.now}::timestamptz from c
      where state = 'missed' and direction = 'in' and not blocked and cause = any(${CALLBACK_CAUSES}::text[])
      on conflict do nothing
    ), answered_late as (
      delete from call_callback cb using c
      where cb.call_id = c.id and c.state = 'ended' and cb.source = 'missed'
        and not exists (select 1 from call_callback_attempt a where a.call_id = cb.call_id)
    )
    select c.id, s.token_hash, c.state, c.blocked from c cross join s
  `.execute(db);
  return rows[0];
}
