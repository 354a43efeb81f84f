-- Vital signs sent by a bedside monitor (HL7 v2 ORU^R01 over MLLP, IHE PCD-01) are kept beside the readings
-- staff type, marked by their source and the monitor's identifier. A device reading counts for discharge only
-- once a nurse has confirmed it (validation of device data): `confirmed_at`/`confirmed_by`. Readings typed by
-- staff are their own confirmation and stay unmarked.
alter table session_vitals add column source text not null default 'manual';
alter table session_vitals add constraint session_vitals_source_check check (source in ('manual', 'device'));
alter table session_vitals add column device_id text;
alter table session_vitals add column confirmed_at timestamptz;
alter table session_vitals add column confirmed_by uuid;
-- The listener finds the chair of a monitor across clinics (a device identifier is unique per clinic).
create index chairs_device_idx on chairs (device_id) where device_id is not null;
-- ... and the open session in that chair, for each message.
create index dosing_sessions_open_chair_idx on dosing_sessions (chair_id) where locked_at is null;
