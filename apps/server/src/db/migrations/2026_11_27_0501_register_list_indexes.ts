// Indexes for the staff lists on a register of millions of appeals (bench/register.ts; the
// plans are in README "Measured figures"). A list is one body's appeals, newest first:
//  - status / channel / topic filters: each index leads with the body and one filter, keeps
//    the list order, and carries the other two filters as trailing key columns, so rows
//    that fail them are skipped inside the index, without visiting the table;
//  - open appeals (the working queue, overdue, due soon) have a small index of their own;
//  - text search: GIN indexes that also hold the body (btree_gin), so a rare word in one
//    body does not read every body's matches. They serve searches across bodies too.
// The planner is told that random reads cost little (the register is on SSD and mostly
// cached): at the default it walked the all-bodies index for a search in one body.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists btree_gin;

    drop index if exists appeal_body_status_idx;
    drop index if exists appeal_body_channel_idx;
    drop index if exists appeal_body_topic_idx;
    drop index if exists appeal_search_idx;
    drop index if exists appeal_text_trgm_idx;

    create index if not exists appeal_list_status_idx on appeal (body_id, status, received_at desc, id desc, channel, topic_code);
    create index if not exists appeal_list_channel_idx on appeal (body_id, channel, received_at desc, id desc, status, topic_code);
    create index if not exists appeal_list_topic_idx on appeal (body_id, topic_code, received_at desc, id desc, status, channel);
    create index if not exists appeal_list_open_idx on appeal (body_id, received_at desc, id desc, legal_due_at)
      where status in ('registered', 'in_work', 'awaiting_applicant');
    create index if not exists appeal_body_search_idx on appeal using gin (body_id, search);
    create index if not exists appeal_body_text_trgm_idx on appeal using gin (body_id, text gin_trgm_ops);

    -- For new sessions of this database; skipped (with a notice) where the role may not.
    do $$
    begin
      execute format('alter database %I set random_page_cost = 1.1', current_database());
    exception when insufficient_privilege then
      raise notice 'random_page_cost not set: %', sqlerrm;
    end $$;
  `.execute(db);
}
