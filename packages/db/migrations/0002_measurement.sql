-- Measurement-based care (issue 3): assessments with raw answers and the instrument version they were
-- scored with, patient measurement profiles, care teams, single-use self-report links, schedules and
-- the requests they create, and generic clinical alerts (suicide risk now; vital signs later).
-- PostgreSQL 15 syntax. Clinical records are never deleted: corrections mark entered_in_error_*.

-- Who looks after a patient: alerts go to the care team, else to every prescriber of the clinic.
create table care_team (
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  primary key (clinic_id, patient_id, user_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);

-- Per-patient measurement data that other modules will own later (first dose: the dosing-session module).
create table measurement_profiles (
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  first_dose_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (clinic_id, patient_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);

create table self_report_links (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  token_hash text not null unique,
  instruments jsonb not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index self_report_links_patient_idx on self_report_links (clinic_id, patient_id, created_at desc);

create table assessments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  instrument_id text not null,
  instrument_version text not null,
  answers jsonb not null,
  total integer not null,
  severity text,
  subscales jsonb,
  domains jsonb,
  flags jsonb not null default '[]'::jsonb,
  missing jsonb not null default '[]'::jsonb,
  prorated boolean not null default false,
  warnings jsonb not null default '[]'::jsonb,
  administered_at timestamptz not null,
  source text not null check (source in ('staff', 'portal', 'link')),
  entered_by uuid references users(id),
  self_report_link_id uuid references self_report_links(id),
  created_at timestamptz not null default now(),
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index assessments_patient_idx on assessments (clinic_id, patient_id, instrument_id, administered_at);

create table measurement_schedules (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  instrument_id text not null,
  cadence text not null check (cadence in ('before_each_session', 'weekly', 'monthly')),
  active boolean not null default true,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, patient_id, instrument_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);

-- One row per due request; the unique key makes request creation idempotent across server processes.
create table measurement_requests (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  schedule_id uuid references measurement_schedules(id),
  instrument_id text not null,
  due_key text not null,
  due_at timestamptz not null,
  link_id uuid references self_report_links(id),
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (clinic_id, patient_id, instrument_id, due_key),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);

create table alerts (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  kind text not null,
  severity text not null check (severity in ('critical', 'high', 'medium', 'low')),
  title text not null,
  source_type text not null,
  source_id text,
  parameter text,
  value text,
  status text not null default 'open' check (status in ('open', 'acknowledged')),
  assigned_to jsonb not null default '[]'::jsonb,
  escalated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  ack_by uuid references users(id),
  ack_at timestamptz,
  ack_note text,
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  check ((status = 'acknowledged') = (ack_at is not null))
);
create index alerts_open_idx on alerts (clinic_id, created_at) where status = 'open';
create index alerts_patient_idx on alerts (clinic_id, patient_id, kind, created_at desc);
