-- The integration care path: preparation-visit records (the patient's intentions for the course and their support
-- person). A correction is a new record; the newest is the one in force and every record is kept. The integration
-- worklist is computed from discharged dosing sessions and appointments (no table); protocol templates are product
-- data and a draft made from one is an ordinary protocol in plan_protocols.
create table preparation_records (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  plan_id uuid references plan_treatment_plans(id),
  appointment_id uuid references appointments(id),
  intentions text not null check (length(btrim(intentions)) between 1 and 4000),
  support_name text not null check (length(btrim(support_name)) between 1 and 200),
  support_relationship text not null check (length(btrim(support_relationship)) between 1 and 100),
  support_phone text not null check (length(btrim(support_phone)) between 1 and 40),
  recorded_by uuid references users(id),
  recorded_at timestamptz not null default now()
);
create index preparation_records_patient on preparation_records (clinic_id, patient_id, recorded_at desc);
