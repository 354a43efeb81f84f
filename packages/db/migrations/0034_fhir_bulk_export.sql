-- Bulk Data export jobs (FHIR Bulk Data Access IG 2.0.0, the $export operation): one row per kick-off, worked in the
-- background, polled by its requester. The NDJSON files live on disk (PLASTICITY_EXPORT_DIR); `output` lists them
-- with their resource counts. A job's files are deleted when it is cancelled (DELETE on the polling URL) or when it
-- expires; the row stays, as the account of what was exported, when and by whom.
create table fhir_export_jobs (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  -- Who may poll, download and cancel: `user:{id}` for a staff session, a system client's own key otherwise.
  requester text not null check (length(requester) between 1 and 200),
  requester_user_id uuid references users(id),
  level text not null check (level in ('system', 'patient')),
  -- The resource types to export, in order (JSON array of FHIR type names).
  types jsonb not null,
  since timestamptz,
  output_format text not null,
  -- The kick-off request's URL, echoed by the manifest.
  request text not null,
  transaction_time timestamptz not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'done', 'failed', 'cancelled', 'expired')),
  -- What the polling answer's X-Progress says ("Observation 40 %").
  progress text not null default 'queued',
  -- [{type, file, count}], one per file written.
  output jsonb not null default '[]',
  -- Why a failed job failed: the error's class, never a stored value.
  error text,
  created_at timestamptz not null,
  started_at timestamptz,
  -- A running job touches this after every page; a job whose worker stopped (a process ended) is taken up again.
  heartbeat_at timestamptz,
  finished_at timestamptz,
  expires_at timestamptz
);
create index fhir_export_jobs_pending_idx on fhir_export_jobs (created_at) where status in ('queued', 'running');
create index fhir_export_jobs_expiry_idx on fhir_export_jobs (expires_at) where status = 'done';
