// The KPI tables: the refresh that keeps kpi_daily and kpi_overlap_daily current, and the
// reads of the dashboard, reports, public statistics and early warning. Kysely only.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';

const OPEN = sql`('registered', 'in_work', 'awaiting_applicant')`;
/** Bodies whose territory is a district for the KPIs (a rural okrug belongs to its district). */
const TERRITORIAL = sql`('district_akimat', 'city_oblast_akimat', 'city_republican_akimat')`;
/** Appeals of one applicant on one topic through another channel within this many days count as overlap. */
export const OVERLAP_DAYS = 30;
/** Appeals and slices taken per refresh transaction. */
const APPEALS_PER_STEP = 5000;
const SLICES_PER_STEP = 200;
const REFRESH_LOCK = 7000_0001;

/** Mark an appeal changed, in the change's own transaction (a counter, so the refresh sees a change made while it runs). */
export async function markAppealChanged(tx: Tx, appealId: string): Promise<void> {
  await sql`insert into kpi_dirty_appeal (appeal_id) values (${appealId}::uuid) on conflict (appeal_id) do update set n = kpi_dirty_appeal.n + 1`.execute(tx);
}

/** The same for intake's one statement: rows is the jsonb of the new appeals. */
export function markAppealsChangedInline(rows: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`insert into kpi_dirty_appeal (appeal_id) select distinct x.appeal_id from jsonb_to_recordset(${rows}) as x(appeal_id uuid) join a on a.id = x.appeal_id on conflict (appeal_id) do update set n = kpi_dirty_appeal.n + 1`;
}

/** Each body's district: the nearest territorial body among itself and its parents. */
const DISTRICT_OF = sql`
  with recursive up(body_id, id, kind, parent_id, depth) as (
    select b.id, b.id, b.kind, b.parent_id, 0 from body b
    union all
    select up.body_id, p.id, p.kind, p.parent_id, up.depth + 1 from up join body p on p.id = up.parent_id where up.kind not in ${TERRITORIAL} and up.depth < 10
  )
  select distinct on (body_id) body_id, case when kind in ${TERRITORIAL} then id end as district_id from up order by body_id, (kind in ${TERRITORIAL}) desc, depth`;

export async function districtMap(db: Db): Promise<Map<string, string | null>> {
  const { rows } = await sql<{ bodyId: string; districtId: string | null }>`${DISTRICT_OF}`.execute(db);
  return new Map(rows.map((r) => [r.bodyId, r.districtId]));
}

/**
 * One step of the refresh: take up to a batch of changed appeals and slices to rebuild,
 * recompute their (body, day) slices from the register, in one transaction. Returns the
 * number of slices rebuilt (0: nothing left). One refresher at a time (an advisory lock),
 * so two servers never write the same slice twice.
 */
