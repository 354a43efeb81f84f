/**
 * Kysely types of the plans module's tables (migration packages/db/migrations/0003_plans.sql).
 * Versioned data (protocols, eligibility rule sets, consent documents) is append-only; clinical
 * records carry entered_in_error_* instead of being deleted.
 */
import type { Intake } from '@plasticity/clinical/eligibility';
import type { Protocol } from '@plasticity/clinical/protocols';
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableJson, NullableTimestamp, Timestamp } from '../schema.ts';

export interface PlanProtocolsTable {
  id: Generated<string>;
  clinic_id: string;
  protocol_key: string;
  version: number;
  name: string;
  route: Protocol['route'];
  drug: Protocol['drug'];
  status: Protocol['status'];
  is_default: Generated<boolean>;
  data: Json<Protocol>;
  change_note: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  superseded_at: NullableTimestamp;
}

export interface PlanEligibilityRuleSetsTable {
  id: Generated<string>;
  clinic_id: string;
  rule_set_key: string;
  version: number;
  rules: Json<unknown[]>;
  change_note: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface PlanIntakesTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  /**
   * The intake as validated by the contract's IntakeRequest (every version has written that shape; fields
   * added since are optional), plus the server's scores (`screens`) and `weightMeasuredAt`.
   */
  data: Json<Intake>;
  submitted_by: string | null;
  submitted_role: string;
  created_at: DefaultTimestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface PlanWeightObservationsTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  /** numeric: exact decimal string. */
  weight_kg: ColumnType<string, string | number, string | number>;
  measured_at: Timestamp;
  source: 'intake' | 'vitals' | 'manual';
  intake_id: string | null;
  recorded_by: string | null;
  created_at: DefaultTimestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface PlanEligibilityDecisionsTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  intake_id: string;
  rule_set_id: string;
  rule_set_version: number;
  protocol_id: string | null;
  age_years: number;
  eligible: 'yes' | 'no' | 'review';
  hits: Json<unknown[]>;
  unknown_fields: Json<string[]>;
  evaluated_by: string | null;
  evaluated_at: Timestamp;
  decision: 'approved' | 'declined' | null;
  override: Generated<boolean>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_reason: string | null;
}

export interface PlanConsentDocumentsTable {
  id: Generated<string>;
  clinic_id: string;
  kind: string;
  version: number;
  title: string;
  body: string;
  body_sha256: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  superseded_at: NullableTimestamp;
}

export interface PlanConsentSignaturesTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  document_id: string;
  kind: string;
  document_version: number;
  typed_name: string;
  signed_at: Timestamp;
  source_address: string | null;
  user_agent: string | null;
  text_sha256: string;
  signed_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_reason: string | null;
  withdrawn_by: string | null;
  /** `portal` (the patient's own account) or `clinic_device` (handed over by `handed_by`), migration 0018. */
  signed_via: Generated<'portal' | 'clinic_device'>;
  handed_by: string | null;
}

export interface PlanTreatmentPlansTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  protocol_id: string;
  protocol_version: number;
  indications: Json<string[]>;
  target_instruments: Json<string[]>;
  planned_sessions: number;
  sessions_completed: Generated<number>;
  eligibility_decision_id: string | null;
  notes: string | null;
  status: 'draft' | 'approved' | 'active' | 'completed' | 'stopped';
  status_reason: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  approved_by: string | null;
  approved_at: NullableTimestamp;
  activated_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_reason: string | null;
  /** The prescribed dose (migration 0011): `{ mgPerKg | fixedMg, durationMin?, frequency }`. */
  prescribed_dose: NullableJson<Record<string, unknown>>;
  dose_approved_by: string | null;
  dose_approved_at: NullableTimestamp;
}

export interface PlanStatusEventsTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  plan_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_id: string | null;
  at: Timestamp;
}

export interface PlanDoseCalculationsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string | null;
  protocol_id: string;
  protocol_version: number;
  inputs: Json<Record<string, unknown>>;
  result: Json<Record<string, unknown>>;
  blocked: boolean;
  overridden: boolean;
  override_reason: string | null;
  verifier_id: string | null;
  calculated_by: string | null;
  created_at: Timestamp;
}

export interface PlansTables {
  plan_protocols: PlanProtocolsTable;
  plan_eligibility_rule_sets: PlanEligibilityRuleSetsTable;
  plan_intakes: PlanIntakesTable;
  plan_weight_observations: PlanWeightObservationsTable;
  plan_eligibility_decisions: PlanEligibilityDecisionsTable;
  plan_consent_documents: PlanConsentDocumentsTable;
  plan_consent_signatures: PlanConsentSignaturesTable;
  plan_treatment_plans: PlanTreatmentPlansTable;
  plan_status_events: PlanStatusEventsTable;
  plan_dose_calculations: PlanDoseCalculationsTable;
}
