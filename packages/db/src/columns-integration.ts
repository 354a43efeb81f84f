/** Column manifest (see columns.ts) of the integration tables (migration 0023). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const INTEGRATION_COLUMNS = {
  preparation_records: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    plan_id: 'uuid?',
    appointment_id: 'uuid?',
    intentions: 'text',
    support_name: 'text',
    support_relationship: 'text',
    support_phone: 'text',
    recorded_by: 'uuid?',
    recorded_at: 'timestamptz',
  },
} as const satisfies Partial<ColumnManifest>;
