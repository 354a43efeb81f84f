-- Outcomes dashboard: indexes for the cohort query (discharged sessions of a clinic by discharge time) and the
-- per-patient reads behind it (a patient's sessions, measurement requests by due time).
create index dosing_sessions_discharged_idx on dosing_sessions (clinic_id, discharged_at)
  where status = 'discharged';
create index dosing_sessions_patient_idx on dosing_sessions (clinic_id, patient_id, scheduled_at);
create index measurement_requests_patient_due_idx on measurement_requests (clinic_id, patient_id, due_at);
