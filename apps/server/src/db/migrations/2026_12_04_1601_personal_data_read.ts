// The audit of reads of personal data (modules/audit): append-only like the event log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table personal_data_read (
      id bigint generated always as identity primary key,
      staff_id uuid not null references staff_user(id),
      staff_role text not null,
      appeal_id uuid not null references appeal(id),
      what text not null check (what in ('card', 'attachment', 'letter_pdf')),
      object_id uuid,
      at timestamptz not null
    );
    create index personal_data_read_at_idx on personal_data_read(at desc, id desc);
    create index personal_data_read_appeal_idx on personal_data_read(appeal_id, at desc, id desc);
    create index personal_data_read_staff_idx on personal_data_read(staff_id, at desc, id desc);
    create trigger personal_data_read_refuse_update_delete before update or delete on personal_data_read
      for each row execute function appeal_event_refuse_change();
    create trigger personal_data_read_refuse_truncate before truncate on personal_data_read
      for each statement execute function appeal_event_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table personal_data_read`.execute(db);
}
