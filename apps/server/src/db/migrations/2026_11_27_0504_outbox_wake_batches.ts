// The outbox wake-up of 0502 for statements that queue many messages: intake now writes
// the receipts of several appeals in one statement (appeals/intake-queue.ts), and 0502
// woke the workers for every such statement. A NOTIFY serialises commits (see 0500), so
// it capped batched intake. Same rule as for one message: wake them unless a message
// other than this statement's is already due and waiting (then they are draining).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function notification_wake() returns trigger language plpgsql as $$
    declare
      mine int;
    begin
      select count(*) into mine from inserted;
      -- More due messages than this statement queued: at least one is another's.
      if mine > 0 and (select count(*) from (select 1 from notification where status = 'queued' and next_attempt_at <= now() limit mine + 1) s) <= mine then
        perform pg_notify('tyndau_outbox', '');
      end if;
      return null;
    end $$;
  `.execute(db);
}
