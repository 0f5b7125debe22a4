// Confidentiality is a property of the appeal, not of its channel: a trust-phone report is
// confidential, and so is everything made from it (redirect copies, complaints from
// disagreement, reception follow-ups); a body may also mark another appeal confidential,
// never unmark it. Existing appeals are backfilled from the channel and their links, and
// repeat links that join a confidential appeal to an ordinary one are cut: they let
// readers walk from a report to the caller's other appeals and name.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table appeal add column confidential boolean not null default false`.execute(db);
  await backfillConfidential(db);
}

/** The flag from the channel and the links; cross links cut. Safe to run again (it only sets and cuts). */
export async function backfillConfidential(db: Kysely<unknown>): Promise<void> {
  await sql`
    update appeal set confidential = true where channel = 'trust_phone' and not confidential;

    -- Inherit along what was made from a confidential appeal, to any depth.
    with recursive made_from as (
      select id from appeal where confidential
      union
      select x.child from made_from m
        join lateral (
          select a.id as child from appeal a where a.redirected_from_id = m.id
          union all
          select f.complaint_id from appeal_feedback f where f.appeal_id = m.id and f.complaint_id is not null
          union all
          select fu.appeal_id from reception_booking b join reception_follow_up fu on fu.booking_id = b.id where b.appeal_id = m.id
        ) x on true
    )
    update appeal set confidential = true where id in (select id from made_from) and not confidential;

    update appeal a set repeat_of_id = null
      from appeal p
     where p.id = a.repeat_of_id and (p.confidential <> a.confidential or (a.confidential and p.body_id <> a.body_id));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table appeal drop column confidential`.execute(db);
}
