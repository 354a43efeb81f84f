-- Scheduling: chairs and rooms, clinicians' working hours and exceptions, the clinic's appointment types,
-- appointments with their history, and the link from a dosing session to its chair and appointment.
--
-- No chair and no clinician is double-booked, whatever the concurrency: two exclusion constraints refuse an
-- overlapping time range for the same chair or the same clinician among appointments that hold their slot
-- (booked, checked in, completed). Equality on a uuid inside a GiST index needs btree_gist (a contrib
-- extension shipped with PostgreSQL and bundled with PGlite; trusted, so the database owner may create it).
-- It lives in `public` so that dropping another schema never drops it.
create extension if not exists btree_gist schema public;

create table chairs (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  name text not null check (length(btrim(name)) between 1 and 40),
  kind text not null check (kind in ('infusion_chair', 'spravato_room', 'therapy_room')),
  active boolean not null default true,
  -- The bedside monitor's identifier (serial number or HL7 device id), for device feeds.
  device_id text check (device_id is null or length(btrim(device_id)) between 1 and 120),
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index chairs_clinic_name on chairs (clinic_id, lower(btrim(name)));
create unique index chairs_clinic_device on chairs (clinic_id, device_id) where device_id is not null;

-- A clinic's settings for each appointment type; a type without a row uses the product defaults.
create table appointment_types (
  clinic_id uuid not null references clinics(id),
  type text not null check (type in ('consultation', 'dosing', 'integration', 'therapy', 'follow_up', 'assessment')),
  settings jsonb not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  primary key (clinic_id, type)
);

-- Weekly working hours: one row per interval (a split day has two rows). ISO weekday 1 = Monday … 7 = Sunday,
-- times are the clinic's local wall-clock times.
create table clinician_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  user_id uuid not null references users(id),
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  check (end_time > start_time)
);
create index clinician_hours_user on clinician_hours (clinic_id, user_id);

-- Leave (no hours on those dates) or one-off hours (these hours instead of the weekly ones), by local date.
create table clinician_exceptions (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  user_id uuid not null references users(id),
  kind text not null check (kind in ('leave', 'hours')),
  from_date date not null,
  to_date date not null,
  start_time time,
  end_time time,
  note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  check (to_date >= from_date),
  check ((kind = 'hours') = (start_time is not null and end_time is not null)),
  check (end_time is null or end_time > start_time)
);
create index clinician_exceptions_user on clinician_exceptions (clinic_id, user_id, from_date);

-- A course: a series of appointments booked together from a treatment plan.
create table appointment_courses (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  plan_id uuid references plan_treatment_plans(id),
  protocol_id text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);

create table appointments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  type text not null check (type in ('consultation', 'dosing', 'integration', 'therapy', 'follow_up', 'assessment')),
  status text not null default 'booked'
    check (status in ('booked', 'checked_in', 'completed', 'cancelled', 'late_cancelled', 'no_show')),
  start_at timestamptz not null,
  end_at timestamptz not null,
  -- End of the slot the appointment holds: its end plus the type's buffer (chair turnover). Overlaps are
  -- judged on [start_at, held_until).
  held_until timestamptz not null,
  chair_id uuid references chairs(id),
  clinician_id uuid references users(id),
  protocol_id text,
  plan_id uuid references plan_treatment_plans(id),
  course_id uuid references appointment_courses(id),
  course_index integer check (course_index is null or course_index >= 1),
  session_id uuid references dosing_sessions(id),
  notes text,
  booked_via text not null default 'staff' check (booked_via in ('staff', 'portal')),
  status_reason text,
  status_changed_at timestamptz,
  status_changed_by uuid references users(id),
  -- What the patient confirmed before the visit (one-tap link or the front desk).
  confirmed_at timestamptz,
  escort_name text,
  escort_phone text,
  fasting_confirmed boolean not null default false,
  no_driving_confirmed boolean not null default false,
  reschedule_requested_at timestamptz,
  reschedule_note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_at > start_at),
  check (held_until >= end_at),
  constraint appointments_chair_free exclude using gist (
    chair_id with =,
    tstzrange(start_at, held_until, '[)') with &&
  ) where (chair_id is not null and status in ('booked', 'checked_in', 'completed')),
  constraint appointments_clinician_free exclude using gist (
    clinician_id with =,
    tstzrange(start_at, held_until, '[)') with &&
  ) where (clinician_id is not null and status in ('booked', 'checked_in', 'completed'))
);
create index appointments_clinic_time on appointments (clinic_id, start_at);
create index appointments_patient on appointments (clinic_id, patient_id, start_at);
create unique index appointments_session on appointments (session_id) where session_id is not null;

-- Every change to an appointment: booked, rescheduled, cancelled, no-show, checked in, confirmed …
create table appointment_events (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  appointment_id uuid not null references appointments(id),
  at timestamptz not null default now(),
  action text not null,
  actor_user_id uuid references users(id),
  -- Who acted when not a user: the patient through a one-time confirmation link.
  actor_kind text not null default 'user' check (actor_kind in ('user', 'patient_link', 'system')),
  details jsonb not null default '{}'::jsonb
);
create index appointment_events_appointment on appointment_events (clinic_id, appointment_id, seq);

-- Dosing sessions get their chair record and the appointment they came from; existing sessions keep their
-- chair text and are linked to a chair record when one of that name is created.
alter table dosing_sessions add column chair_id uuid references chairs(id);
alter table dosing_sessions add column appointment_id uuid references appointments(id);

-- Slots the clinic opens for patients to book themselves on the portal (integration, follow-up visits).
create table appointment_slots (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  type text not null check (type in ('consultation', 'dosing', 'integration', 'therapy', 'follow_up', 'assessment')),
  start_at timestamptz not null,
  end_at timestamptz not null,
  clinician_id uuid references users(id),
  chair_id uuid references chairs(id),
  appointment_id uuid references appointments(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  check (end_at > start_at)
);
create index appointment_slots_open on appointment_slots (clinic_id, start_at) where appointment_id is null and withdrawn_at is null;

-- One-tap confirmation links for a dosing visit: single use, expiring, stored hashed like every one-time link.
create table appointment_confirmation_links (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  appointment_id uuid not null references appointments(id),
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create unique index appointment_confirmation_links_token on appointment_confirmation_links (token_hash);

-- Which confirmation requests were queued for an appointment (48 h and 24 h before), so each goes once.
create table appointment_reminders (
  appointment_id uuid not null references appointments(id),
  kind text not null check (kind in ('48h', '24h')),
  clinic_id uuid not null references clinics(id),
  outbox_id uuid references outbox(id),
  created_at timestamptz not null default now(),
  primary key (appointment_id, kind)
);

-- Messages may carry attachments (a calendar file) and a confirmation link.
alter table outbox add column attachments jsonb;
alter table outbox drop constraint outbox_link_kind_check;
alter table outbox add constraint outbox_link_kind_check
  check (link_kind in ('one_time', 'self_report', 'appointment_confirmation'));