export async function refreshStep(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows: lock } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as ok`.execute(tx);
    if (!lock[0]?.ok) return 0;
    // Deleting the marks first: a change committed after this statement either marked a
    // row this delete did not see (it stays for the next step) or bumped a row this delete
    // waited for (then the recompute below, a later statement, sees the change).
    const { rows: slices } = await sql<{ bodyId: string; day: string }>`
      with taken as (
        delete from kpi_dirty_appeal where appeal_id in (select appeal_id from kpi_dirty_appeal limit ${APPEALS_PER_STEP}) returning appeal_id
      ), whole as (
        delete from kpi_dirty_slice where (body_id, day) in (select body_id, day from kpi_dirty_slice limit ${SLICES_PER_STEP}) returning body_id, day
      )
      select distinct a.body_id, (a.received_at at time zone 'Asia/Almaty')::date::text as day from taken t join appeal a on a.id = t.appeal_id
      union
      select body_id, day::text from whole`.execute(tx);
    if (!slices.length) return 0;
    const bodies = slices.map((s) => s.bodyId);
    const days = slices.map((s) => s.day);
    await sql`delete from kpi_daily k using unnest(${bodies}::uuid[], ${days}::date[]) s(body_id, day) where k.body_id = s.body_id and k.day = s.day`.execute(tx);
    await sql`delete from kpi_overlap_daily k using unnest(${bodies}::uuid[], ${days}::date[]) s(body_id, day) where k.body_id = s.body_id and k.day = s.day`.execute(tx);
    await sql`delete from kpi_body_day k using unnest(${bodies}::uuid[], ${days}::date[]) s(body_id, day) where k.body_id = s.body_id and k.day = s.day`.execute(tx);
    await sql`
      with recursive s(body_id, day) as (select * from unnest(${bodies}::uuid[], ${days}::date[])),
      district as (${DISTRICT_OF}),
      -- Working days numbered in order, so working days between two dates is a subtraction.
      wd as (
        select g::date as d, (count(*) filter (where case when c.kind = 'working_day' then true when c.kind is not null then false else extract(isodow from g) < 6 end) over (order by g))::int as n
        from generate_series((select min(day) from s), greatest((now() at time zone 'Asia/Almaty')::date, (select max(day) from s)) + 400, interval '1 day') g
        left join calendar_day c on c.date = g::date
      ),
      rows as (
        select s.day, a.body_id, d.district_id, a.unit_id, a.channel, a.topic_code, a.status, a.answered_at, a.legal_due_at, a.resolution,
          a.extended, a.satisfaction, a.repeat_of_id, f.disagree,
          (w1.n - w0.n) as workdays,
          (a.resolution = 'redirected' and exists (select 1 from appeal_event e where e.appeal_id = a.id and e.type = 'appeal.redirected' and (e.data->>'late')::boolean)) as late_redirect,
          o.first_channel
        from s
        join appeal a on a.body_id = s.body_id and a.received_at >= (s.day::timestamp at time zone 'Asia/Almaty') and a.received_at < ((s.day + 1)::timestamp at time zone 'Asia/Almaty')
        left join district d on d.body_id = a.body_id
        left join appeal_feedback f on f.appeal_id = a.id
        left join wd w0 on w0.d = s.day
        left join wd w1 on w1.d = (a.answered_at at time zone 'Asia/Almaty')::date
        left join lateral (${overlapProbe()}) o on true
      ),
      daily as (
        insert into kpi_daily (day, body_id, district_id, unit_id, channel, topic_code, received, open, answered, answered_on_time, answer_workdays,
          redirected, late_redirects, extensions, resolved, explained, refused, left_without_consideration, rated, satisfaction_sum, disagreements, repeats, overlap)
        select day, body_id, district_id, unit_id, channel, topic_code,
          count(*), count(*) filter (where status in ${OPEN}), count(*) filter (where answered_at is not null),
          count(*) filter (where answered_at <= legal_due_at), coalesce(sum(workdays) filter (where answered_at is not null), 0),
          count(*) filter (where resolution = 'redirected'), count(*) filter (where late_redirect), count(*) filter (where extended),
          count(*) filter (where resolution = 'resolved'), count(*) filter (where resolution = 'explained'), count(*) filter (where resolution = 'refused'),
          count(*) filter (where resolution = 'left_without_consideration'), count(satisfaction), coalesce(sum(satisfaction), 0),
          count(*) filter (where disagree), count(*) filter (where repeat_of_id is not null), count(first_channel)
        from rows group by day, body_id, district_id, unit_id, channel, topic_code
      )
      insert into kpi_overlap_daily (day, body_id, topic_code, first_channel, second_channel, n)
      select day, body_id, topic_code, first_channel, channel, count(*) from rows where first_channel is not null group by day, body_id, topic_code, first_channel, channel`.execute(tx);
    // The per-body roll-up of the slices just written.
    await sql`
      insert into kpi_body_day (day, body_id, district_id, received, open, answered, answered_on_time, answer_workdays, redirected, late_redirects, extensions,
        resolved, explained, refused, left_without_consideration, rated, satisfaction_sum, disagreements, repeats, overlap, reception_requests)
      select k.day, k.body_id, min(k.district_id::text)::uuid, sum(received), sum(open), sum(answered), sum(answered_on_time), sum(answer_workdays), sum(redirected),
        sum(late_redirects), sum(extensions), sum(resolved), sum(explained), sum(refused), sum(left_without_consideration), sum(rated), sum(satisfaction_sum),
        sum(disagreements), sum(repeats), sum(overlap), coalesce(sum(received) filter (where channel = 'personal_reception'), 0)
      from kpi_daily k join unnest(${bodies}::uuid[], ${days}::date[]) s(body_id, day) on k.body_id = s.body_id and k.day = s.day
      group by k.day, k.body_id`.execute(tx);
    return slices.length;
  });
}

/**
 * The channel the same applicant used first for the same topic in the same body within the
 * window before this appeal, through another channel: ИИН, else phone, else e-mail. Never
 * across confidential appeals (on either side), never a redirect copy.
 */
function overlapProbe(): RawBuilder<unknown> {
  const common = sql`b.body_id = a.body_id and b.topic_code = a.topic_code and b.channel <> a.channel and not b.confidential
    and b.received_at >= a.received_at - make_interval(days => ${OVERLAP_DAYS}) and b.received_at < a.received_at and b.id <> a.id`;
  // One branch per identifier, each an equality its own index serves (a CASE would not be).
  const branch = (key: RawBuilder<unknown>) => sql`(select b.channel, b.received_at from appeal b where ${key} and ${common} order by b.received_at desc limit 1)`;
  return sql`
    select x.channel as first_channel from (
      ${branch(sql`a.applicant_iin is not null and b.applicant_iin = a.applicant_iin`)}
      union all
      ${branch(sql`a.applicant_iin is null and a.applicant_phone is not null and b.applicant_phone = a.applicant_phone`)}
      union all
      ${branch(sql`a.applicant_iin is null and a.applicant_phone is null and a.applicant_email is not null and b.applicant_email = a.applicant_email`)}
    ) x
    where not a.confidential and a.topic_code is not null and a.redirected_from_id is null
    order by x.received_at desc limit 1`;
}

export interface KpiFilter {
  from: string;
  to: string;
  bodyIds?: string[];
  districtIds?: string[];
  channels?: string[];
  topicCodes?: string[];
  unitIds?: string[];
}

export type GroupKey = 'body' | 'unit' | 'channel' | 'topic' | 'district' | 'day';
const KEY: Record<GroupKey, RawBuilder<unknown>> = {
  body: sql`body_id::text`,
  unit: sql`unit_id::text`,
  channel: sql`channel`,
  topic: sql`topic_code`,
  district: sql`district_id::text`,
  day: sql`day::text`,
};

export interface SumsRow {
  key: string | null;
  isTotal: boolean;
  received: number;
  open: number;
  answered: number;
  answeredOnTime: number;
  answerWorkdays: number;
  redirected: number;
  lateRedirects: number;
  extensions: number;
  resolved: number;
  explained: number;
  refused: number;
  leftWithoutConsideration: number;
  rated: number;
  satisfactionSum: number;
  disagreements: number;
  repeats: number;
  overlap: number;
  receptionRequests: number;
}

function where(f: KpiFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`day between ${f.from}::date and ${f.to}::date`];
  if (f.bodyIds) parts.push(sql`body_id = any(${f.bodyIds}::uuid[])`);
  if (f.districtIds) parts.push(sql`district_id = any(${f.districtIds}::uuid[])`);
  if (f.channels) parts.push(sql`channel = any(${f.channels}::text[])`);
  if (f.topicCodes) parts.push(sql`topic_code = any(${f.topicCodes}::text[])`);
  if (f.unitIds) parts.push(sql`unit_id = any(${f.unitIds}::uuid[])`);
  return sql.join(parts, sql` and `);
}

/** The pre-aggregated sums over the filter, grouped by one dimension, with the total row. */
export async function sums(db: Db, f: KpiFilter, groupBy?: GroupKey): Promise<SumsRow[]> {
  const key = groupBy ? KEY[groupBy] : sql`null::text`;
  const s = (c: string) => sql`coalesce(sum(${sql.ref(c)}), 0)::bigint`;
  // Without a unit, channel or topic the per-body roll-up has every figure, in far fewer rows.
  const byBody = !f.unitIds && !f.channels && !f.topicCodes && (!groupBy || groupBy === 'body' || groupBy === 'district' || groupBy === 'day');
  const reception = byBody ? sql`coalesce(sum(reception_requests), 0)::bigint` : sql`coalesce(sum(received) filter (where channel = 'personal_reception'), 0)::bigint`;
  const { rows } = await sql<SumsRow>`
    select ${key} as key, grouping(${key}) = 1 as is_total,
      ${s('received')} as received, ${s('open')} as open, ${s('answered')} as answered, ${s('answered_on_time')} as answered_on_time,
      ${s('answer_workdays')} as answer_workdays, ${s('redirected')} as redirected, ${s('late_redirects')} as late_redirects,
      ${s('extensions')} as extensions, ${s('resolved')} as resolved, ${s('explained')} as explained, ${s('refused')} as refused,
      ${s('left_without_consideration')} as left_without_consideration, ${s('rated')} as rated, ${s('satisfaction_sum')} as satisfaction_sum,
      ${s('disagreements')} as disagreements, ${s('repeats')} as repeats, ${s('overlap')} as overlap,
      ${reception} as reception_requests
    from ${byBody ? sql`kpi_body_day` : sql`kpi_daily`} where ${where(f)}
    group by grouping sets ((${key}), ())`.execute(db);
  return rows;
}

/** Open appeals past their legal term now, from the register (a partial index of open appeals; time makes them overdue, not events). */
export async function overdueNow(db: Db, f: KpiFilter, now: Date, groupBy: GroupKey | undefined, districtOf: Map<string, string | null>) {
  const key: Record<GroupKey, RawBuilder<unknown>> = {
    body: sql`a.body_id::text`, unit: sql`a.unit_id::text`, channel: sql`a.channel`, topic: sql`a.topic_code`, district: sql`a.body_id::text`,
    day: sql`((a.received_at at time zone 'Asia/Almaty')::date)::text`,
  };
  const k = groupBy ? key[groupBy] : sql`null::text`;
  const parts: RawBuilder<unknown>[] = [
    sql`a.status in ${OPEN}`,
    sql`a.legal_due_at < ${now}`,
    sql`a.received_at >= (${f.from}::date::timestamp at time zone 'Asia/Almaty')`,
    sql`a.received_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Almaty')`,
  ];
  const bodyIds = f.districtIds ? [...districtOf].filter(([, d]) => d && f.districtIds!.includes(d)).map(([b]) => b).filter((b) => !f.bodyIds || f.bodyIds.includes(b)) : f.bodyIds;
  if (bodyIds) parts.push(sql`a.body_id = any(${bodyIds}::uuid[])`);
  if (f.channels) parts.push(sql`a.channel = any(${f.channels}::text[])`);
  if (f.topicCodes) parts.push(sql`a.topic_code = any(${f.topicCodes}::text[])`);
  if (f.unitIds) parts.push(sql`a.unit_id = any(${f.unitIds}::uuid[])`);
  const { rows } = await sql<{ key: string | null; n: number }>`select ${k} as key, count(*)::int as n from appeal a where ${sql.join(parts, sql` and `)} group by ${k}`.execute(db);
  const out = new Map<string | null, number>();
  for (const r of rows) {
    const g = groupBy === 'district' ? (r.key ? (districtOf.get(r.key) ?? null) : null) : r.key;
    out.set(g, (out.get(g) ?? 0) + r.n);
  }
  return out;
}

