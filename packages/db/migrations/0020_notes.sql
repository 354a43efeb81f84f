-- Clinical notes. Progress and integration notes are part of the medical record (the care team reads them);
-- psychotherapy notes (45 CFR 164.501) live in their own tables, readable only by their custodian: the
-- author, or the named successor the author handed them to. Every note is signed by its author when it is
-- written and never changes: later changes are addenda, a wrong note is marked entered in error. Nothing
-- here is ever deleted.
-- PostgreSQL 15 syntax.

create table clinical_notes (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between notes signed at the same instant.
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  session_id uuid,
  kind text not null check (kind in ('progress', 'integration')),
  author_id uuid not null references users(id),
  author_role text not null,
  body text not null check (length(body) between 1 and 20000),
  -- Integration template answers (experience, insights, intentions, actions, moodRisk, plan); null otherwise.
  sections jsonb,
  signed_at timestamptz not null,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id),
  check ((entered_in_error_at is null) = (entered_in_error_reason is null)),
  check ((entered_in_error_at is null) = (entered_in_error_by is null))
);
create index clinical_notes_patient_idx on clinical_notes (clinic_id, patient_id, signed_at);

create table clinical_note_addenda (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  clinic_id uuid not null,
  note_id uuid not null,
  author_id uuid not null references users(id),
  author_role text not null,
  body text not null check (length(body) between 1 and 20000),
  signed_at timestamptz not null,
  foreign key (clinic_id, note_id) references clinical_notes (clinic_id, id)
);
create index clinical_note_addenda_note_idx on clinical_note_addenda (note_id, signed_at);

create table psychotherapy_notes (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  session_id uuid,
  -- Who wrote it; the custodian is the only reader (the author until a handover names a successor).
  author_id uuid not null references users(id),
  author_role text not null,
  custodian_id uuid not null references users(id),
  body text not null check (length(body) between 1 and 20000),
  signed_at timestamptz not null,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  unique (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, session_id) references dosing_sessions (clinic_id, id),
  check ((entered_in_error_at is null) = (entered_in_error_reason is null)),
  check ((entered_in_error_at is null) = (entered_in_error_by is null))
);
create index psychotherapy_notes_custodian_idx on psychotherapy_notes (clinic_id, custodian_id, patient_id);

create table psychotherapy_note_addenda (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  clinic_id uuid not null,
  note_id uuid not null,
  author_id uuid not null references users(id),
  body text not null check (length(body) between 1 and 20000),
  signed_at timestamptz not null,
  foreign key (clinic_id, note_id) references psychotherapy_notes (clinic_id, id)
);
create index psychotherapy_note_addenda_note_idx on psychotherapy_note_addenda (note_id, signed_at);

-- A custodian handing all their psychotherapy notes to a named successor (e.g. when leaving the clinic).
create table psychotherapy_note_handovers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  from_user_id uuid not null references users(id),
  to_user_id uuid not null references users(id),
  note_count integer not null check (note_count >= 0),
  at timestamptz not null,
  check (from_user_id <> to_user_id)
);
create index psychotherapy_note_handovers_clinic_idx on psychotherapy_note_handovers (clinic_id, at);
