-- Good-faith estimates for uninsured and self-pay patients (No Surprises Act, 45 CFR 149.610). A patient's coverage
-- status is a history of records (the newest is the one in force). An estimate is drafted, then issued; it is never
-- deleted (a mistaken one is marked entered in error). Its lines keep the provider's name, NPI and TIN as printed.
create table patient_coverage (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  status text not null check (status in ('self_pay', 'uninsured', 'insured_not_billing', 'insured')),
  recorded_by uuid references users(id),
  recorded_at timestamptz not null default now()
);
create index patient_coverage_patient on patient_coverage (clinic_id, patient_id, recorded_at desc);

create table good_faith_estimates (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  primary_service text not null check (length(btrim(primary_service)) between 1 and 300),
  scheduled_on date,
  appointment_id uuid references appointments(id),
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  trigger_kind text not null check (trigger_kind in ('scheduled', 'requested')),
  trigger_on date not null,
  due_by date,
  status text not null default 'draft' check (status in ('draft', 'issued')),
  total_cents integer not null check (total_cents >= 0),
  issued_at timestamptz,
  issued_by uuid references users(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text
);
create index good_faith_estimates_patient on good_faith_estimates (clinic_id, patient_id, created_at desc);
create index good_faith_estimates_open on good_faith_estimates (clinic_id, status) where entered_in_error_at is null;

create table good_faith_estimate_items (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  estimate_id uuid not null references good_faith_estimates(id),
  position integer not null,
  provider_user_id uuid references users(id),
  provider_name text not null,
  provider_npi text,
  provider_tin text,
  service_code text not null,
  description text not null,
  diagnosis_codes jsonb not null,
  quantity integer not null check (quantity between 1 and 1000),
  unit_charge_cents integer not null check (unit_charge_cents >= 0),
  separate_scheduling boolean not null default false,
  unique (estimate_id, position)
);
