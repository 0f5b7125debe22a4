// Routing suggestions: the model trained on the register's own history (counts added to the
// base model shipped with the code), and each suggestion shown at triage with the staff's
// decision, so the acceptance rate can be counted.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table routing_model (
      id bigserial primary key,
      trained_at timestamptz not null,
      -- appeals of the register it was trained on
      appeals integer not null,
      -- naive Bayes counts of text features per topic (see routing/naive-bayes.ts)
      topic_counts jsonb not null,
      -- triaged appeals per body and topic: {bodyId: {topicCode: n}}
      body_topic_counts jsonb not null
    );

    create table routing_suggestion (
      appeal_id uuid primary key references appeal(id),
      body_id uuid not null references body(id),
      suggested_at timestamptz not null,
      suggested_topic text references topic(code),
      topic_confidence double precision,
      suggested_body_id uuid references body(id),
      body_confidence double precision,
      model_id bigint references routing_model(id),
      decided_at timestamptz,
      decided_by uuid references staff_user(id),
      decided_topic text references topic(code),
      decided_body_id uuid references body(id),
      -- the decision took the suggested topic (own competence) or the suggested body (redirect)
      accepted boolean
    );
    create index routing_suggestion_body_idx on routing_suggestion (body_id, suggested_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table routing_suggestion; drop table routing_model`.execute(db);
}
