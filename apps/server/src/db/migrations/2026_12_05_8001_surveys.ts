// Perception surveys: a body's questionnaire (kk/ru/en questions, quotas per profile group),
// invitations (one response each; only a hash of the token is kept) and responses (the
// respondent's profile and answers, no name, no contact).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table survey (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      title jsonb not null,
      questions jsonb not null,
      quotas jsonb not null default '{}',
      status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
      created_by uuid not null references staff_user(id),
      created_at timestamptz not null,
      opened_at timestamptz,
      closed_at timestamptz
    );
    create index survey_body_idx on survey (body_id, created_at desc);

    create table survey_invitation (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references survey(id),
      token_hash text not null unique,
      channel text not null check (channel in ('link', 'qr', 'sms', 'email')),
      created_at timestamptz not null,
      responded_at timestamptz
    );
    create index survey_invitation_survey_idx on survey_invitation (survey_id);

    create table survey_response (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references survey(id),
      invitation_id uuid not null unique references survey_invitation(id),
      language text not null check (language in ('kk', 'ru', 'en')),
      profile jsonb not null,
      answers jsonb not null,
      submitted_at timestamptz not null
    );
    create index survey_response_survey_idx on survey_response (survey_id, submitted_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table survey_response; drop table survey_invitation; drop table survey`.execute(db);
}
