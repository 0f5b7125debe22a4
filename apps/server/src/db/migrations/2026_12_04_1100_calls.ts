// Telephony: a body's CTI token (a hash), its phone lines (the line decides the channel),
// blocked numbers, calls built from a PBX's Generic CTI events, what was made of each call
// (consultations, appeals, redirects) and the callback queue of missed calls.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One token per body, stored as a SHA-256 hash; the token itself is derived again from
    -- the server's secret and the generation (so it can be printed), never stored.
    create table cti_setting (
      body_id uuid primary key references body(id),
      token_hash text not null unique,
      generation int not null default 1,
      rotated_at timestamptz not null
    );

    -- A published number of the body. Numbers are digits only (+7 7172 55-10-00 -> 77172551000).
    create table cti_line (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      number text not null unique check (number ~ '^[0-9]{5,15}$'),
      channel text not null check (channel in ('call_centre', 'contact_centre', 'trust_phone')),
      language text check (language in ('kk', 'ru', 'en')),
      created_at timestamptz not null
    );
    create index cti_line_body_idx on cti_line(body_id);

    create table cti_block (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      number text not null check (number ~ '^[0-9]{3,15}$'),
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      unique (body_id, number)
    );

    -- A call as its events describe it. Each instant is the first arrival of its event
    -- (a repeated event changes nothing); the state follows from which instants exist,
    -- so events arriving out of order still give the call its meaning.
    create table call (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      call_id text not null,
      line_id uuid references cti_line(id),
      line_number text not null,
      channel text not null,
      direction text not null check (direction in ('in', 'out')),
      caller_number text,
      started_at timestamptz not null,
      answered_at timestamptz,
      ended_at timestamptz,
      state text generated always as (
        case when ended_at is null then (case when answered_at is null then 'ringing' else 'answered' end)
             when answered_at is null then 'missed' else 'ended' end) stored,
      cause text,
      agent text,
      queue text,
      answering_number text,
      language text check (language in ('kk', 'ru', 'en')),
      sign_language boolean not null default false,
      blocked boolean not null default false,
      unique (body_id, call_id)
    );
    create index call_body_started_idx on call(body_id, started_at desc, id desc);
    create index call_body_state_idx on call(body_id, state, started_at desc, id desc);

    -- What an operator made of a call: a consultation (an inquiry closed on the call), an
    -- appeal, or an appeal redirected to another body.
    create table call_appeal (
      call_id uuid not null references call(id),
      appeal_id uuid not null references appeal(id),
      outcome text not null check (outcome in ('consultation', 'appeal', 'redirect')),
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      primary key (call_id, appeal_id)
    );
    create index call_appeal_appeal_idx on call_appeal(appeal_id);

    -- The callback queue: a missed inbound call, or one an operator promised to call back.
    create table call_callback (
      call_id uuid primary key references call(id),
      body_id uuid not null references body(id),
      due_at timestamptz not null,
      note text,
      source text not null check (source in ('missed', 'operator')),
      done boolean not null default false,
      done_at timestamptz,
      created_at timestamptz not null
    );
    create index call_callback_open_idx on call_callback(body_id, due_at) where not done;

    create table call_callback_attempt (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references call_callback(call_id),
      at timestamptz not null,
      outcome text not null check (outcome in ('reached', 'no_answer', 'busy', 'wrong_number')),
      note text,
      staff_id uuid references staff_user(id)
    );
    create index call_callback_attempt_call_idx on call_callback_attempt(call_id, at);

    -- The screen pop: a caller's earlier appeals in the body, by the phone they gave.
    create index appeal_caller_phone_idx on appeal(body_id, applicant_phone, received_at desc) where applicant_phone is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index appeal_caller_phone_idx; drop table call_callback_attempt, call_callback, call_appeal, call, cti_block, cti_line, cti_setting`.execute(db);
}
