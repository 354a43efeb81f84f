/** Column manifest (see columns.ts) of the good-faith estimate tables (migration 0027). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const ESTIMATES_COLUMNS = {
  patient_coverage: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    status: 'text',
    recorded_by: 'uuid?',
    recorded_at: 'timestamptz',
  },
  good_faith_estimates: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    primary_service: 'text',
    scheduled_on: 'date?',
    appointment_id: 'uuid?',
    period_from: 'date',
    period_to: 'date',
    trigger_kind: 'text',
    trigger_on: 'date',
    due_by: 'date?',
    status: 'text',
    total_cents: 'int',
    issued_at: 'timestamptz?',
    issued_by: 'uuid?',
    created_by: 'uuid?',
    created_at: 'timestamptz',
    entered_in_error_at: 'timestamptz?',
    entered_in_error_by: 'uuid?',
    entered_in_error_reason: 'text?',
  },
  good_faith_estimate_items: {
    id: 'uuid',
    clinic_id: 'uuid',
    estimate_id: 'uuid',
    position: 'int',
    provider_user_id: 'uuid?',
    provider_name: 'text',
    provider_npi: 'text?',
    provider_tin: 'text?',
    service_code: 'text',
    description: 'text',
    diagnosis_codes: 'json',
    quantity: 'int',
    unit_charge_cents: 'int',
    separate_scheduling: 'bool',
  },
} as const satisfies Partial<ColumnManifest>;
