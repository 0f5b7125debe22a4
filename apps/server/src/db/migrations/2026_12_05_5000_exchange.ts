// Exchange with the national systems (E-Otinish, eGov): each system's address and sealed
// shared secret; the link between an appeal and its number in the other system; the
// exchange's own outbox (what must reach the other side, sent by the exchange worker:
// claim -> send -> record); each body's choice to register its own appeals in E-Otinish;
// the daily reconciliation; the duplicates flagged for staff.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table exchange_system (
      system text primary key check (system in ('eotinish', 'egov')),
      url text not null,
      secret_sealed text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table exchange_link (
      appeal_id uuid primary key references appeal(id),
      system text not null check (system in ('eotinish', 'egov')),
      external_id text not null,
      external_number text,
      direction text not null check (direction in ('inbound', 'outbound')),
      body_id uuid not null references body(id),
      created_at timestamptz not null,
      unique (system, external_id)
    );
    create index exchange_link_body_idx on exchange_link (body_id, created_at);

    create table exchange_outbound (
      id bigint generated always as identity primary key,
      system text not null check (system in ('eotinish', 'egov')),
      appeal_id uuid not null references appeal(id),
      event_id bigint not null,
      kind text not null check (kind in ('register', 'event')),
      payload jsonb not null,
      status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'rejected')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      lease_until timestamptz,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz,
      unique (system, event_id, kind)
    );
    -- The worker's claim reads only what is still to go; the order check reads an appeal's earlier rows.
    create index exchange_outbound_due_idx on exchange_outbound (next_attempt_at, id) where status in ('queued', 'sending');
    create index exchange_outbound_appeal_idx on exchange_outbound (appeal_id, id);

    create table exchange_body_setting (
      body_id uuid primary key references body(id),
      register_own_in_eotinish boolean not null default false,
      updated_at timestamptz not null
    );

    create table exchange_reconciliation (
      id bigint generated always as identity primary key,
      system text not null check (system in ('eotinish', 'egov')),
      day date not null,
      ran_at timestamptz not null,
      ok boolean not null,
      error text,
      unique (system, day)
    );
    create table exchange_reconciliation_body (
      reconciliation_id bigint not null references exchange_reconciliation(id) on delete cascade,
      body_id uuid not null references body(id),
      ours jsonb not null,
      theirs jsonb not null,
      differences jsonb not null,
      primary key (reconciliation_id, body_id)
    );

    create table exchange_duplicate (
      id bigint generated always as identity primary key,
      body_id uuid not null references body(id),
      exchanged_appeal_id uuid not null references appeal(id),
      other_appeal_id uuid not null references appeal(id),
      similarity real not null,
      status text not null default 'open' check (status in ('open', 'dismissed')),
      found_at timestamptz not null,
      dismissed_by uuid references staff_user(id),
      dismissed_at timestamptz,
      unique (exchanged_appeal_id, other_appeal_id)
    );
    create index exchange_duplicate_body_idx on exchange_duplicate (body_id, status, id desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table exchange_duplicate, exchange_reconciliation_body, exchange_reconciliation, exchange_body_setting, exchange_outbound, exchange_link, exchange_system`.execute(db);
}
