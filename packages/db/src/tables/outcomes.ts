/**
 * Kysely types of the outcomes dashboard's kept-current summaries (migration
 * packages/db/migrations/0029_outcome_summaries.sql): per patient, per patient segment, per patient and
 * instrument, and the queue of patients to refresh that triggers fill. Derived rows, rebuilt from the record.
 */
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../schema.ts';

export interface OutcomePatientsTable {
  clinic_id: string;
  patient_id: string;
  sex: string;
  indications: Json<string[]>;
  default_scale: string | null;
  sessions: number;
  adverse_events: number;
  first_discharged_at: Timestamp;
  last_discharged_at: Timestamp;
  latest_plan_status: string | null;
  planned_sessions: number | null;
  last_booked_at: NullableTimestamp;
  refreshed_at: DefaultTimestamp;
}

export interface OutcomeSegmentsTable {
  clinic_id: string;
  patient_id: string;
  segment: number;
  plan_id: string | null;
  indications: Json<string[]>;
  primary_scale: string | null;
  protocol_key: string;
  route: string | null;
  clinician_id: string | null;
  age_band: string;
  sessions: number;
  adverse_events: number;
  first_discharged_at: Timestamp;
  last_discharged_at: Timestamp;
  /** Epoch milliseconds of each discharge, ascending. */
  discharged_at: Json<number[]>;
  /** Epoch milliseconds of the discharge of each adverse event's session, one per event. */
  adverse_event_at: Json<number[]>;
}

export interface OutcomePatientScalesTable {
  clinic_id: string;
  patient_id: string;
  instrument_id: string;
  category: 'response' | 'partial' | 'none' | null;
  remission: boolean | null;
  days_to_response: number | null;
  eoi_response: boolean | null;
  eoi_remission: boolean | null;
  m3_response: boolean | null;
  m3_remission: boolean | null;
  m6_response: boolean | null;
  m6_remission: boolean | null;
  /** Week N's change from baseline in tenths of a percent (null: no score that week). */
  week_0: number | null;
  week_1: number | null;
  week_2: number | null;
  week_3: number | null;
  week_4: number | null;
  week_5: number | null;
  week_6: number | null;
  week_7: number | null;
  week_8: number | null;
  week_9: number | null;
  week_10: number | null;
  week_11: number | null;
  week_12: number | null;
  week_13: number | null;
  week_14: number | null;
  week_15: number | null;
  week_16: number | null;
  week_17: number | null;
  week_18: number | null;
  week_19: number | null;
  week_20: number | null;
  week_21: number | null;
  week_22: number | null;
  week_23: number | null;
  week_24: number | null;
  week_25: number | null;
  week_26: number | null;
}

export interface OutcomeRefreshQueueTable {
  clinic_id: string;
  patient_id: string;
  queued_at: DefaultTimestamp;
}

export interface OutcomesTables {
  outcome_patients: OutcomePatientsTable;
  outcome_segments: OutcomeSegmentsTable;
  outcome_patient_scales: OutcomePatientScalesTable;
  outcome_refresh_queue: OutcomeRefreshQueueTable;
}
