/** Column manifest of the sliding scale's tables (migration 0025; see columns.ts). */
import type { ColumnManifest } from './columns-types.ts';

// The literal type is the point (see columns.ts).
// biome-ignore lint/nursery/useExplicitType: see above
export const SLIDING_SCALE_COLUMNS = {
  poverty_guideline_years: {
    id: 'uuid',
    clinic_id: 'uuid',
    year: 'int',
    citation: 'text',
    contiguous: 'json',
    contiguous_extra: 'int',
    alaska_one: 'int',
    alaska_extra: 'int',
    hawaii_one: 'int',
    hawaii_extra: 'int',
    created_by: 'uuid?',
    created_at: 'timestamptz',
  },
  sliding_scale_tier_sets: {
    id: 'uuid',
    clinic_id: 'uuid',
    version: 'int',
    tiers: 'json',
    assessment_valid_months: 'int',
    effective_from: 'timestamptz',
    created_by: 'uuid?',
    created_at: 'timestamptz',
  },
  sliding_scale_assessments: {
    id: 'uuid',
    clinic_id: 'uuid',
    patient_id: 'uuid',
    household_size: 'int',
    annual_income_cents: 'int',
    state: 'text',
    guideline_year: 'int',
    guideline_dollars: 'int',
    percent_of_poverty: 'numeric',
    tier_set_version: 'int',
    tier_label: 'text',
    discount_percent: 'int',
    evidence: 'text',
    approved_by: 'uuid?',
    approved_at: 'timestamptz',
    expires_at: 'timestamptz',
    entered_in_error_at: 'timestamptz?',
    entered_in_error_by: 'uuid?',
    entered_in_error_reason: 'text?',
    created_at: 'timestamptz',
  },
} as const satisfies Partial<ColumnManifest>;
