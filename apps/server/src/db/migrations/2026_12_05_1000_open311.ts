// Open311 GeoReport v2 (modules/open311): the keys issued to city apps (only their hash is
// kept), the attributes a body asks for per topic (service definitions), and what a filed
// request carried beyond the appeal itself (the app's key, the photo's address, the
// attribute answers). Body boundaries (modules/bodies) route an appeal by its place, and
// `appeal.duplicate_of_id` links a duplicate to the appeal it was merged into.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table open311_api_key (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 100),
      key_hash text not null unique,
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      revoked_at timestamptz
    );

    create table open311_attribute (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      topic_code text not null references topic(code),
      code text not null check (code ~ '^[A-Za-z0-9_]{1,50}$'),
      datatype text not null check (datatype in ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
      required boolean not null default false,
      variable boolean not null default true,
      sort integer not null default 1,
      description jsonb not null,
      datatype_description jsonb,
      "values" jsonb not null default '[]',
      unique (body_id, topic_code, code)
    );

    create table open311_request (
      appeal_id uuid primary key references appeal(id),
      api_key_id uuid not null references open311_api_key(id),
      media_url text,
      photo_id uuid references attachment(id),
      address_id text,
      attributes jsonb not null default '{}'
    );
    create index open311_request_photo_idx on open311_request (photo_id) where photo_id is not null;

    create table body_boundary (
      body_id uuid primary key references body(id),
      geojson jsonb not null,
      min_lat double precision not null,
      min_lon double precision not null,
      max_lat double precision not null,
      max_lon double precision not null
    );

    alter table appeal add column duplicate_of_id uuid references appeal(id);
    create index appeal_duplicate_of_idx on appeal (duplicate_of_id) where duplicate_of_id is not null;

    -- GET /open311/v2/requests: one service over a period, every body, newest first, without
    -- confidential appeals (which the public never sees).
    create index appeal_open311_topic_idx on appeal (topic_code, received_at desc) where not confidential;
    create index appeal_open311_received_idx on appeal (received_at desc) where not confidential;
    -- GET /open311/v2/servicerequestupdates: what happened to appeals after registration, by
    -- time. Registration events (most of the log) are left out, so intake writes no more.
    create index appeal_event_update_at_idx on appeal_event (at, id) where public and type <> 'appeal.registered';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index appeal_event_update_at_idx;
    drop index appeal_open311_received_idx;
    drop index appeal_open311_topic_idx;
    alter table appeal drop column duplicate_of_id;
    drop table body_boundary;
    drop table open311_request;
    drop table open311_attribute;
    drop table open311_api_key;
  `.execute(db);
}
