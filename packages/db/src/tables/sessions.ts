/**
 * Kysely types of the sessions module's tables (migration packages/db/migrations/0005_sessions.sql).
 * Dosing sessions, their transitions, administrations, vitals (with idempotent upload batches),
 * observations, signed notes, and the live board's event log.
 */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { SessionStatus } from '@plasticity/contracts';
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableJson, NullableTimestamp, Timestamp } from '../schema.ts';

export interface DosingSessionsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  protocol_id: string;
  protocol_version: number;
  /** The protocol as resolved at booking (a snapshot; thresholds stay fixed for the session). */
  protocol: Json<Protocol>;
  plan_id: string | null;
  chair: string;
  /** The chair record (migration 0019): set when `chair` names one of the clinic's chairs. */
  chair_id: string | null;
  /** The appointment this session was opened from at check-in (migration 0019). */
  appointment_id: string | null;
  scheduled_at: Timestamp;
  status: ColumnType<SessionStatus, SessionStatus | undefined, SessionStatus>;
  status_reason: string | null;
  checklist: Json<Record<string, unknown>>;
  escort: NullableJson<{ name: string; phone: string }>;
  prescriber_on_site_id: string | null;
  discharge_assessment: Json<Record<string, unknown>>;
  dose_started_at: NullableTimestamp;
  discharged_at: NullableTimestamp;
  locked_at: NullableTimestamp;
  rems_form: Json<Record<string, unknown>>;
  rems_submitted_at: NullableTimestamp;
  rems_submitted_by: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SessionTransitionsTable {
  id: Generated<number>;
  clinic_id: string;
  session_id: string;
  from_status: SessionStatus;
  to_status: SessionStatus;
  at: Timestamp;
  by_user_id: string | null;
  reason: string | null;
  override_reason: string | null;
  overridden: NullableJson<Array<{ key: string; message: string }>>;
}

export interface SessionAdministrationsTable {
  id: Generated<string>;
  clinic_id: string;
  session_id: string;
  drug: string;
  route: string;
  dose_mg: string;
  dose_inputs: NullableJson<Record<string, unknown>>;
  concentration_mg_per_ml: string | null;
  volume_ml: string | null;
  container_id: string | null;
  lot: string | null;
  expiry: string | null;
  /** Register entries (cs_ledger) of this dose: the draw, the administration, the witnessed waste. */
  register_draw_id: string | null;
  register_administer_id: string | null;
  register_waste_id: string | null;
  started_at: Timestamp;
  stopped_at: NullableTimestamp;
  events: Json<Array<Record<string, unknown>>>;
  administered_by: string;
  verified_by: string | null;
  recorded_at: Timestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
  /** Migration 0011: the dose check at administration and its reasons. */
  plan_id: string | null;
  dose_check: NullableJson<Record<string, unknown>>;
  override_reason: string | null;
  override_verified_by: string | null;
  dose_change_reason: string | null;
  not_from_register_reason: string | null;
  duration_min: string | null;
  rate_ml_per_hour: string | null;
}

export interface SessionVitalsTable {
  id: Generated<string>;
  clinic_id: string;
  session_id: string;
  at: Timestamp;
  sbp: number | null;
  dbp: number | null;
  hr: number | null;
  spo2: number | null;
  rr: number | null;
  etco2: number | null;
  temp_c: number | null;
  batch_id: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
  /** 'manual' (typed by staff) or 'device' (a bedside monitor, migration 0031). */
  source: Generated<VitalSource>;
  /** The monitor's identifier (the chair's device id) for a device reading. */
  device_id: string | null;
  /** When and by whom a nurse confirmed a device reading (it counts for discharge only then). */
  confirmed_at: NullableTimestamp;
  confirmed_by: string | null;
}

export type VitalSource = 'manual' | 'device';

export interface SessionVitalsBatchesTable {
  id: Generated<string>;
  clinic_id: string;
  session_id: string;
  idempotency_key: string;
  body_hash: string;
  /** The answer given to the upload, replayed for a repeated key (parsed with the contract on replay). */
  result: NullableJson<unknown>;
  created_at: Timestamp;
}

export interface SessionObservationsTable {
  id: Generated<string>;
  clinic_id: string;
  session_id: string;
  kind: string;
  at: Timestamp;
  data: Json<Record<string, unknown>>;
  recorded_by: string | null;
  recorded_at: Timestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface SessionNotesTable {
  id: Generated<string>;
  clinic_id: string;
  session_id: string;
  author_id: string;
  author_role: string;
  text: string;
  addendum: Generated<boolean>;
  signed_at: Timestamp;
}

export interface BoardEventsTable {
  id: Generated<number>;
  clinic_id: string;
  at: Timestamp;
  kind: string;
  session_id: string | null;
  data: Json<Record<string, unknown>>;
}

export interface SessionsTables {
  dosing_sessions: DosingSessionsTable;
  session_transitions: SessionTransitionsTable;
  session_administrations: SessionAdministrationsTable;
  session_vitals: SessionVitalsTable;
  session_vitals_batches: SessionVitalsBatchesTable;
  session_observations: SessionObservationsTable;
  session_notes: SessionNotesTable;
  board_events: BoardEventsTable;
}
