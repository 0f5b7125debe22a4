// The online channels: public questions (online Q&A, channel 8, and questions to the head,
// channel 7) with their moderation and publication; the heads' blogs; each body's public
// page (the official website, channel 10) with its dated change log, subscribers and the
// "was this page useful?" votes. The original of every question stays in the register
// (appeal); these tables hold only what is published and the moderation's decision.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table blog_head (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      slug text not null unique check (slug ~ '^[a-z0-9-]{2,60}$'),
      staff_user_id uuid references staff_user(id),
      name text not null check (length(name) between 2 and 200),
      position text not null default '',
      biography text not null default '',
      contacts text not null default '',
      updated_at timestamptz not null
    );
    create index blog_head_body_idx on blog_head (body_id);

    create table blog_post (
      id uuid primary key default gen_random_uuid(),
      head_id uuid not null references blog_head(id),
      kind text not null check (kind in ('news', 'event')),
      language text not null check (language in ('kk', 'ru', 'en')),
      title text not null check (length(title) between 3 and 200),
      text text not null check (length(text) between 3 and 20000),
      event_at timestamptz,
      published_at timestamptz not null,
      created_by uuid not null references staff_user(id)
    );
    create index blog_post_head_idx on blog_post (head_id, published_at desc, id desc);

    create table public_question (
      appeal_id uuid primary key references appeal(id),
      body_id uuid not null references body(id),
      channel text not null check (channel in ('online_qa', 'head_blog')),
      head_id uuid references blog_head(id),
      post_id uuid references blog_post(id),
      topic_code text references topic(code),
      language text not null,
      consent boolean not null,
      received_at timestamptz not null,
      moderation text not null default 'pending' check (moderation in ('pending', 'published', 'rejected', 'private')),
      reject_reason text check (reject_reason in ('spam', 'offensive', 'does_not_belong', 'personal_data')),
      moderated_by uuid references staff_user(id),
      moderated_at timestamptz,
      published_question text,
      answer_text text,
      answered_at timestamptz,
      answered_on_time boolean,
      published_at timestamptz,
      -- Only what is published is searched: the edited question and the answer.
      search tsvector generated always as (to_tsvector('russian', coalesce(published_question, '') || ' ' || coalesce(answer_text, ''))) stored,
      check ((moderation = 'published') = (published_question is not null and published_at is not null)),
      check ((moderation = 'rejected') = (reject_reason is not null)),
      check (moderation <> 'published' or consent)
    );
    create index public_question_moderation_idx on public_question (body_id, moderation, received_at desc, appeal_id desc);
    create index public_question_published_idx on public_question (published_at desc, appeal_id desc) where moderation = 'published';
    create index public_question_body_published_idx on public_question (body_id, published_at desc, appeal_id desc) where moderation = 'published';
    create index public_question_search_idx on public_question using gin (search) where moderation = 'published';
    create index public_question_trgm_idx on public_question using gin ((coalesce(published_question, '') || ' ' || coalesce(answer_text, '')) gin_trgm_ops) where moderation = 'published';
    create index public_question_monitoring_idx on public_question (body_id, received_at);

    create table site_page (
      body_id uuid primary key references body(id),
      about jsonb not null default '{}',
      documents jsonb not null default '[]',
      news jsonb not null default '[]',
      social jsonb not null default '[]',
      updated_at timestamptz not null
    );

    create table site_change (
      id bigint generated always as identity primary key,
      body_id uuid not null references body(id),
      at timestamptz not null,
      sections text[] not null,
      summary jsonb not null default '{}',
      changed_by uuid references staff_user(id)
    );
    create index site_change_body_idx on site_change (body_id, at desc, id desc);

    create table site_subscriber (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      email text not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      token_hash text not null unique,
      created_at timestamptz not null,
      confirmed_at timestamptz,
      unsubscribed_at timestamptz
    );
    create unique index site_subscriber_email_idx on site_subscriber (body_id, lower(email)) where unsubscribed_at is null;

    create table page_rating (
      id bigint generated always as identity primary key,
      page text not null check (length(page) between 1 and 200),
      body_id uuid references body(id),
      useful boolean not null,
      at timestamptz not null
    );
    create index page_rating_body_idx on page_rating (body_id, page);

    create table site_completeness (
      body_id uuid not null references body(id),
      day date not null,
      score int not null,
      missing text[] not null,
      primary key (body_id, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table site_completeness, page_rating, site_subscriber, site_change, site_page, public_question, blog_post, blog_head`.execute(db);
}
