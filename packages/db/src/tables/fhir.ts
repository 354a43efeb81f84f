/**
 * Kysely types of the FHIR interface's system clients (migration packages/db/migrations/0033_fhir_clients.sql):
 * registered clients with their public keys and allowed scopes, the assertion ids they have used, and the
 * access tokens issued to them (stored as hashes).
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../schema.ts';

/**
 * A public JSON Web Key as registered (RFC 7517 §4; RFC 7518 §6.2.1 EC members, §6.3.1 RSA members): the
 * members that identify and make up a public key, nothing else.
 */
export type StoredJwk = {
  kty: string;
  alg: string;
  kid?: string;
  use?: string;
  /** RSA modulus and exponent. */
  n?: string;
  e?: string;
  /** EC curve and point. */
  crv?: string;
  x?: string;
  y?: string;
};

export interface FhirClientsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  /** A JWK Set (RFC 7517 §5) of public keys; a single registered JWK is stored as a set of one. */
  jwks: Json<{ keys: StoredJwk[] }>;
  /** The SMART scopes the client may be granted, e.g. `system/Observation.rs`. */
  scopes: Json<string[]>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  disabled_at: NullableTimestamp;
  disabled_by: string | null;
  disabled_reason: string | null;
}

export interface FhirClientAssertionsTable {
  client_id: string;
  jti: string;
  expires_at: Timestamp;
}

export interface FhirAccessTokensTable {
  /** SHA-256 (hex) of the opaque token; the token itself is never stored. */
  token_hash: string;
  client_id: string;
  clinic_id: string;
  scopes: Json<string[]>;
  issued_at: Timestamp;
  expires_at: Timestamp;
}

export interface FhirTables {
  fhir_clients: FhirClientsTable;
  fhir_client_assertions: FhirClientAssertionsTable;
  fhir_access_tokens: FhirAccessTokensTable;
}
