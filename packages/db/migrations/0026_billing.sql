-- Billing: the clinic's price list (a new price is a new row; the old row gets effective_to, never changed in
-- place otherwise), charges created from what happened (a discharged dosing session, a completed visit) or added
-- by staff, payments recorded by hand, and the rendering clinician's NPI on users. Charges and payments are
-- never deleted: they are voided with a reason.
alter table users add column npi text check (npi is null or npi ~ '^[0-9]{10}$');

create table price_list_items (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  service_key text not null,
  label text not null check (length(btrim(label)) between 1 and 200),
  amount_cents integer not null check (amount_cents >= 0),
  effective_from date not null,
  effective_to date,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  check (effective_to is null or effective_to >= effective_from)
);
create index price_list_items_service on price_list_items (clinic_id, service_key, effective_from desc);

create table charges (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  service_date date not null,
  session_id uuid references dosing_sessions(id),
  appointment_id uuid references appointments(id),
  service_key text not null,
  description text not null,
  code text not null,
  modifiers jsonb not null default '[]',
  units integer not null check (units between 1 and 99),
  icd10_codes jsonb not null default '[]',
  place_of_service text not null default '11',
  rendering_user_id uuid references users(id),
  amount_cents integer not null check (amount_cents >= 0),
  discount_percent integer not null default 0 check (discount_percent between 0 and 100),
  discount_cents integer not null default 0 check (discount_cents >= 0 and discount_cents <= amount_cents),
  source text not null check (source in ('session', 'visit', 'manual')),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  voided_at timestamptz,
  voided_by uuid references users(id),
  void_reason text
);
create index charges_patient on charges (clinic_id, patient_id, service_date);
create unique index charges_session_line on charges (session_id, code) where session_id is not null and voided_at is null;

create table payments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  amount_cents integer not null check (amount_cents > 0),
  method text not null check (method in ('cash', 'card', 'hsa_fsa', 'cheque')),
  received_at timestamptz not null,
  reference text,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null default now(),
  voided_at timestamptz,
  voided_by uuid references users(id),
  void_reason text
);
create index payments_patient on payments (clinic_id, patient_id, received_at);
