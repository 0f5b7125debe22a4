// What intake at a thousand appeals a second needs from the database (bench/intake.ts).
//
// NOTIFY: PostgreSQL serialises the commits of all transactions that sent a NOTIFY (it holds
// one lock from before the commit record until after its WAL flush), so a NOTIFY for every
// receipt capped intake near one commit per fsync (~600–900/s here). The outbox workers only
// need waking when they may be asleep, i.e. when no other message is waiting: then the new one
// wakes them at once, as before. While messages are waiting the workers are draining and will
// reach the new one; in the one race (the last waiting message claimed just before this
// commit) it waits at most the workers' poll interval. Statements that insert nothing (the
// Telegram copies of a message, usually none) wake nobody.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger notification_wake on notification;
    create or replace function notification_wake() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from inserted)
         and not exists (
           select 1 from notification n
            where n.status = 'queued' and n.next_attempt_at <= now()
              and not exists (select 1 from inserted i where i.id = n.id)) then
        perform pg_notify('tyndau_outbox', '');
      end if;
      return null;
    end $$;
    create trigger notification_wake after insert on notification
      referencing new table as inserted for each statement execute function notification_wake();
  `.execute(db);
}
