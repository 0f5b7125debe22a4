// Staff sign-in security: a second factor (TOTP and one-time recovery codes), a forced
// password change for accounts an administrator made, sliding idle sessions, per-account
// throttling of wrong passwords, half-done sign-ins (challenges) and OpenID Connect states.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table staff_user
      add column must_change_password boolean not null default false,
      add column password_changed_at timestamptz,
      add column totp_secret text,
      add column totp_enabled_at timestamptz,
      add column totp_pending_secret text;

    alter table staff_session add column last_seen_at timestamptz;
    update staff_session set last_seen_at = created_at;
    alter table staff_session alter column last_seen_at set not null;
    create index staff_session_user_idx on staff_session (user_id);
    create index staff_session_last_seen_idx on staff_session (last_seen_at);

    -- Recovery codes are shown once and kept only as SHA-256 hashes (they are random, 50 bits).
    create table staff_recovery_code (
      user_id uuid not null references staff_user(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      primary key (user_id, code_hash)
    );

    -- Wrong passwords (and wrong codes) by e-mail as typed, known account or not: the lock-out
    -- then behaves the same for an e-mail without an account and tells nothing about it.
    create table staff_sign_in_failure (
      email text not null,
      at timestamptz not null
    );
    create index staff_sign_in_failure_idx on staff_sign_in_failure (email, at desc);

    -- A sign-in whose password (or OIDC identity) was right but which still needs a step:
    -- a new password, a TOTP code or enrolment. Only the token's hash is kept.
    create table staff_sign_in_challenge (
      token_hash text primary key,
      user_id uuid not null references staff_user(id) on delete cascade,
      via text not null,
      password_changed boolean not null default false,
      second_factor_done boolean not null default false,
      pending_totp_secret text,
      failures int not null default 0,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );

    -- OpenID Connect authorisation requests in flight: state (hashed), PKCE verifier, nonce.
    create table staff_oidc_request (
      state_hash text primary key,
      code_verifier text not null,
      nonce text not null,
      language text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table staff_oidc_request, staff_sign_in_challenge, staff_sign_in_failure, staff_recovery_code;
    drop index staff_session_user_idx, staff_session_last_seen_idx;
    alter table staff_session drop column last_seen_at;
    alter table staff_user drop column must_change_password, drop column password_changed_at,
      drop column totp_secret, drop column totp_enabled_at, drop column totp_pending_secret;
  `.execute(db);
}