/** Calls with an outcome and those settled by a consultation, per body, channel or day (phone channels only). */
export async function callOutcomes(db: Db, f: KpiFilter, groupBy: GroupKey | undefined) {
  const key: Partial<Record<GroupKey, RawBuilder<unknown>>> = { body: sql`c.body_id::text`, district: sql`c.body_id::text`, channel: sql`c.channel`, day: sql`((c.started_at at time zone 'Asia/Almaty')::date)::text` };
  const k = groupBy ? key[groupBy] : sql`null::text`;
  if (!k || f.topicCodes || f.unitIds) return null;
  const parts: RawBuilder<unknown>[] = [
    sql`not c.blocked`,
    sql`c.started_at >= (${f.from}::date::timestamp at time zone 'Asia/Almaty')`,
    sql`c.started_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Almaty')`,
  ];
  if (f.bodyIds) parts.push(sql`c.body_id = any(${f.bodyIds}::uuid[])`);
  if (f.channels) parts.push(sql`c.channel = any(${f.channels}::text[])`);
  const { rows } = await sql<{ key: string | null; withOutcome: number; onCall: number }>`
    select ${k} as key, count(*) filter (where o.consultations + o.appeals > 0)::int as with_outcome, count(*) filter (where o.consultations > 0 and o.appeals = 0)::int as on_call
    from call c
    join lateral (select count(*) filter (where outcome = 'consultation') as consultations, count(*) filter (where outcome <> 'consultation') as appeals from call_appeal where call_id = c.id) o on true
    where ${sql.join(parts, sql` and `)} group by ${k}`.execute(db);
  return rows;
}

