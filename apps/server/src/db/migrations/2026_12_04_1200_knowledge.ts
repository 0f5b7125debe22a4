// The knowledge base of the contact lines: short articles an operator reads out or inserts
// into a consultation or an answer draft. An article belongs to a body, or is shared by
// every body (body_id null). Searched like the register: Russian by stemmed full text,
// Kazakh (no stemmer) and typos by trigram on title and body.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table knowledge_article (
      id uuid primary key default gen_random_uuid(),
      body_id uuid references body(id),
      language text not null check (language in ('kk', 'ru', 'en')),
      title text not null check (length(title) between 3 and 200),
      body text not null check (length(body) between 3 and 20000),
      topic_code text references topic(code),
      status text not null default 'draft' check (status in ('draft', 'published')),
      created_by uuid not null references staff_user(id),
      created_at timestamptz not null,
      updated_by uuid not null references staff_user(id),
      updated_at timestamptz not null,
      published_at timestamptz,
      search tsvector generated always as (setweight(to_tsvector('russian', title), 'A') || to_tsvector('russian', body)) stored
    );
    create index knowledge_article_body_idx on knowledge_article (body_id, updated_at desc, id desc);
    create index knowledge_article_search_idx on knowledge_article using gin (search);
    create index knowledge_article_trgm_idx on knowledge_article using gin ((title || ' ' || body) gin_trgm_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table knowledge_article`.execute(db);
}
