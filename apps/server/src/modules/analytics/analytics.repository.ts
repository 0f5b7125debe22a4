// Read-only statistics over the register: one pass over the appeals received in the
// period, grouped, with the total row from the same scan (grouping sets).
import { OPEN_STATUSES } from '@tyndau/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

export type GroupBy = 'channel' | 'topic' | 'unit' | 'resolution' | 'body';

const GROUP_COLUMN: Record<GroupBy, RawBuilder<unknown>> = {
  channel: sql`a.channel`,
  topic: sql`a.topic_code`,
  unit: sql`a.unit_id::text`,
  resolution: sql`a.resolution`,
  body: sql`a.body_id::text`,
};

export interface StatsRow {
  isTotal: boolean;
  key: string | null;
  received: number;
  open: number;
  overdueOpen: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  targetMet: number;
  targetMissed: number;
  closed: number;
  resolved: number;
  explained: number;
  refused: number;
  redirected: number;
  leftWithoutConsideration: number;
  lateRedirects: number;
  redirectedIn: number;
  extensions: number;
  rated: number;
  satisfactionAvg: string | null;
  disagreements: number;
  repeats: number;
}

export async function appealStats(db: Db, q: { bodyIds?: string[]; from: Date; to: Date; now: Date; groupBy?: GroupBy }): Promise<StatsRow[]> {
  const key = q.groupBy ? GROUP_COLUMN[q.groupBy] : sql`null::text`;
  const open = sql`a.status in (${sql.join(OPEN_STATUSES)})`;
  const n = (cond: RawBuilder<unknown>) => sql`(count(*) filter (where ${cond}))::int`;
  const res = await sql<StatsRow>`
    select
      grouping(${key}) = 1 as is_total,
      ${key} as key,
      count(*)::int as received,
      ${n(open)} as open,
      ${n(sql`${open} and a.legal_due_at < ${q.now}`)} as overdue_open,
      ${n(sql`a.answered_at is not null`)} as answered,
      ${n(sql`a.answered_at <= a.legal_due_at`)} as answered_on_time,
      ${n(sql`a.answered_at > a.legal_due_at`)} as answered_late,
      ${n(sql`a.answered_at <= a.target_due_at`)} as target_met,
      ${n(sql`a.answered_at > a.target_due_at`)} as target_missed,
      ${n(sql`a.closed_at is not null`)} as closed,
      ${n(sql`a.resolution = 'resolved'`)} as resolved,
      ${n(sql`a.resolution = 'explained'`)} as explained,
      ${n(sql`a.resolution = 'refused'`)} as refused,
      ${n(sql`a.resolution = 'redirected'`)} as redirected,
      ${n(sql`a.resolution = 'left_without_consideration'`)} as left_without_consideration,
      ${n(sql`a.resolution = 'redirected' and exists (select 1 from appeal_event e where e.appeal_id = a.id and e.type = 'appeal.redirected' and (e.data->>'late')::boolean)`)} as late_redirects,
      ${n(sql`a.redirected_from_id is not null`)} as redirected_in,
      ${n(sql`a.extended`)} as extensions,
      count(a.satisfaction)::int as rated,
      round(avg(a.satisfaction), 2)::text as satisfaction_avg,
      ${n(sql`f.disagree`)} as disagreements,
      ${n(sql`a.repeat_of_id is not null`)} as repeats
    from appeal a
    left join appeal_feedback f on f.appeal_id = a.id
    where a.received_at >= ${q.from} and a.received_at < ${q.to}
      ${q.bodyIds ? sql`and a.body_id = any(${q.bodyIds}::uuid[])` : sql``}
    group by grouping sets ((${key}), ())
    order by is_total desc, received desc, key`.execute(db);
  return res.rows;
}

export function unitNames(db: Db, ids: string[]) {
  return ids.length ? db.selectFrom('unit').select(['id', 'nameKk', 'nameRu', 'nameEn']).where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function topicNames(db: Db, codes: string[]) {
  return codes.length ? db.selectFrom('topic').select(['code', 'nameKk', 'nameRu', 'nameEn']).where('code', 'in', codes).execute() : Promise.resolve([]);
}

export function bodyNames(db: Db, ids: string[]) {
  return ids.length ? db.selectFrom('body').select(['id', 'code', 'nameKk', 'nameRu', 'nameEn']).where('id', 'in', ids).execute() : Promise.resolve([]);
}
