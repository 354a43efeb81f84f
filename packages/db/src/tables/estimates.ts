/**
 * Kysely types of the good-faith estimate tables (migration packages/db/migrations/0027_estimates.sql): coverage
 * status records, estimates and their lines.
 */
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp } from '../schema.ts';

export type CoverageStatus = 'self_pay' | 'uninsured' | 'insured_not_billing' | 'insured';
export type EstimateStatus = 'draft' | 'issued';
export type EstimateTriggerKind = 'scheduled' | 'requested';

export interface PatientCoverageTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  status: CoverageStatus;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
}

export interface GoodFaithEstimatesTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  primary_service: string;
  scheduled_on: string | null;
  appointment_id: string | null;
  period_from: string;
  period_to: string;
  trigger_kind: EstimateTriggerKind;
  trigger_on: string;
  due_by: string | null;
  status: ColumnType<EstimateStatus, EstimateStatus | undefined, EstimateStatus>;
  total_cents: number;
  issued_at: NullableTimestamp;
  issued_by: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface GoodFaithEstimateItemsTable {
  id: Generated<string>;
  clinic_id: string;
  estimate_id: string;
  position: number;
  provider_user_id: string | null;
  provider_name: string;
  provider_npi: string | null;
  provider_tin: string | null;
  service_code: string;
  description: string;
  diagnosis_codes: Json<string[]>;
  quantity: number;
  unit_charge_cents: number;
  separate_scheduling: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EstimatesTables {
  patient_coverage: PatientCoverageTable;
  good_faith_estimates: GoodFaithEstimatesTable;
  good_faith_estimate_items: GoodFaithEstimateItemsTable;
}
