/** Column manifest (see columns.ts) of the 42 CFR Part 2 disclosure consents and disclosures (migration 0035). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const PART2_COLUMNS = {
  part2_disclosure_consents: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    recipient_client_id: 'uuid',
    purpose: 'text',
    resource_types: 'json?',
    information: 'text',
    expires_on: 'date?',
    expiry_event: 'text?',
    signed_on: 'date',
    signed_by_name: 'text',
    recorded_by: 'uuid?',
    recorded_at: 'timestamptz',
    revoked_at: 'timestamptz?',
    revoked_by: 'uuid?',
    revoked_reason: 'text?',
    entered_in_error_at: 'timestamptz?',
    entered_in_error_by: 'uuid?',
    entered_in_error_reason: 'text?',
  },
  part2_disclosures: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    consent_id: 'uuid',
    recipient_client_id: 'uuid',
    disclosed_at: 'timestamptz',
    interaction: 'text',
    resource_type: 'text',
    resource_count: 'int',
  },
} as const satisfies Partial<ColumnManifest>;
