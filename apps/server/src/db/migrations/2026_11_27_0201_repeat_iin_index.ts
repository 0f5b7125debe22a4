// The repeat lookup by ИИН is served well by appeal_applicant_iin_idx (a person has few
// appeals; the planner picks it on 200,000 rows), so the composite index of 0200 only
// cost intake a write: drop it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists appeal_repeat_iin_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index appeal_repeat_iin_idx on appeal(applicant_iin, topic_code, received_at desc) where applicant_iin is not null and topic_code is not null`.execute(db);
}