/** Reception slots held (started before now) per body or day. */
export async function receptionSlots(db: Db, f: KpiFilter, now: Date, groupBy: GroupKey | undefined) {
  const key: Partial<Record<GroupKey, RawBuilder<unknown>>> = { body: sql`s.body_id::text`, district: sql`s.body_id::text`, day: sql`((s.starts_at at time zone 'Asia/Almaty')::date)::text` };
  const k = groupBy ? key[groupBy] : sql`null::text`;
  if (!k || f.topicCodes || f.unitIds || (f.channels && !f.channels.includes('personal_reception'))) return null;
  const parts: RawBuilder<unknown>[] = [
    sql`s.starts_at >= (${f.from}::date::timestamp at time zone 'Asia/Almaty')`,
    sql`s.starts_at < least(((${f.to}::date + 1)::timestamp at time zone 'Asia/Almaty'), ${now})`,
  ];
  if (f.bodyIds) parts.push(sql`s.body_id = any(${f.bodyIds}::uuid[])`);
  const { rows } = await sql<{ key: string | null; n: number }>`select ${k} as key, count(*)::int as n from reception_slot s where ${sql.join(parts, sql` and `)} group by ${k}`.execute(db);
  return rows;
}

/** Channel pairs that overlap most in the period, for the filter's bodies. */
export async function overlapPairs(db: Db, f: KpiFilter, limit: number) {
  const parts: RawBuilder<unknown>[] = [sql`day between ${f.from}::date and ${f.to}::date`];
  if (f.bodyIds) parts.push(sql`body_id = any(${f.bodyIds}::uuid[])`);
  if (f.topicCodes) parts.push(sql`topic_code = any(${f.topicCodes}::text[])`);
  if (f.channels) parts.push(sql`(first_channel = any(${f.channels}::text[]) or second_channel = any(${f.channels}::text[]))`);
  const { rows } = await sql<{ firstChannel: string; secondChannel: string; n: number }>`
    select least(first_channel, second_channel) as first_channel, greatest(first_channel, second_channel) as second_channel, sum(n)::int as n
    from kpi_overlap_daily where ${sql.join(parts, sql` and `)}
    group by 1, 2 order by n desc, 1, 2 limit ${limit}`.execute(db);
  return rows;
}

