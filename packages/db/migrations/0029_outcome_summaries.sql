-- Outcomes dashboard: kept-current summaries (docs/ARCHITECTURE.md#outcomes-summaries). Each patient's outcome
-- facts are computed by the application from the raw record (the same rules the chart applies) and stored here,
-- so the dashboard aggregates one narrow row per patient instead of recomputing every patient's scores. Triggers
-- on the tables the facts come from queue the patient for a refresh in the writing transaction; the dashboard
-- refreshes queued patients before it reads. Nothing here is a record: rows are rebuilt from the record at will.

-- One row per patient with a discharged dosing session: totals over all their discharged sessions, the union of
-- their plans' indications, the scale of their latest session's plan, and what the dropout rule reads.
create table outcome_patients (
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  sex text not null,
  indications jsonb not null,
  default_scale text,
  sessions integer not null,
  adverse_events integer not null,
  first_discharged_at timestamptz not null,
  last_discharged_at timestamptz not null,
  latest_plan_status text,
  planned_sessions integer,
  last_booked_at timestamptz,
  refreshed_at timestamptz not null default now(),
  primary key (clinic_id, patient_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);

-- A patient's discharged sessions grouped by what the session-level filters read (plan, protocol, route,
-- clinician, age band on the day): counts and the discharge instants (epoch milliseconds) so a date range can
-- count exactly the sessions and adverse events inside it.
create table outcome_segments (
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  segment integer not null,
  plan_id uuid,
  indications jsonb not null,
  primary_scale text,
  protocol_key text not null,
  route text,
  clinician_id uuid,
  age_band text not null,
  sessions integer not null,
  adverse_events integer not null,
  first_discharged_at timestamptz not null,
  last_discharged_at timestamptz not null,
  discharged_at jsonb not null,
  adverse_event_at jsonb not null,
  primary key (clinic_id, patient_id, segment),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);
create index outcome_segments_last_idx on outcome_segments (clinic_id, last_discharged_at);

-- A patient's outcome on one instrument (one row per instrument they have scores on): the response category,
-- remission, days to response, each time point, and the weekly change from baseline in tenths of a percent.
create table outcome_patient_scales (
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null,
  instrument_id text not null,
  category text check (category in ('response', 'partial', 'none')),
  remission boolean,
  days_to_response integer,
  eoi_response boolean,
  eoi_remission boolean,
  m3_response boolean,
  m3_remission boolean,
  m6_response boolean,
  m6_remission boolean,
  week_0 integer,
  week_1 integer,
  week_2 integer,
  week_3 integer,
  week_4 integer,
  week_5 integer,
  week_6 integer,
  week_7 integer,
  week_8 integer,
  week_9 integer,
  week_10 integer,
  week_11 integer,
  week_12 integer,
  week_13 integer,
  week_14 integer,
  week_15 integer,
  week_16 integer,
  week_17 integer,
  week_18 integer,
  week_19 integer,
  week_20 integer,
  week_21 integer,
  week_22 integer,
  week_23 integer,
  week_24 integer,
  week_25 integer,
  week_26 integer,
  primary key (clinic_id, patient_id, instrument_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id)
);

-- Patients whose summaries are out of date.
create table outcome_refresh_queue (
  clinic_id uuid not null,
  patient_id uuid not null,
  queued_at timestamptz not null default now(),
  primary key (clinic_id, patient_id)
);

create function outcome_queue_patient() returns trigger language plpgsql as $$
begin
  insert into outcome_refresh_queue (clinic_id, patient_id) values (new.clinic_id, new.patient_id)
    on conflict do nothing;
  return null;
end $$;

create function outcome_queue_patient_row() returns trigger language plpgsql as $$
begin
  insert into outcome_refresh_queue (clinic_id, patient_id) values (new.clinic_id, new.id)
    on conflict do nothing;
  return null;
end $$;

create function outcome_queue_session_patient() returns trigger language plpgsql as $$
begin
  insert into outcome_refresh_queue (clinic_id, patient_id)
    select s.clinic_id, s.patient_id from dosing_sessions s where s.clinic_id = new.clinic_id and s.id = new.session_id
    on conflict do nothing;
  return null;
end $$;

create function outcome_queue_clinic() returns trigger language plpgsql as $$
begin
  insert into outcome_refresh_queue (clinic_id, patient_id)
    select o.clinic_id, o.patient_id from outcome_patients o where o.clinic_id = new.id
    on conflict do nothing;
  return null;
end $$;

create trigger assessments_outcome_queue after insert or update on assessments
  for each row execute function outcome_queue_patient();
create trigger measurement_profiles_outcome_queue after insert or update of first_dose_at on measurement_profiles
  for each row execute function outcome_queue_patient();
create trigger dosing_sessions_outcome_queue
  after insert or update of status, scheduled_at, dose_started_at, discharged_at, plan_id, protocol_id, protocol,
    prescriber_on_site_id, patient_id on dosing_sessions
  for each row execute function outcome_queue_patient();
create trigger plan_treatment_plans_outcome_queue
  after insert or update of status, indications, planned_sessions on plan_treatment_plans
  for each row execute function outcome_queue_patient();
create trigger session_observations_outcome_queue after insert or update on session_observations
  for each row when (new.kind = 'adverse_event') execute function outcome_queue_session_patient();
create trigger patients_outcome_queue after update of sex, date_of_birth on patients
  for each row execute function outcome_queue_patient_row();
-- The clinic's instrument settings (cut-offs, custom instruments) change every patient's outcome.
create trigger clinics_outcome_queue after update of settings on clinics
  for each row when (old.settings -> 'measurement' is distinct from new.settings -> 'measurement')
  execute function outcome_queue_clinic();

-- Every patient treated so far is summarised on the first dashboard read.
insert into outcome_refresh_queue (clinic_id, patient_id)
  select distinct clinic_id, patient_id from dosing_sessions where status = 'discharged'
  on conflict do nothing;
