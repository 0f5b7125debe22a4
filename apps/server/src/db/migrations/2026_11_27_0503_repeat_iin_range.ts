// Repeat detection at intake looks for the applicant's latest appeal by ИИН within 12 months.
// With appeal_applicant_iin_idx (ИИН only) the planner ANDed it with a bitmap of every appeal
// of the last 12 months from appeal_received_idx: 1 ms per intake at 6,000 appeals, growing
// with the register (a million entries a year per intake). With received_at in the ИИН
// index the lookup is one short index range; the index still serves lookups by ИИН alone.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists appeal_applicant_iin_received_idx on appeal (applicant_iin, received_at desc) where applicant_iin is not null;
    drop index if exists appeal_applicant_iin_idx;
  `.execute(db);
}
