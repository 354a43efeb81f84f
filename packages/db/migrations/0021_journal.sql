-- The patient's journal between sessions, the clinic's library of journal prompts, and the daily mood check-in.
--
-- A journal entry belongs to the patient: it is private unless the patient shares it with the care team, and the
-- patient may stop sharing it again. Staff read shared entries only. Entries, prompts and check-ins are never
-- deleted: a prompt the clinic no longer wants is retired (active = false); an entry keeps the prompt's words as
-- they read when the patient wrote it. Only the patient writes entries and check-ins (through their portal
-- login, recorded in the audit log), so the rows name the patient and no other author.

create table journal_prompts (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  text text not null check (length(btrim(text)) between 1 and 500),
  phase text not null check (phase in ('before_session', 'evening_after', 'week_after', 'any')),
  -- The protocol line (plan_protocols.protocol_key) the prompt is for; null for every protocol.
  protocol_key text check (protocol_key is null or length(btrim(protocol_key)) between 1 and 120),
  active boolean not null default true,
  sort_order integer not null default 0,
  -- True for the product's starter prompts loaded into the clinic's library.
  starter boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now()
);
create index journal_prompts_clinic on journal_prompts (clinic_id, phase, sort_order);

create table journal_entries (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: breaks ties between entries written at the same instant.
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  text text not null check (length(btrim(text)) between 1 and 20000),
  prompt_id uuid references journal_prompts(id),
  prompt_text text,
  shared boolean not null default false,
  -- When the entry was last shared; null while it is private.
  shared_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((shared and shared_at is not null) or (not shared and shared_at is null))
);
create index journal_entries_patient on journal_entries (clinic_id, patient_id, created_at desc);
create index journal_entries_shared on journal_entries (clinic_id, patient_id, created_at desc) where shared;

create table mood_checkins (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  score smallint not null check (score between 0 and 10),
  note text check (note is null or length(btrim(note)) between 1 and 500),
  recorded_at timestamptz not null default now()
);
create index mood_checkins_patient on mood_checkins (clinic_id, patient_id, recorded_at desc);
