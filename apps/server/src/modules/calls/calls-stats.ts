// Weekly monitoring of the phone channels: calls, answered, missed, abandoned, average wait
// and talk, the first-call resolution rate, callbacks done and consultations against
// appeals, by day, line, channel or operator. One grouped scan of the body's calls.
import { ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { almatyDate } from '../deadlines/index.ts';
import { assertRole, CALL_READERS } from './calls.policy.ts';
import { displayNumber } from './numbers.ts';

export const CALL_STATS_GROUPS = ['day', 'line', 'channel', 'agent'] as const;
export type CallStatsGroup = (typeof CALL_STATS_GROUPS)[number];

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const KEY: Record<CallStatsGroup, ReturnType<typeof sql>> = {
  // Almaty is UTC+5 all year (see the calendar's rules).
  day: sql`to_char(c.started_at at time zone 'UTC' + interval '5 hours', 'YYYY-MM-DD')`,
  line: sql`c.line_number`,
  channel: sql`c.channel`,
  agent: sql`c.agent`,
};

interface StatsRow {
  key: string | null;
  total: boolean;
  calls: string;
  answered: string;
  missed: string;
  abandoned: string;
  avgWait: string | null;
  avgTalk: string | null;
  consulted: string;
  withOutcome: string;
  callbacksDone: string;
  consultations: string;
  appeals: string;
}

const round1 = (v: string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

function figures(r: StatsRow) {
  const withOutcome = Number(r.withOutcome);
  return {
    calls: Number(r.calls),
    answered: Number(r.answered),
    missed: Number(r.missed),
    abandoned: Number(r.abandoned),
    avgWaitSeconds: round1(r.avgWait),
    avgTalkSeconds: round1(r.avgTalk),
    // Of the calls something was made of, the share settled on the call by a consultation.
    firstCallResolutionRate: withOutcome ? Math.round((Number(r.consulted) / withOutcome) * 1000) / 1000 : null,
    callbacksDone: Number(r.callbacksDone),
    consultations: Number(r.consultations),
    appeals: Number(r.appeals),
  };
}

/** The period: Almaty dates, both included; by default the last seven days up to today. */
function period(ctx: AppContext, from?: string, to?: string) {
  const today = almatyDate(ctx.clock.now());
  const end = to ?? today;
  const start = from ?? almatyDate(new Date(new Date(`${end}T12:00:00${ALMATY_UTC_OFFSET}`).getTime() - 6 * DAY_MS));
  for (const [field, v] of [['from', start], ['to', end]] as const) {
    if (!DATE.test(v) || Number.isNaN(new Date(`${v}T00:00:00${ALMATY_UTC_OFFSET}`).getTime())) throw new AppError('VALIDATION_FAILED', `${field} is a date YYYY-MM-DD`, { field });
  }
  if (start > end) throw new AppError('VALIDATION_FAILED', 'from is after to', { field: 'from' });
  return { from: start, to: end, since: new Date(`${start}T00:00:00${ALMATY_UTC_OFFSET}`), until: new Date(new Date(`${end}T00:00:00${ALMATY_UTC_OFFSET}`).getTime() + DAY_MS) };
}

export async function callStats(ctx: AppContext, staff: Staff, q: { from?: string; to?: string; groupBy?: CallStatsGroup }) {
  assertRole(staff, CALL_READERS);
  const groupBy = q.groupBy ?? 'day';
  const p = period(ctx, q.from, q.to);
  const key = KEY[groupBy];
  const { rows } = await sql<StatsRow>`
    select ${key} as key, grouping(${key}) = 1 as total,
      count(*) as calls,
      count(*) filter (where c.answered_at is not null) as answered,
      count(*) filter (where c.direction = 'in' and c.answered_at is null and c.ended_at is not null) as missed,
      count(*) filter (where c.direction = 'in' and c.answered_at is null and c.cause = 'cancel') as abandoned,
      avg(extract(epoch from c.answered_at - c.started_at)) filter (where c.answered_at is not null) as avg_wait,
      avg(extract(epoch from c.ended_at - c.answered_at)) filter (where c.answered_at is not null and c.ended_at is not null) as avg_talk,
      count(*) filter (where o.consultations > 0 and o.appeals = 0) as consulted,
      count(*) filter (where o.consultations + o.appeals > 0) as with_outcome,
      count(*) filter (where cb.done) as callbacks_done,
      coalesce(sum(o.consultations), 0) as consultations,
      coalesce(sum(o.appeals), 0) as appeals
    from call c
    left join lateral (
      select count(*) filter (where outcome = 'consultation') as consultations, count(*) filter (where outcome <> 'consultation') as appeals
      from call_appeal where call_id = c.id
    ) o on true
    left join call_callback cb on cb.call_id = c.id
    where c.body_id = ${staff.bodyId}::uuid and not c.blocked and c.started_at >= ${p.since}::timestamptz and c.started_at < ${p.until}::timestamptz
    group by grouping sets ((${key}), ())
    order by total, key nulls last
  `.execute(ctx.db);
  const groups = rows.filter((r) => !r.total);
  const total = rows.find((r) => r.total);
  const empty = { key: null, total: true, calls: '0', answered: '0', missed: '0', abandoned: '0', avgWait: null, avgTalk: null, consulted: '0', withOutcome: '0', callbacksDone: '0', consultations: '0', appeals: '0' };
  return {
    groupBy,
    from: p.from,
    to: p.to,
    rows: groups.map((r) => ({ key: groupBy === 'line' ? displayNumber(r.key) : r.key, ...figures(r) })),
    total: figures(total ?? empty),
  };
}
