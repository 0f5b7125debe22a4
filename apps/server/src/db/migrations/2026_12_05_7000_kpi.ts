// KPIs kept pre-aggregated: one row per received day, body, district, unit, channel and
// topic with the additive sums every KPI is made of (packages/contracts kpi.ts). A change
// to an appeal marks it in kpi_dirty_appeal in its own transaction (an event subscriber);
// the refresh recomputes the (body, day) slices of the marked appeals every few seconds.
// A dashboard over a year then reads day rows, never the register.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kpi_daily (
      day date not null,
      body_id uuid not null references body(id),
      -- The territorial body (district or city akimat) the appeal's body belongs to.
      district_id uuid references body(id),
      unit_id uuid references unit(id),
      channel text not null,
      topic_code text,
      received int not null,
      open int not null,
      answered int not null,
      answered_on_time int not null,
      answer_workdays int not null,
      redirected int not null,
      late_redirects int not null,
      extensions int not null,
      resolved int not null,
      explained int not null,
      refused int not null,
      left_without_consideration int not null,
      rated int not null,
      satisfaction_sum int not null,
      disagreements int not null,
      repeats int not null,
      overlap int not null
    );
    create index kpi_daily_body_day_idx on kpi_daily (body_id, day);
    create index kpi_daily_day_idx on kpi_daily (day);

    -- The same sums per day and body only: what a dashboard reads when it filters by no
    -- unit, channel or topic (totals, by day, league of bodies, districts), a few hundred
    -- rows per body and year whatever the register's size.
    create table kpi_body_day (
      day date not null,
      body_id uuid not null references body(id),
      district_id uuid references body(id),
      received int not null, open int not null, answered int not null, answered_on_time int not null, answer_workdays int not null,
      redirected int not null, late_redirects int not null, extensions int not null, resolved int not null, explained int not null,
      refused int not null, left_without_consideration int not null, rated int not null, satisfaction_sum int not null,
      disagreements int not null, repeats int not null, overlap int not null, reception_requests int not null,
      primary key (body_id, day)
    );
    create index kpi_body_day_day_idx on kpi_body_day (day);

    -- Channel overlap: per later appeal, the channel the applicant used first.
    create table kpi_overlap_daily (
      day date not null,
      body_id uuid not null references body(id),
      topic_code text,
      first_channel text not null,
      second_channel text not null,
      n int not null
    );
    create index kpi_overlap_daily_body_day_idx on kpi_overlap_daily (body_id, day);

    -- Appeals changed since the last refresh (a counter, so a change made while the refresh
    -- runs leaves its mark: see kpi.repository refreshKpis) and whole slices to rebuild.
    create table kpi_dirty_appeal (
      appeal_id uuid primary key,
      n int not null default 1
    );
    create table kpi_dirty_slice (
      body_id uuid not null,
      day date not null,
      primary key (body_id, day)
    );
    insert into kpi_dirty_slice (body_id, day)
      select distinct body_id, (received_at at time zone 'Asia/Almaty')::date from appeal;

    -- Early warning: a surge of one topic in one body and district on one day.
    create table kpi_surge (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      district_id uuid references body(id),
      topic_code text not null,
      day date not null,
      count int not null,
      baseline double precision not null,
      p_value double precision not null,
      detected_at timestamptz not null
    );
    create unique index kpi_surge_series_day_idx on kpi_surge (body_id, coalesce(district_id, '00000000-0000-0000-0000-000000000000'::uuid), topic_code, day);
    create index kpi_surge_body_idx on kpi_surge (body_id, day desc);

    -- Daily and weekly reports, kept to be downloaded from the message that announces them.
    create table kpi_report (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      period text not null check (period in ('daily', 'weekly')),
      from_day date not null,
      to_day date not null,
      language text not null,
      pdf bytea not null,
      xlsx bytea not null,
      created_at timestamptz not null,
      unique (body_id, period, from_day, language)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table kpi_body_day, kpi_report, kpi_surge, kpi_dirty_slice, kpi_dirty_appeal, kpi_overlap_daily, kpi_daily`.execute(db);
}