/** Daily counts per (body, district, topic) series over the days given, for early warning. */
export async function dailySeries(db: Db, from: string, to: string) {
  const { rows } = await sql<{ bodyId: string; districtId: string | null; topicCode: string; day: string; n: number }>`
    select body_id, district_id, topic_code, day::text as day, sum(received)::int as n from kpi_daily
    where day between ${from}::date and ${to}::date and topic_code is not null
    group by body_id, district_id, topic_code, day`.execute(db);
  return rows;
}

export async function insertSurge(tx: Tx, s: { bodyId: string; districtId: string | null; topicCode: string; day: string; count: number; baseline: number; pValue: number; at: Date }): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`
    insert into kpi_surge (body_id, district_id, topic_code, day, count, baseline, p_value, detected_at)
    values (${s.bodyId}, ${s.districtId}, ${s.topicCode}, ${s.day}::date, ${s.count}, ${s.baseline}, ${s.pValue}, ${s.at})
    on conflict (body_id, coalesce(district_id, '00000000-0000-0000-0000-000000000000'::uuid), topic_code, day) do update set count = excluded.count, p_value = excluded.p_value
    returning id, (xmax = 0) as inserted`.execute(tx);
  const r = rows[0] as { id: string; inserted?: boolean } | undefined;
  return r && r.inserted ? r.id : null;
}

