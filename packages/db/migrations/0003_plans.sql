-- Plans: intake, weight observations, eligibility rule sets and decisions, consent documents and
-- signatures, the protocol library, treatment plans and dose calculations.
-- PostgreSQL 15 syntax. Every table holds clinic_id; clinical records are never deleted (corrections
-- mark entered_in_error_* with a reason); versioned data (protocols, rule sets, consent texts) is
-- append-only: an edit inserts a new version and a decision keeps the version it used.

create table plan_protocols (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  -- Stable id of the protocol line across versions (e.g. 'default-iv-ketamine-trd').
  protocol_key text not null,
  version integer not null check (version >= 1),
  name text not null,
  route text not null check (route in ('iv', 'im', 'sublingual', 'oral', 'intranasal')),
  drug text not null check (drug in ('ketamine', 'esketamine')),
  status text not null check (status in ('active', 'draft', 'retired')),
  is_default boolean not null default false,
  data jsonb not null,
  change_note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  superseded_at timestamptz,
  unique (clinic_id, protocol_key, version)
);
create index plan_protocols_clinic on plan_protocols (clinic_id, route);
-- One active default protocol per route per clinic (among current versions).
create unique index plan_protocols_one_default on plan_protocols (clinic_id, route)
  where is_default and superseded_at is null;

create table plan_eligibility_rule_sets (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  rule_set_key text not null,
  version integer not null check (version >= 1),
  rules jsonb not null,
  change_note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (clinic_id, version)
);

create table plan_intakes (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant ("latest" is by time, then seq).
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  data jsonb not null,
  submitted_by uuid references users(id),
  submitted_role text not null,
  created_at timestamptz not null default now(),
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text
);
create index plan_intakes_patient on plan_intakes (clinic_id, patient_id, created_at);

create table plan_weight_observations (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant ("latest" is by time, then seq).
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  weight_kg numeric(6, 2) not null check (weight_kg > 0),
  measured_at timestamptz not null,
  source text not null check (source in ('intake', 'vitals', 'manual')),
  intake_id uuid references plan_intakes(id),
  recorded_by uuid references users(id),
  created_at timestamptz not null default now(),
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text
);
create index plan_weight_patient on plan_weight_observations (clinic_id, patient_id, measured_at);

create table plan_eligibility_decisions (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant ("latest" is by time, then seq).
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  intake_id uuid not null references plan_intakes(id),
  rule_set_id uuid not null references plan_eligibility_rule_sets(id),
  rule_set_version integer not null,
  protocol_id uuid references plan_protocols(id),
  age_years integer not null,
  eligible text not null check (eligible in ('yes', 'no', 'review')),
  hits jsonb not null,
  unknown_fields jsonb not null,
  evaluated_by uuid references users(id),
  evaluated_at timestamptz not null,
  -- The prescriber's signed decision.
  decision text check (decision in ('approved', 'declined')),
  override boolean not null default false,
  decision_reason text,
  decided_by uuid references users(id),
  decided_at timestamptz,
  entered_in_error_at timestamptz,
  entered_in_error_reason text
);
create index plan_eligibility_patient on plan_eligibility_decisions (clinic_id, patient_id, evaluated_at);

create table plan_consent_documents (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  kind text not null check (kind in ('off_label_ketamine', 'kap', 'esketamine_rems', 'telehealth', 'financial')),
  version integer not null check (version >= 1),
  title text not null,
  body text not null,
  body_sha256 text not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  superseded_at timestamptz,
  unique (clinic_id, kind, version)
);

create table plan_consent_signatures (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant ("latest" is by time, then seq).
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  document_id uuid not null references plan_consent_documents(id),
  kind text not null,
  document_version integer not null,
  typed_name text not null,
  signed_at timestamptz not null,
  source_address text,
  user_agent text,
  text_sha256 text not null,
  signed_by uuid references users(id),
  withdrawn_at timestamptz,
  withdrawn_reason text,
  withdrawn_by uuid references users(id)
);
create index plan_consent_sig_patient on plan_consent_signatures (clinic_id, patient_id, kind);

create table plan_treatment_plans (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant ("latest" is by time, then seq).
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  protocol_id uuid not null references plan_protocols(id),
  protocol_version integer not null,
  indications jsonb not null,
  target_instruments jsonb not null,
  planned_sessions integer not null check (planned_sessions between 1 and 200),
  sessions_completed integer not null default 0 check (sessions_completed >= 0),
  eligibility_decision_id uuid references plan_eligibility_decisions(id),
  notes text,
  status text not null check (status in ('draft', 'approved', 'active', 'completed', 'stopped')),
  status_reason text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  approved_by uuid references users(id),
  approved_at timestamptz,
  activated_at timestamptz,
  ended_at timestamptz,
  entered_in_error_at timestamptz,
  entered_in_error_reason text
);
create index plan_treatment_patient on plan_treatment_plans (clinic_id, patient_id, created_at);

create table plan_status_events (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant ("latest" is by time, then seq).
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  plan_id uuid not null references plan_treatment_plans(id),
  from_status text,
  to_status text not null,
  reason text,
  actor_id uuid references users(id),
  at timestamptz not null
);
create index plan_status_events_plan on plan_status_events (clinic_id, plan_id, at);

create table plan_dose_calculations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid references patients(id),
  protocol_id uuid not null references plan_protocols(id),
  protocol_version integer not null,
  inputs jsonb not null,
  result jsonb not null,
  blocked boolean not null,
  overridden boolean not null,
  override_reason text,
  verifier_id uuid references users(id),
  calculated_by uuid references users(id),
  created_at timestamptz not null
);
create index plan_dose_calc_patient on plan_dose_calculations (clinic_id, patient_id, created_at);
