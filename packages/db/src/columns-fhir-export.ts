/** Column manifest (see columns.ts) of the FHIR Bulk Data export jobs (migrations 0034, 0036). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const FHIR_EXPORT_COLUMNS = {
  fhir_export_jobs: {
    id: 'uuid',
    clinic_id: 'uuid',
    requester: 'text',
    requester_user_id: 'uuid?',
    level: 'text',
    group_id: 'text?',
    types: 'json',
    since: 'timestamptz?',
    output_format: 'text',
    request: 'text',
    transaction_time: 'timestamptz',
    status: 'text',
    progress: 'text',
    output: 'json',
    error: 'text?',
    created_at: 'timestamptz',
    started_at: 'timestamptz?',
    heartbeat_at: 'timestamptz?',
    finished_at: 'timestamptz?',
    expires_at: 'timestamptz?',
  },
} as const satisfies Partial<ColumnManifest>;
