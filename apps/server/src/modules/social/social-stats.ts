// Daily monitoring of the social channel for one body: comments per network and day, the
// time to the first reply sent under them, and, for comments registered as appeals, how
// many were answered on time per difficulty (answered by the channel's target date, or
// still open and not yet past it). One grouped scan of the period's comments.
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { almatyDate } from '../deadlines/index.ts';
import { assertRole, SOCIAL_READERS } from './social.policy.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function socialStats(ctx: AppContext, staff: Staff, q: { from?: string; to?: string }) {
  assertRole(staff, SOCIAL_READERS);
  const today = almatyDate(ctx.clock.now());
  const to = q.to ?? today;
  const from = q.from ?? to;
  if (!DAY.test(from) || !DAY.test(to) || from > to) throw new AppError('VALIDATION_FAILED', 'from and to are dates, from ≤ to', { field: 'from' });
  // Almaty days: UTC+5 without daylight saving.
  const start = new Date(`${from}T00:00:00+05:00`);
  const end = new Date(new Date(`${to}T00:00:00+05:00`).getTime() + 86_400_000);
  const now = ctx.clock.now();
  const { rows } = await sql<{ day: string; network: string; comments: number; replied: number; medianReplyMinutes: number | null; avgReplyMinutes: number | null }>`
    select to_char(m.received_at at time zone 'Asia/Almaty', 'YYYY-MM-DD') as day, m.network,
           count(*)::int as comments,
           count(m.first_reply_at)::int as replied,
           round((percentile_cont(0.5) within group (order by extract(epoch from m.first_reply_at - m.received_at)) / 60)::numeric, 1)::float8 as "medianReplyMinutes",
           round((avg(extract(epoch from m.first_reply_at - m.received_at)) / 60)::numeric, 1)::float8 as "avgReplyMinutes"
    from social_message m
    where m.body_id = ${staff.bodyId}::uuid and m.received_at >= ${start}::timestamptz and m.received_at < ${end}::timestamptz
    group by 1, 2 order by 1, 2`.execute(ctx.db);
  const { rows: onTime } = await sql<{ difficulty: string; appeals: number; onTime: number; late: number; open: number }>`
    select m.difficulty, count(*)::int as appeals,
           count(*) filter (where a.answered_at is not null and a.answered_at <= a.target_due_at)::int as "onTime",
           count(*) filter (where (a.answered_at is not null and a.answered_at > a.target_due_at) or (a.answered_at is null and a.target_due_at < ${now}::timestamptz))::int as late,
           count(*) filter (where a.answered_at is null and (a.target_due_at is null or a.target_due_at >= ${now}::timestamptz))::int as open
    from (select distinct appeal_id, difficulty from social_message
          where body_id = ${staff.bodyId}::uuid and appeal_id is not null and received_at >= ${start}::timestamptz and received_at < ${end}::timestamptz) m
    join appeal a on a.id = m.appeal_id
    group by m.difficulty order by m.difficulty`.execute(ctx.db);
  return { from, to, days: rows, onTimeByDifficulty: onTime };
}
