// Delivery of the outbox: per-message status and schedule, provider references (Message-ID,
// SMPP message ids and their receipts), staff channel preferences, Telegram chat links with
// one-time codes, and the once-a-day marks of scheduled jobs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notification
      -- The body whose administrator sees the message in the outbox (the appeal's or the staff member's).
      add column body_id uuid references body(id),
      -- When a worker may pick the message up next: at once, after send_after, after a
      -- retry's backoff, or when the lease of a worker that took it ran out.
      add column next_attempt_at timestamptz,
      -- Message-ID for e-mail, the SMPP message_id(s), the Telegram message_id.
      add column provider_ref text,
      add column parts int,
      add column delivered_at timestamptz,
      add column printed_at timestamptz,
      -- A staff alert or digest is queued once per key, whichever node gets there first.
      add column dedupe_key text;

    update notification n set
      next_attempt_at = case when n.status = 'queued' then coalesce(n.send_after, n.created_at) end,
      body_id = coalesce((select a.body_id from appeal a where a.id = n.appeal_id), (select u.body_id from staff_user u where u.id = n.recipient_user_id));

    alter table notification add constraint notification_status_check
      check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'held', 'cancelled', 'to_print', 'printed', 'posted'));
    create unique index notification_dedupe_idx on notification(dedupe_key) where dedupe_key is not null;
    drop index if exists notification_status_idx;
    -- What the workers claim: queued messages that are due and 'sending' ones whose lease ran out.
    create index notification_due_idx on notification(next_attempt_at) where status in ('queued', 'sending');
    create index notification_body_idx on notification(body_id, created_at desc, id desc);
    create index notification_print_idx on notification(body_id, status, created_at desc, id desc) where channel = 'paper';

    -- Callers that insert without a schedule get one: at send_after, else at once.
    create function notification_schedule() returns trigger language plpgsql as $$
    begin
      if new.status = 'queued' and new.next_attempt_at is null then
        new.next_attempt_at := coalesce(new.send_after, new.created_at);
      end if;
      return new;
    end $$;
    create trigger notification_schedule before insert on notification for each row execute function notification_schedule();

    -- Wake the workers when new messages commit (LISTEN tyndau_outbox); they poll as well.
    create function notification_wake() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tyndau_outbox', '');
      return null;
    end $$;
    create trigger notification_wake after insert on notification for each statement execute function notification_wake();

    -- One row per SMS part the SMSC accepted (its message_id) and the receipt for it. A
    -- receipt may arrive before the part is recorded; whichever comes second completes the row.
    create table sms_part (
      message_id text primary key,
      notification_id uuid references notification(id),
      part int,
      state text,
      error text,
      done_at timestamptz
    );
    create index sms_part_notification_idx on sms_part(notification_id);

    -- How a staff member wants staff notifications: e-mail or Telegram; the daily digest on or off.
    create table staff_preference (
      user_id uuid primary key references staff_user(id),
      channel text not null default 'email' check (channel in ('email', 'telegram')),
      digest boolean not null default true,
      updated_at timestamptz not null
    );

    -- A Telegram chat linked to an appeal (the applicant's) or to a staff member.
    create table telegram_chat (
      id uuid primary key default gen_random_uuid(),
      appeal_id uuid references appeal(id),
      user_id uuid references staff_user(id),
      chat_id bigint not null,
      linked_at timestamptz not null,
      check ((appeal_id is null) <> (user_id is null))
    );
    create unique index telegram_chat_appeal_idx on telegram_chat(appeal_id, chat_id) where appeal_id is not null;
    create unique index telegram_chat_user_idx on telegram_chat(user_id) where user_id is not null;

    -- One-time codes of the deep link t.me/<bot>?start=<code>; only the hash is kept.
    create table telegram_link_code (
      code_hash text primary key,
      appeal_id uuid references appeal(id),
      user_id uuid references staff_user(id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      check ((appeal_id is null) <> (user_id is null))
    );

    -- A scheduled job (the 09:00 digest) runs once per key, on whichever node claims it first.
    create table notify_job_run (
      job text not null,
      run_key text not null,
      at timestamptz not null,
      primary key (job, run_key)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table notify_job_run, telegram_link_code, telegram_chat, staff_preference, sms_part;
    drop trigger notification_schedule on notification;
    drop function notification_schedule();
    drop trigger notification_wake on notification;
    drop function notification_wake();
    drop index notification_due_idx, notification_body_idx, notification_print_idx, notification_dedupe_idx;
    alter table notification drop constraint notification_status_check,
      drop column body_id, drop column next_attempt_at, drop column provider_ref, drop column parts,
      drop column delivered_at, drop column printed_at, drop column dedupe_key;
    create index notification_status_idx on notification(status, created_at) where status in ('queued');
  `.execute(db);
}
