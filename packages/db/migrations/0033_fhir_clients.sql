-- System clients of the FHIR interface: SMART App Launch 2.x "Backend Services" (client credentials with a
-- signed JWT assertion, RFC 7523) as the HL7 FHIR Bulk Data Access IG's SMART Backend Services authorization
-- profiles it. The clinic's admin registers each client with its public key (a JWK or a JWKS, stored as a JWKS)
-- and the scopes it may be granted; a client is disabled, never deleted. No private key is ever stored.
create table fhir_clients (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  name text not null,
  jwks jsonb not null,
  scopes jsonb not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  disabled_by uuid references users(id),
  disabled_reason text
);
create index fhir_clients_clinic_idx on fhir_clients (clinic_id, created_at);

-- Assertion ids (`jti`) a client has used, kept until the assertion expires, so none is accepted twice.
create table fhir_client_assertions (
  client_id uuid not null references fhir_clients(id),
  jti text not null,
  expires_at timestamptz not null,
  primary key (client_id, jti)
);
create index fhir_client_assertions_expiry_idx on fhir_client_assertions (expires_at);

-- Access tokens issued to clients: only the SHA-256 of the opaque token is stored, with the scopes granted.
create table fhir_access_tokens (
  token_hash text primary key,
  client_id uuid not null references fhir_clients(id),
  clinic_id uuid not null references clinics(id),
  scopes jsonb not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null
);
create index fhir_access_tokens_expiry_idx on fhir_access_tokens (expires_at);
