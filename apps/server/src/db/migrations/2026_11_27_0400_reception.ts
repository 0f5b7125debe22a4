// The in-person channels: reception schedules and their slots, bookings (each an appeal
// of channel personal_reception), meeting outcomes with follow-ups, the public reception's
// and front office's contact log, and the contact line's hours and autoresponse.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A head's or deputy's reception schedule for one quarter: drafted by the
    -- communications office, approved by the head; only approved slots are published.
    create table reception_schedule (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      official_id uuid not null references staff_user(id),
      quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      status text not null default 'draft' check (status in ('draft', 'approved')),
      note text,
      drafted_by uuid references staff_user(id),
      drafted_at timestamptz not null,
      approved_by uuid references staff_user(id),
      approved_at timestamptz,
      unique (official_id, quarter)
    );
    create index reception_schedule_body_idx on reception_schedule(body_id, quarter);

    create table reception_slot (
      id uuid primary key default gen_random_uuid(),
      schedule_id uuid not null references reception_schedule(id) on delete cascade,
      body_id uuid not null references body(id),
      official_id uuid not null references staff_user(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      place text,
      video_url text,
      capacity int not null check (capacity between 1 and 100),
      -- Seats taken, changed only by conditional updates, so a slot is never overbooked.
      booked int not null default 0,
      languages text[] not null default '{kk,ru}',
      check (ends_at > starts_at),
      check (booked >= 0 and booked <= capacity),
      check (place is not null or video_url is not null)
    );
    create index reception_slot_body_time_idx on reception_slot(body_id, starts_at);
    create index reception_slot_schedule_idx on reception_slot(schedule_id, starts_at);
    create index reception_slot_official_idx on reception_slot(official_id, starts_at);

    -- A booking is an appeal (channel personal_reception) holding a seat in a slot. A
    -- reschedule closes the old row and opens a new one for the same appeal.
    create table reception_booking (
      id uuid primary key default gen_random_uuid(),
      appeal_id uuid not null references appeal(id),
      slot_id uuid not null references reception_slot(id),
      body_id uuid not null references body(id),
      status text not null default 'booked' check (status in ('booked', 'confirmed', 'cancelled', 'rescheduled', 'attended', 'no_show', 'solved_without_meeting', 'redirected')),
      -- How it came in: the citizen on the portal, an operator on the phone, the front
      -- office or the public reception for a visitor.
      source text not null check (source in ('portal', 'phone', 'front_office', 'public_reception')),
      booked_by uuid references staff_user(id),
      booked_at timestamptz not null,
      -- The reminder 3 days before, only for bookings made more than 7 days ahead.
      remind_at timestamptz,
      remind_by text check (remind_by in ('sms', 'call', 'email')),
      reminder_called_at timestamptz,
      reviewed_by uuid references staff_user(id),
      reviewed_at timestamptz,
      review_note text,
      -- The meeting, as the official recorded it.
      attendees jsonb,
      topics text[],
      decision text,
      outcome_by uuid references staff_user(id),
      outcome_at timestamptz,
      closed_at timestamptz,
      rescheduled_to_id uuid references reception_booking(id)
    );
    create unique index reception_booking_active_idx on reception_booking(appeal_id) where status in ('booked', 'confirmed');
    create index reception_booking_appeal_idx on reception_booking(appeal_id, booked_at);
    create index reception_booking_slot_idx on reception_booking(slot_id);
    create index reception_booking_body_idx on reception_booking(body_id, status, booked_at desc);
    create index reception_booking_remind_idx on reception_booking(body_id, remind_at) where remind_by = 'call';

    -- Follow-up tasks decided at a meeting: each is an appeal of its own in the register.
    create table reception_follow_up (
      booking_id uuid not null references reception_booking(id),
      appeal_id uuid not null references appeal(id) primary key
    );
    create index reception_follow_up_booking_idx on reception_follow_up(booking_id);

    -- Contacts at the public reception and the front office: visits, calls and online
    -- requests, whether they ended in a consultation, an appeal or a booking.
    create table reception_contact (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references body(id),
      desk text not null check (desk in ('public_reception', 'front_office')),
      sub_source text not null check (sub_source in ('online_form', 'social_network', 'visit', 'contact_line', 'app')),
      at timestamptz not null,
      purpose text not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      topic_code text references topic(code),
      outcome text not null check (outcome in ('consultation', 'appeal', 'booking')),
      appeal_id uuid references appeal(id),
      visitor_name text,
      note text,
      staff_id uuid not null references staff_user(id)
    );
    create index reception_contact_body_idx on reception_contact(body_id, desk, at desc);
    create index reception_contact_appeal_idx on reception_contact(appeal_id) where appeal_id is not null;

    -- The public reception's contact line: hours in Almaty time and the autoresponse out
    -- of hours. A body without a row uses the defaults.
    create table reception_desk_setting (
      body_id uuid primary key references body(id),
      days smallint[] not null,
      opens text not null check (opens ~ '^[0-2][0-9]:[0-5][0-9]$'),
      closes text not null check (closes ~ '^[0-2][0-9]:[0-5][0-9]$'),
      autoresponse_kk text,
      autoresponse_ru text,
      autoresponse_en text,
      updated_by uuid references staff_user(id),
      updated_at timestamptz not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table reception_desk_setting, reception_contact, reception_follow_up, reception_booking, reception_slot, reception_schedule`.execute(db);
}
