-- The browser edge (issue 12 §2). PostgreSQL 15 syntax.
--
-- 1. Failed logins to an email that matches no account count and lock exactly like an account's, so a
--    caller cannot tell which emails exist from the answers (OWASP Authentication Cheat Sheet, "account
--    lockout" and "authentication responses"). Failures are kept in auth_failures without a user, under
--    a SHA-256 of the lower-cased email; the lock (15 minutes from the failure that reached the limit)
--    in its own table.
alter table auth_failures add column email_hash text;
create index auth_failures_email_at_idx on auth_failures (email_hash, at) where email_hash is not null;

create table unknown_login_locks (
  email_hash text primary key,
  locked_until timestamptz not null
);

-- 2. Idempotency keys of controlled-substance movements: a retried POST with the same key (same clinic)
--    gets the first answer back and records nothing. The key is claimed in the movement's transaction
--    (the primary key makes a concurrent twin wait and then find it); request_hash tells a retry from a
--    different request reusing the key; response is the answer's JSON text, returned byte for byte.
create table cs_idempotency_keys (
  clinic_id uuid not null references clinics(id),
  key text not null,
  request_hash text not null,
  status integer,
  response text,
  ledger_entry_id uuid references cs_ledger(id),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  primary key (clinic_id, key)
);
