-- Medications: the patient's medication list and allergy list (one table; kind tells which), entered by the
-- patient (intake, portal) or staff, reconciled by a clinician (who, when). Entries are never deleted:
-- stopped (no longer taken / no longer applies) or marked entered in error, each with who, when and why.
-- rxcui is an RxNorm ingredient code from the curated offline table, null for free text.
-- PostgreSQL 15 syntax.

create table medication_list_entries (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between rows written at the same instant.
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  kind text not null check (kind in ('medication', 'allergy')),
  name text not null check (length(name) between 1 and 200),
  rxcui text check (rxcui ~ '^[0-9]{1,8}$'),
  dose text,
  frequency text,
  reaction text,
  source text not null check (source in ('patient', 'staff')),
  reported_via text not null check (reported_via in ('intake', 'chart')),
  intake_id uuid references plan_intakes(id),
  reported_by uuid references users(id),
  reported_role text not null,
  created_at timestamptz not null default now(),
  reconciled_at timestamptz,
  reconciled_by uuid references users(id),
  stopped_at timestamptz,
  stopped_by uuid references users(id),
  stop_reason text,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  check ((reconciled_at is null) = (reconciled_by is null)),
  check ((stopped_at is null) = (stop_reason is null)),
  check ((entered_in_error_at is null) = (entered_in_error_reason is null))
);
create index medication_list_patient on medication_list_entries (clinic_id, patient_id, kind, created_at);
