// The event log refuses change loudly. The rules of the first migration turned UPDATE and
// DELETE on appeal_event into nothing, so a tampering statement "succeeded" having done
// nothing, and TRUNCATE was not covered at all. A trigger raises instead, for every role,
// the owner's included; the application's own role is moreover granted only INSERT and
// SELECT on the table (db/roles.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop rule if exists appeal_event_no_update on appeal_event;
    drop rule if exists appeal_event_no_delete on appeal_event;
    create function appeal_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege', hint = 'an event is corrected by a later event, never by changing it';
    end $$;
    create trigger appeal_event_refuse_update_delete before update or delete on appeal_event
      for each row execute function appeal_event_refuse_change();
    create trigger appeal_event_refuse_truncate before truncate on appeal_event
      for each statement execute function appeal_event_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger appeal_event_refuse_truncate on appeal_event;
    drop trigger appeal_event_refuse_update_delete on appeal_event;
    drop function appeal_event_refuse_change();
    create rule appeal_event_no_update as on update to appeal_event do instead nothing;
    create rule appeal_event_no_delete as on delete to appeal_event do instead nothing;
  `.execute(db);
}
