// Social media (channel 9): the accounts an administrator connects (secrets sealed, see
// platform/secrets.ts), one inbox of comments deduplicated by the network's own id, and the
// replies that go back through each network's API by the outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table social_account (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      network text not null check (network in ('telegram', 'vk', 'instagram', 'facebook')),
      -- The network's id of the account: Telegram discussion group chat id, VK group id,
      -- Facebook page id, Instagram business account id. Null: any account of that network.
      account_ref text,
      -- Telegram secret_token, VK secret, Meta app secret: sealed, never readable from the database alone.
      secret_sealed text not null,
      -- VK confirmation string, Meta verify token: sealed too (the verify token is compared).
      confirmation_sealed text,
      -- Bot token, VK community token, Meta page token: for replies.
      token_sealed text,
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      updated_at timestamptz not null,
      unique (body_id, network)
    );

    create table social_message (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      account_id uuid references social_account(id),
      network text not null check (network in ('telegram', 'vk', 'instagram', 'facebook', 'tiktok', 'youtube', 'other')),
      -- The account as the network names it (its id or handle).
      account_ref text,
      -- The network's identity of the comment; one row per comment, whatever the repeats.
      external_id text not null,
      post_id text,
      comment_id text not null,
      parent_id text,
      author_id text,
      author_name text,
      text text not null,
      link text,
      posted_at timestamptz not null,
      received_at timestamptz not null,
      -- Similar comments under one post share the incident of the first of them.
      incident_id uuid not null,
      source text not null default 'webhook' check (source in ('webhook', 'import')),
      status text not null default 'new' check (status in ('new', 'registered', 'redirected', 'standard_reply', 'ignored')),
      ignore_reason text check (ignore_reason in ('spam', 'off_topic', 'offensive', 'duplicate')),
      difficulty text check (difficulty in ('light', 'medium', 'heavy')),
      appeal_id uuid references appeal(id),
      redirect_body_id uuid references body(id),
      triaged_at timestamptz,
      triaged_by uuid references staff_user(id),
      first_reply_at timestamptz,
      unique (body_id, network, external_id)
    );
    create index social_message_list_idx on social_message (body_id, received_at desc, id desc);
    create index social_message_status_idx on social_message (body_id, status, network, received_at desc, id desc);
    create index social_message_post_idx on social_message (body_id, network, post_id, received_at desc);
    create index social_message_incident_idx on social_message (incident_id);

    create table social_reply (
      id uuid primary key default gen_random_uuid(),
      message_id uuid not null references social_message(id),
      text text not null,
      kind text not null check (kind in ('registered', 'redirected', 'standard_reply', 'manual')),
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      sent_at timestamptz,
      -- The network's id of the reply once it went out.
      external_id text
    );
    create index social_reply_message_idx on social_reply (message_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table social_reply; drop table social_message; drop table social_account;`.execute(db);
}
