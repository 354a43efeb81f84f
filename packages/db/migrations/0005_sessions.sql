-- Dosing sessions: lifecycle, checklist, administration, vitals (idempotent device batches), observations,
-- signed notes and addenda, the live-board event log, and the SPRAVATO REMS monitoring form.
-- PostgreSQL 15 syntax. Clinical records are never deleted: corrections set entered_in_error_*.

create table dosing_sessions (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  protocol_id text not null,
  protocol_version integer not null,
  -- The protocol as it was when the session was booked: thresholds and criteria stay fixed for the session.
  protocol jsonb not null,
  plan_id uuid,
  chair text not null,
  scheduled_at timestamptz not null,
  status text not null default 'scheduled' check (status in
    ('scheduled', 'checked_in', 'pre_assessment', 'dosing', 'monitoring', 'recovery', 'discharged', 'cancelled', 'aborted')),
  status_reason text,
  checklist jsonb not null default '{}'::jsonb,
  escort jsonb,
  prescriber_on_site_id uuid references users(id),
  discharge_assessment jsonb not null default '{}'::jsonb,
  dose_started_at timestamptz,
  discharged_at timestamptz,
  locked_at timestamptz,
  rems_form jsonb not null default '{}'::jsonb,
  rems_submitted_at timestamptz,
  rems_submitted_by uuid references users(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  unique (clinic_id, id)
);
-- At most one open session per patient.
create unique index dosing_sessions_one_open_idx on dosing_sessions (clinic_id, patient_id)
  where status not in ('discharged', 'cancelled', 'aborted');
create index dosing_sessions_clinic_scheduled_idx on dosing_sessions (clinic_id, scheduled_at);

create table session_transitions (
  id bigserial primary key,
  clinic_id uuid not null,
  session_id uuid not null,
  from_status text not null,
  to_status text not null,
  at timestamptz not null,
  by_user_id uuid references users(id),
  reason text,
  override_reason text,
  overridden jsonb,
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id)
);
create index session_transitions_session_idx on session_transitions (session_id, id);

create table session_administrations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  session_id uuid not null,
  drug text not null,
  route text not null,
  dose_mg numeric not null,
  dose_inputs jsonb,
  concentration_mg_per_ml numeric,
  volume_ml numeric,
  container_id uuid,
  lot text,
  expiry date,
  started_at timestamptz not null,
  stopped_at timestamptz,
  events jsonb not null default '[]'::jsonb,
  administered_by uuid not null references users(id),
  verified_by uuid references users(id),
  recorded_at timestamptz not null,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id)
);
create index session_administrations_session_idx on session_administrations (session_id);

create table session_vitals (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  session_id uuid not null,
  at timestamptz not null,
  sbp double precision,
  dbp double precision,
  hr double precision,
  spo2 double precision,
  rr double precision,
  etco2 double precision,
  temp_c double precision,
  batch_id uuid,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id)
);
create index session_vitals_session_at_idx on session_vitals (session_id, at);

-- Idempotency keys of vitals uploads: a replay answers the stored result and stores nothing.
create table session_vitals_batches (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  session_id uuid not null,
  idempotency_key text not null,
  body_hash text not null,
  result jsonb,
  created_at timestamptz not null,
  unique (session_id, idempotency_key),
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id)
);

-- MOAA/S, CADSS-6, psychological distress events with interventions, adverse events.
create table session_observations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  session_id uuid not null,
  kind text not null check (kind in ('moaas', 'cadss6', 'distress', 'adverse_event')),
  at timestamptz not null,
  data jsonb not null,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id)
);
create index session_observations_session_idx on session_observations (session_id, at);

-- Signed nurse and prescriber notes; after the record locks, every note is an addendum.
create table session_notes (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  session_id uuid not null,
  author_id uuid not null references users(id),
  author_role text not null,
  text text not null,
  addendum boolean not null default false,
  signed_at timestamptz not null,
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id)
);
create index session_notes_session_idx on session_notes (session_id, signed_at);

-- Vital-sign alerts live in the alerts module's `alerts` table (0002), source_type 'dosing_session'.

-- The live board's event log: SSE ids, replayed after a dropped connection (Last-Event-ID).
create table board_events (
  id bigserial primary key,
  clinic_id uuid not null references clinics(id),
  at timestamptz not null,
  kind text not null,
  session_id uuid,
  data jsonb not null
);
create index board_events_clinic_id_idx on board_events (clinic_id, id);
