/**
 * Kysely types of the measurement module's tables (migration packages/db/migrations/0002_measurement.sql),
 * including the generic `alerts` table used by the alerts module.
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableJson, NullableTimestamp, Timestamp } from '../schema.ts';

export interface CareTeamTable {
  clinic_id: string;
  patient_id: string;
  user_id: string;
  created_at: DefaultTimestamp;
}

export interface MeasurementProfilesTable {
  clinic_id: string;
  patient_id: string;
  first_dose_at: NullableTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SelfReportLinksTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  token_hash: string;
  instruments: Json<string[]>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  /** Sent in a message, or handed to the patient on a clinic device by `handed_by` (migration 0014). */
  delivery: Generated<'message' | 'clinic_device'>;
  handed_by: string | null;
}

export interface AssessmentsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  instrument_id: string;
  instrument_version: string;
  answers: Json<(number | null)[]>;
  total: number;
  severity: string | null;
  subscales: NullableJson<Record<string, number>>;
  domains: NullableJson<Record<string, number>>;
  flags: Json<string[]>;
  missing: Json<number[]>;
  prorated: Generated<boolean>;
  warnings: Json<string[]>;
  administered_at: Timestamp;
  source: 'staff' | 'portal' | 'link';
  /** How the answers were completed (migration 0014); `handed_by` is set for a clinic device. */
  completed_via: 'patient_link' | 'portal' | 'clinic_device' | 'staff_entry';
  handed_by: string | null;
  entered_by: string | null;
  self_report_link_id: string | null;
  created_at: DefaultTimestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface MeasurementSchedulesTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  instrument_id: string;
  cadence: 'before_each_session' | 'weekly' | 'monthly';
  active: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MeasurementRequestsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  schedule_id: string | null;
  instrument_id: string;
  due_key: string;
  due_at: Timestamp;
  link_id: string | null;
  created_at: DefaultTimestamp;
  completed_at: NullableTimestamp;
}

export interface AlertsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  kind: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  title: string;
  source_type: string;
  source_id: string | null;
  parameter: string | null;
  value: string | null;
  status: Generated<'open' | 'acknowledged'>;
  assigned_to: Json<string[]>;
  escalated_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  ack_by: string | null;
  ack_at: NullableTimestamp;
  ack_note: string | null;
}

export interface MeasurementTables {
  care_team: CareTeamTable;
  measurement_profiles: MeasurementProfilesTable;
  self_report_links: SelfReportLinksTable;
  assessments: AssessmentsTable;
  measurement_schedules: MeasurementSchedulesTable;
  measurement_requests: MeasurementRequestsTable;
  alerts: AlertsTable;
}
