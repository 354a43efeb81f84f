/** Column manifest (see columns.ts) of the billing tables (migration 0026). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const BILLING_COLUMNS = {
  price_list_items: {
    id: 'uuid',
    clinic_id: 'uuid',
    service_key: 'text',
    label: 'text',
    amount_cents: 'int',
    effective_from: 'date',
    effective_to: 'date?',
    created_by: 'uuid?',
    created_at: 'timestamptz',
  },
  charges: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    service_date: 'date',
    session_id: 'uuid?',
    appointment_id: 'uuid?',
    service_key: 'text',
    description: 'text',
    code: 'text',
    modifiers: 'json',
    units: 'int',
    icd10_codes: 'json',
    place_of_service: 'text',
    rendering_user_id: 'uuid?',
    amount_cents: 'int',
    discount_percent: 'int',
    discount_cents: 'int',
    source: 'text',
    created_by: 'uuid?',
    created_at: 'timestamptz',
    voided_at: 'timestamptz?',
    voided_by: 'uuid?',
    void_reason: 'text?',
  },
  payments: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    amount_cents: 'int',
    method: 'text',
    received_at: 'timestamptz',
    reference: 'text?',
    recorded_by: 'uuid?',
    recorded_at: 'timestamptz',
    voided_at: 'timestamptz?',
    voided_by: 'uuid?',
    void_reason: 'text?',
  },
} as const satisfies Partial<ColumnManifest>;
