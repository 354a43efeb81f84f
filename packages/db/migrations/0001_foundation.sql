-- Foundation: clinics, users and memberships, sessions, one-time links, patients, outbox, audit log.
-- PostgreSQL 15 syntax (PGlite runs 18; CI also runs this on a 15 server).

create table clinics (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  address jsonb not null default '{}'::jsonb,
  time_zone text not null default 'America/New_York',
  demo boolean not null default false,
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  active boolean not null default true,
  mfa_secret text,
  mfa_enabled boolean not null default false,
  locked_until timestamptz,
  mfa_pending_secret text,
  recovery_codes jsonb not null default '[]'::jsonb,
  last_totp_step bigint,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index users_email_key on users (lower(email));

create table patients (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  mrn text not null,
  first_name text not null,
  last_name text not null,
  date_of_birth date not null,
  sex text not null check (sex in ('female', 'male', 'other', 'unknown')),
  phone text,
  email text,
  address jsonb,
  emergency_contact jsonb,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, mrn),
  unique (clinic_id, id)
);
create index patients_clinic_name_idx on patients (clinic_id, lower(last_name), lower(first_name));

create table memberships (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  user_id uuid not null references users(id),
  role text not null check (role in ('admin', 'prescriber', 'nurse', 'therapist', 'front_desk', 'patient')),
  patient_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (clinic_id, user_id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  check ((role = 'patient') = (patient_id is not null))
);
create unique index memberships_patient_key on memberships (clinic_id, patient_id) where patient_id is not null;

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  csrf_token text not null,
  user_id uuid not null references users(id),
  clinic_id uuid not null references clinics(id),
  membership_id uuid not null references memberships(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  source_address text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table auth_failures (
  id bigserial primary key,
  user_id uuid references users(id),
  source_address text,
  at timestamptz not null default now()
);
create index auth_failures_user_at_idx on auth_failures (user_id, at);

create table one_time_links (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  kind text not null check (kind in ('invite', 'password_reset')),
  clinic_id uuid not null references clinics(id),
  user_id uuid not null references users(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table outbox (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  recipient text not null,
  subject text not null,
  body text not null,
  kind text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  transport text,
  attempts integer not null default 0,
  last_error text
);
create index outbox_unsent_idx on outbox (clinic_id, created_at) where sent_at is null;

-- Audit log (HIPAA §164.312(b); ONC 170.315(d)(2), (d)(3), (d)(10); content per ASTM E2147).
-- Rows are inserted unsealed inside each request's own transaction; a sealer then assigns each
-- committed row its place in the chain (seq) and its SHA-256 hash over its content and the previous
-- row's hash. Sealing is the only update the database allows; nothing may be deleted.
create table audit_log (
  id uuid primary key default gen_random_uuid(),
  at timestamptz not null default clock_timestamp(),
  clinic_id uuid,
  user_id uuid,
  user_email text,
  role text,
  patient_id uuid,
  action text not null check (action in ('create', 'read', 'update', 'delete', 'query', 'export', 'print', 'login', 'logout')),
  resource_type text not null,
  resource_id text,
  category text,
  outcome text not null check (outcome in ('success', 'failure')),
  source_address text,
  details jsonb,
  seq bigint unique,
  prev_hash text,
  hash text,
  created_seq bigserial not null
);
create index audit_log_unsealed_idx on audit_log (created_seq) where seq is null;
create index audit_log_clinic_at_idx on audit_log (clinic_id, at desc);
create index audit_log_clinic_user_at_idx on audit_log (clinic_id, user_id, at desc);
create index audit_log_clinic_patient_at_idx on audit_log (clinic_id, patient_id, at desc);
create index audit_log_clinic_action_at_idx on audit_log (clinic_id, action, at desc);

-- The head of the sealed chain, so that deleting the newest entries is detected too.
create table audit_chain_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  hash text not null
);

create function audit_log_protect() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.seq is null and new.seq is not null and new.hash is not null
       and (to_jsonb(new) - array['seq', 'prev_hash', 'hash']) = (to_jsonb(old) - array['seq', 'prev_hash', 'hash']) then
      return new;
    end if;
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
  end if;
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_protect();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_protect();
