// The common process: answers (drafted, signed, sent), the applicant's feedback, and the
// indexes that keep repeat detection at intake to one cheap lookup.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An answer is drafted by the executor and sent when a head or deputy signs it. A new
    -- draft supersedes the previous one; at most one draft and one sent answer per appeal.
    create table appeal_answer (
      id uuid primary key default gen_random_uuid(),
      -- Order of drafting, stable even when two drafts share an instant.
      seq bigint generated always as identity,
      appeal_id uuid not null references appeal(id),
      text text not null,
      resolution text not null,
      delivery_method text not null,
      status text not null default 'draft' check (status in ('draft', 'superseded', 'sent')),
      -- The body's standard reply when the question is nobody's competence.
      standard_reply boolean not null default false,
      drafted_by uuid references staff_user(id),
      drafted_at timestamptz not null,
      signed_by uuid references staff_user(id),
      signed_at timestamptz
    );
    create index appeal_answer_appeal_idx on appeal_answer(appeal_id, seq);
    create unique index appeal_answer_one_draft_idx on appeal_answer(appeal_id) where status = 'draft';
    create unique index appeal_answer_one_sent_idx on appeal_answer(appeal_id) where status = 'sent';

    -- The applicant rates the answer once; disagreement opens a linked complaint.
    create table appeal_feedback (
      appeal_id uuid primary key references appeal(id),
      score smallint not null check (score between 1 and 5),
      comment text,
      disagree boolean not null,
      complaint_id uuid references appeal(id),
      at timestamptz not null
    );

    -- Repeat detection at intake: the same applicant (ИИН, else e-mail or phone) on the
    -- same topic, newest first. Partial, so anonymous appeals cost nothing.
    create index appeal_repeat_iin_idx on appeal(applicant_iin, topic_code, received_at desc) where applicant_iin is not null and topic_code is not null;
    create index appeal_repeat_email_idx on appeal(applicant_email, topic_code, received_at desc) where applicant_email is not null and topic_code is not null;
    create index appeal_repeat_phone_idx on appeal(applicant_phone, topic_code, received_at desc) where applicant_phone is not null and topic_code is not null;
    -- Following links both ways: redirect chains and repeats of an appeal.
    create index appeal_redirected_from_idx on appeal(redirected_from_id) where redirected_from_id is not null;
    create index appeal_repeat_of_idx on appeal(repeat_of_id) where repeat_of_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists appeal_repeat_iin_idx, appeal_repeat_email_idx, appeal_repeat_phone_idx, appeal_redirected_from_idx, appeal_repeat_of_idx;
    drop table appeal_feedback, appeal_answer;
  `.execute(db);
}