export function listSurges(db: Db, q: { bodyIds?: string[]; from: string; to: string; limit: number }) {
  let query = db.selectFrom('kpiSurge').selectAll().where('day', '>=', q.from).where('day', '<=', q.to);
  if (q.bodyIds) query = query.where('bodyId', 'in', q.bodyIds);
  return query.orderBy('day', 'desc').orderBy('pValue').limit(q.limit).execute();
}

/** Heads of a body (who hear of surges and get the reports). */
export function headsOf(db: Tx, bodyId: string) {
  return db.selectFrom('staffUser').select(['id', 'language']).where('bodyId', '=', bodyId).where('role', '=', 'head').where('active', '=', true).execute();
}

export function bodiesList(db: Db) {
  return db.selectFrom('body').select(['id', 'code', 'parentId', 'nameKk', 'nameRu', 'nameEn']).execute();
}

export function unitNames(db: Tx, ids: string[]) {
  return ids.length ? db.selectFrom('unit').select(['id', 'nameKk', 'nameRu', 'nameEn']).where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function topicNames(db: Tx, codes: string[]) {
  return codes.length ? db.selectFrom('topic').select(['code', 'nameKk', 'nameRu', 'nameEn']).where('code', 'in', codes).execute() : Promise.resolve([]);
}

export async function pendingMarks(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select (select count(*) from kpi_dirty_appeal) + (select count(*) from kpi_dirty_slice) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function saveReport(tx: Tx, r: { bodyId: string; period: 'daily' | 'weekly'; fromDay: string; toDay: string; language: string; pdf: Buffer; xlsx: Buffer; at: Date }): Promise<{ id: string; inserted: boolean }> {
  const { rows } = await sql<{ id: string; inserted: boolean }>`
    insert into kpi_report (body_id, period, from_day, to_day, language, pdf, xlsx, created_at)
    values (${r.bodyId}, ${r.period}, ${r.fromDay}::date, ${r.toDay}::date, ${r.language}, ${r.pdf}, ${r.xlsx}, ${r.at})
    on conflict (body_id, period, from_day, language) do nothing returning id, true as inserted`.execute(tx);
  return rows[0] ?? { id: '', inserted: false };
}

export function getReport(db: Db, id: string) {
  return db.selectFrom('kpiReport').selectAll().where('id', '=', id).executeTakeFirst();
}

export function staffRoleHeads(db: Db) {
  return db.selectFrom('staffUser').select(['id', 'bodyId', 'language']).where('role', '=', 'head').where('active', '=', true).execute();
}

export async function reportExists(db: Db, bodyId: string, period: string, fromDay: string, language: string): Promise<boolean> {
  const r = await db.selectFrom('kpiReport').select('id').where('bodyId', '=', bodyId).where('period', '=', period as 'daily').where('fromDay', '=', fromDay).where('language', '=', language).executeTakeFirst();
  return !!r;
}
