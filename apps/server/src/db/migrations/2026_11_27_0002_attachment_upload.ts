// Attachments are uploaded before the appeal they belong to exists, then claimed by it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table attachment alter column appeal_id drop not null;
    create index attachment_pending_idx on attachment(created_at) where appeal_id is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index attachment_pending_idx; alter table attachment alter column appeal_id set not null`.execute(db);
}
