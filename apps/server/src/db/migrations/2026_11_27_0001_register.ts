// Bodies, topics, staff, sessions and the unified register of appeals with its event log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create table body (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
      kind text not null,
      parent_id uuid references body(id),
      name_kk text not null, name_ru text not null, name_en text not null,
      -- Channel standards, contacts and other per-body settings that need no columns of their own.
      settings jsonb not null default '{}'
    );
    create index body_parent_idx on body(parent_id);

    create table unit (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      code text not null,
      name_kk text not null, name_ru text not null, name_en text not null,
      unique (body_id, code)
    );

    create table topic (
      code text primary key,
      parent_code text references topic(code),
      name_kk text not null, name_ru text not null, name_en text not null,
      default_difficulty text not null default 'medium',
      sort int not null default 0
    );

    -- Competence: which topics a body handles, and which of its units handles each.
    create table body_topic (
      body_id uuid not null references body(id),
      topic_code text not null references topic(code),
      unit_id uuid references unit(id),
      primary key (body_id, topic_code)
    );

    create table staff_user (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      password_hash text not null,
      name text not null,
      role text not null,
      body_id uuid not null references body(id),
      unit_id uuid references unit(id),
      language text not null default 'ru',
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create index staff_user_body_idx on staff_user(body_id, role);

    create table staff_session (
      token_hash text primary key,
      user_id uuid not null references staff_user(id),
      created_at timestamptz not null,
      expires_at timestamptz not null
    );

    -- Registration numbers run per body and year: АКМ-2026-000123.
    create table appeal_number (
      body_id uuid not null references body(id),
      year int not null,
      last int not null,
      primary key (body_id, year)
    );

    create table appeal (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      access_code_hash text not null,
      body_id uuid not null references body(id),
      channel text not null,
      kind text not null,
      status text not null default 'registered',
      applicant_type text not null,
      applicant_name text,
      applicant_iin text,
      applicant_bin text,
      applicant_email text,
      applicant_phone text,
      preferred_answer text not null,
      language text not null,
      text text not null,
      topic_code text references topic(code),
      address text,
      lat double precision,
      lon double precision,
      received_at timestamptz not null,
      registered_at timestamptz not null,
      registered_by uuid references staff_user(id),
      unit_id uuid references unit(id),
      executor_id uuid references staff_user(id),
      difficulty text,
      -- Both clocks: the statutory term (art. 76) and the body's channel standard.
      legal_due_at timestamptz,
      target_due_at timestamptz,
      redirect_due_at timestamptz,
      extended boolean not null default false,
      resolution text,
      satisfaction smallint,
      redirected_from_id uuid references appeal(id),
      repeat_of_id uuid references appeal(id),
      answered_at timestamptz,
      closed_at timestamptz,
      search tsvector generated always as (to_tsvector('russian', text) || to_tsvector('simple', coalesce(address, ''))) stored
    );
    create index appeal_body_received_idx on appeal(body_id, received_at desc, id desc);
    create index appeal_body_status_idx on appeal(body_id, status, received_at desc, id desc);
    create index appeal_body_channel_idx on appeal(body_id, channel, received_at desc);
    create index appeal_body_topic_idx on appeal(body_id, topic_code, received_at desc);
    create index appeal_executor_idx on appeal(executor_id, received_at desc) where executor_id is not null;
    create index appeal_unit_idx on appeal(unit_id, received_at desc) where unit_id is not null;
    create index appeal_due_idx on appeal(body_id, legal_due_at) where status in ('registered', 'in_work', 'awaiting_applicant');
    create index appeal_received_idx on appeal(received_at desc, id desc);
    create index appeal_search_idx on appeal using gin(search);
    create index appeal_text_trgm_idx on appeal using gin(text gin_trgm_ops);
    create index appeal_applicant_iin_idx on appeal(applicant_iin) where applicant_iin is not null;

    -- Every change to an appeal, kept forever: timeline, audit trail and analytics source.
    create table appeal_event (
      id bigint generated always as identity primary key,
      appeal_id uuid not null references appeal(id),
      type text not null,
      at timestamptz not null,
      actor_id uuid references staff_user(id),
      actor_role text,
      reason text,
      -- Public events are shown to the applicant on the tracking page.
      public boolean not null default false,
      data jsonb not null default '{}'
    );
    create index appeal_event_appeal_idx on appeal_event(appeal_id, id);
    create rule appeal_event_no_update as on update to appeal_event do instead nothing;
    create rule appeal_event_no_delete as on delete to appeal_event do instead nothing;

    create table attachment (
      id uuid primary key default gen_random_uuid(),
      appeal_id uuid not null references appeal(id),
      file_name text not null,
      content_type text not null,
      size_bytes bigint not null,
      storage_key text not null,
      created_at timestamptz not null
    );
    create index attachment_appeal_idx on attachment(appeal_id);

    -- Replays of an intake request with the same Idempotency-Key get the first answer back.
    create table idempotency_key (
      key text primary key,
      fingerprint text not null,
      appeal_id uuid references appeal(id),
      response jsonb,
      created_at timestamptz not null
    );

    -- Messages to applicants and staff, written in the same transaction as their cause.
    create table notification (
      id uuid primary key default gen_random_uuid(),
      appeal_id uuid references appeal(id),
      recipient_kind text not null,
      recipient_user_id uuid references staff_user(id),
      template text not null,
      channel text not null,
      language text not null,
      address text,
      payload jsonb not null default '{}',
      status text not null default 'queued',
      attempts int not null default 0,
      last_error text,
      created_at timestamptz not null,
      -- Not to be sent before this instant (reminders); null means at once.
      send_after timestamptz,
      sent_at timestamptz
    );
    create index notification_status_idx on notification(status, created_at) where status in ('queued');
    create index notification_appeal_idx on notification(appeal_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notification, idempotency_key, attachment, appeal_event, appeal, appeal_number, staff_session, staff_user, body_topic, topic, unit, body cascade`.execute(db);
}
