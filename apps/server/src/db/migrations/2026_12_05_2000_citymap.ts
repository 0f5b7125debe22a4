// The city app's own tables and the public map's index.
// - city_object: a place staff print a QR poster for (a bus stop, a playground, an
//   entrance); scanning it opens the appeal form filled with its place, topic and body.
// - fix_verdict: the applicant confirms or refutes a `resolved` answer, once; a refutal
//   names the disagreement complaint it opened.
// - appeal_map_idx: the public map reads appeals with a place by a box of latitude and
//   longitude; the index holds every column the map needs (an index-only scan), and only
//   the rows the map may ever show (a place, not confidential, not handed to another body).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table city_object (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),
      body_id uuid not null references body(id),
      name text not null check (length(name) between 2 and 200),
      address text check (length(address) <= 500),
      lat double precision check (lat between -90 and 90),
      lon double precision check (lon between -180 and 180),
      topic_code text references topic(code),
      created_by uuid references staff_user(id),
      created_at timestamptz not null,
      check ((lat is null) = (lon is null))
    );
    create index city_object_body_idx on city_object (body_id, code);

    create table fix_verdict (
      appeal_id uuid primary key references appeal(id),
      body_id uuid not null references body(id),
      verdict text not null check (verdict in ('confirmed', 'refuted')),
      comment text check (length(comment) <= 4000),
      complaint_id uuid references appeal(id),
      at timestamptz not null
    );
    create index fix_verdict_body_idx on fix_verdict (body_id, at);

    create index appeal_map_idx on appeal (lat, lon) include (status, resolution, topic_code, received_at, body_id, id)
      where lat is not null and lon is not null and not confidential and status <> 'redirected';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index appeal_map_idx; drop table fix_verdict; drop table city_object;`.execute(db);
}
