// The outbox wake-up of 0500, planned once instead of on every intake: a query that joins
// the trigger's transition table is planned anew each time (0.6 ms, a third of intake's
// statement). Same rule: wake the workers unless another message is already waiting. A
// statement that queues several messages at once (rare) always wakes them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function notification_wake() returns trigger language plpgsql as $$
    declare
      mine int;
    begin
      select count(*) into mine from inserted;
      -- One message (intake's receipt) is the common case: is there a second one due?
      if mine > 1 or (mine = 1 and (select count(*) from (select 1 from notification where status = 'queued' and next_attempt_at <= now() limit 2) s) < 2) then
        perform pg_notify('tyndau_outbox', '');
      end if;
      return null;
    end $$;
  `.execute(db);
}
