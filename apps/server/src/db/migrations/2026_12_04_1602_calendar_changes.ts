// The national calendar's administration: every change an append-only record (who, the day
// before and after, why), and the recount of open terms it starts as a job that records its
// progress, so a stop half-way resumes where it was (modules/deadlines/recount-job.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_recount_job (
      id bigint generated always as identity primary key,
      date date not null,
      actor_id uuid references staff_user(id),
      status text not null default 'running' check (status in ('running', 'done')),
      -- The last appeal (by id) whose terms were looked at; the next run starts after it.
      cursor uuid,
      processed integer not null default 0,
      changed integer not null default 0,
      -- A run holds the job until then; a run that stopped lets it go when the lease runs out.
      lease_until timestamptz,
      created_at timestamptz not null,
      finished_at timestamptz
    );
    create index calendar_recount_job_running_idx on calendar_recount_job(id) where status = 'running';
    create table calendar_change (
      id bigint generated always as identity primary key,
      date date not null,
      before jsonb,
      after jsonb,
      reason text not null,
      changed_by uuid references staff_user(id),
      -- The staff member's e-mail, or 'command line' (the installation's operator).
      changed_by_label text not null,
      at timestamptz not null,
      recount_job_id bigint not null references calendar_recount_job(id)
    );
    create index calendar_change_at_idx on calendar_change(at desc, id desc);
    create trigger calendar_change_refuse_update_delete before update or delete on calendar_change
      for each row execute function appeal_event_refuse_change();
    create trigger calendar_change_refuse_truncate before truncate on calendar_change
      for each statement execute function appeal_event_refuse_change();
    update body set settings = settings || '{"central": true}' where code = 'min-info' and not exists (select from body where settings ? 'central');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table calendar_change, calendar_recount_job`.execute(db);
}
