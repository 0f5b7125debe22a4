// Public discussion of draft legal acts, published budgets and open datasets: one comment
// engine (discussion -> versions -> paragraphs -> comments with answers), one-time codes
// that confirm a commenter's e-mail or phone, reports, subscribers, and the download
// counter of the open-data files.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table discussion (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      kind text not null check (kind in ('draft_act', 'budget', 'dataset')),
      -- a dataset's discussion is keyed by the dataset (one per dataset)
      subject_key text unique,
      title text not null check (length(title) between 3 and 300),
      language text not null check (language in ('kk', 'ru', 'en')),
      opens_at timestamptz not null,
      closes_at timestamptz not null check (closes_at > opens_at),
      current_version int not null default 1,
      published_by uuid references staff_user(id),
      published_at timestamptz not null,
      reannounced_at timestamptz,
      extended_at timestamptz,
      outreach_alerted_at timestamptz,
      closed_at timestamptz
    );
    create index discussion_body_idx on discussion (body_id, closes_at desc);
    create index discussion_open_idx on discussion (closes_at) where closed_at is null;

    create table discussion_version (
      discussion_id uuid not null references discussion(id),
      version int not null,
      source text not null,
      published_at timestamptz not null,
      primary key (discussion_id, version)
    );

    create table discussion_paragraph (
      id uuid primary key default gen_random_uuid(),
      discussion_id uuid not null,
      version int not null,
      position int not null,
      article text,
      text text not null,
      foreign key (discussion_id, version) references discussion_version(discussion_id, version),
      unique (discussion_id, version, position)
    );

    create table discussion_code (
      id uuid primary key default gen_random_uuid(),
      contact text not null,
      contact_kind text not null check (contact_kind in ('email', 'phone')),
      code_hash text not null,
      attempts int not null default 0,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index discussion_code_contact_idx on discussion_code (contact, created_at desc);

    create table discussion_comment (
      id uuid primary key default gen_random_uuid(),
      discussion_id uuid not null references discussion(id),
      paragraph_id uuid references discussion_paragraph(id),
      author_name text not null,
      contact text not null,
      contact_kind text not null,
      stance text not null check (stance in ('for', 'against', 'neutral')),
      text text not null check (length(text) between 2 and 5000),
      proposal boolean not null,
      created_at timestamptz not null,
      answer_due_at timestamptz not null,
      hidden_reason text check (hidden_reason in ('impolite', 'personal_data', 'spam', 'reports', 'moderator')),
      reports int not null default 0,
      moderated_at timestamptz,
      moderated_by uuid references staff_user(id),
      answer_text text,
      decision text check (decision in ('accepted', 'partly_accepted', 'rejected')),
      decision_reason text,
      answered_at timestamptz,
      answered_by uuid references staff_user(id)
    );
    create index discussion_comment_idx on discussion_comment (discussion_id, created_at, id);
    create index discussion_comment_moderation_idx on discussion_comment (discussion_id) where hidden_reason is not null and moderated_at is null;

    create table discussion_report (
      comment_id uuid not null references discussion_comment(id),
      reporter text not null,
      at timestamptz not null,
      primary key (comment_id, reporter)
    );

    create table discussion_subscriber (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      body_id uuid references body(id),
      language text not null,
      created_at timestamptz not null,
      unique (email, body_id)
    );

    -- One release of a dataset per day (Almaty), made once and served as is all day.
    create table open_data_release (
      dataset text not null,
      day date not null,
      rows int not null,
      csv bytea not null,
      json bytea not null,
      created_at timestamptz not null,
      primary key (dataset, day)
    );

    create table open_data_download (
      dataset text not null,
      format text not null,
      day date not null,
      downloads bigint not null default 0,
      primary key (dataset, format, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table open_data_release, open_data_download, discussion_subscriber, discussion_report, discussion_comment, discussion_code, discussion_paragraph, discussion_version, discussion`.execute(db);
}
