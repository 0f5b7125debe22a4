// The working-day calendar (stored days off and working days, per year) and each body's
// channel standards (answer terms per difficulty, in working days).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Only the exceptions to the five-day week: holidays, moved and transferred days off,
    -- and weekend days made working. A date absent here is working from Monday to Friday.
    create table calendar_day (
      date date primary key,
      kind text not null check (kind in ('holiday', 'moved_day_off', 'transfer_day_off', 'working_day')),
      reason text not null,
      -- The law or decree (generated entries) or the administrator's note.
      source text not null,
      origin text not null check (origin in ('generated', 'admin')),
      created_at timestamptz not null,
      created_by uuid references staff_user(id)
    );

    -- Years whose days off the generator has written; it never writes a year twice.
    create table calendar_year (
      year int primary key,
      generated_at timestamptz not null
    );

    -- Bumped by every change, so each process knows when its cached years are stale.
    create table calendar_revision (
      id boolean primary key default true check (id),
      revision bigint not null
    );
    insert into calendar_revision (id, revision) values (true, 0);

    create table channel_standard (
      body_id uuid not null references body(id),
      channel text not null,
      light smallint not null,
      medium smallint not null,
      heavy smallint not null,
      updated_at timestamptz not null,
      updated_by uuid references staff_user(id),
      primary key (body_id, channel),
      check (0 <= light and light <= medium and medium <= heavy and heavy <= 15)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table channel_standard, calendar_revision, calendar_year, calendar_day`.execute(db);
}
