-- Vital-sign ingestion cost (issue 6 §9). PostgreSQL 15 syntax.
--
-- 1. The high-volume append-only rows of a dosing session (readings, upload keys, board events) drop their
--    foreign keys. Each key check locks its parent row (SELECT … FOR KEY SHARE), which rewrites the parent
--    tuple's lock field on every insert: measured at ~0.36 ms of the ~0.83 ms one upload costs the server.
--    Integrity does not rest on them: these rows are written only by the upload statement
--    (apps/server/src/modules/sessions/vitals/store-upload.ts), which takes clinic_id and session_id from the
--    dosing_sessions row it reads in the same statement and recorded_by from the caller's session; and their
--    parents are never deleted (a session's record is locked, users and clinics are deactivated).
alter table session_vitals drop constraint if exists session_vitals_clinic_id_session_id_fkey;
alter table session_vitals drop constraint if exists session_vitals_recorded_by_fkey;
alter table session_vitals_batches drop constraint if exists session_vitals_batches_clinic_id_session_id_fkey;
alter table board_events drop constraint if exists board_events_clinic_id_fkey;

-- 2. The append-only guard compares the sealed row with the unsealed one as records (every column but the
--    three the seal writes) instead of through to_jsonb: the same rule, covering any column added later,
--    without building two jsonb documents per sealed entry.
create or replace function audit_log_protect() returns trigger language plpgsql as $$
declare
  expected audit_log;
begin
  if tg_op = 'UPDATE' and old.seq is null and new.seq is not null and new.hash is not null then
    expected := new;
    expected.seq := old.seq;
    expected.prev_hash := old.prev_hash;
    expected.hash := old.hash;
    if expected is not distinct from old then
      return new;
    end if;
  end if;
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
