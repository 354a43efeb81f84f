/** Column manifest of the FHIR interface's system clients (migration 0033; see columns.ts). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point (see columns.ts).
// biome-ignore lint/nursery/useExplicitType: see above
export const FHIR_COLUMNS = {
  fhir_clients: {
    id: 'uuid',
    clinic_id: 'uuid',
    name: 'text',
    jwks: 'json',
    scopes: 'json',
    created_by: 'uuid?',
    created_at: 'timestamptz',
    disabled_at: 'timestamptz?',
    disabled_by: 'uuid?',
    disabled_reason: 'text?',
  },
  fhir_client_assertions: {
    client_id: 'uuid',
    jti: 'text',
    expires_at: 'timestamptz',
  },
  fhir_access_tokens: {
    token_hash: 'text',
    client_id: 'uuid',
    clinic_id: 'uuid',
    scopes: 'json',
    issued_at: 'timestamptz',
    expires_at: 'timestamptz',
  },
} as const satisfies Partial<ColumnManifest>;
