/**
 * Kysely types of the sliding scale's tables (migration packages/db/migrations/0025_sliding_scale.sql): poverty
 * guideline years a clinic adds, the clinic's versioned tiers, and patients' assessments. Nothing is updated in
 * place or deleted; an assessment made in error is marked so.
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../schema.ts';

/** One tier as stored in `sliding_scale_tier_sets.tiers`. */
export interface StoredSlidingScaleTier {
  label: string;
  maxPercent: number | null;
  discountPercent: number;
}

export interface PovertyGuidelineYearsTable {
  id: Generated<string>;
  clinic_id: string;
  year: number;
  citation: string;
  contiguous: Json<number[]>;
  contiguous_extra: number;
  alaska_one: number;
  alaska_extra: number;
  hawaii_one: number;
  hawaii_extra: number;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SlidingScaleTierSetsTable {
  id: Generated<string>;
  clinic_id: string;
  version: number;
  tiers: Json<StoredSlidingScaleTier[]>;
  assessment_valid_months: Generated<number>;
  effective_from: DefaultTimestamp;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SlidingScaleAssessmentsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  household_size: number;
  annual_income_cents: number;
  state: string;
  guideline_year: number;
  guideline_dollars: number;
  /** numeric(8,1) read as an exact decimal string. */
  percent_of_poverty: string;
  tier_set_version: number;
  tier_label: string;
  discount_percent: number;
  evidence: string;
  approved_by: string | null;
  approved_at: Timestamp;
  expires_at: Timestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
  created_at: DefaultTimestamp;
}

export interface SlidingScaleTables {
  poverty_guideline_years: PovertyGuidelineYearsTable;
  sliding_scale_tier_sets: SlidingScaleTierSetsTable;
  sliding_scale_assessments: SlidingScaleAssessmentsTable;
}
