/**
 * Kysely types of the medications module's table (migration packages/db/migrations/0013_medications.sql).
 * Entries are never deleted: stopped_* or entered_in_error_* record who, when and why.
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp } from '../schema.ts';

export interface MedicationListEntriesTable {
  id: Generated<string>;
  /** Insertion order (identity): tie-breaker for rows written at the same instant. */
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  kind: 'medication' | 'allergy';
  name: string;
  rxcui: string | null;
  dose: string | null;
  frequency: string | null;
  reaction: string | null;
  source: 'patient' | 'staff';
  reported_via: 'intake' | 'chart';
  intake_id: string | null;
  reported_by: string | null;
  reported_role: string;
  created_at: DefaultTimestamp;
  reconciled_at: NullableTimestamp;
  reconciled_by: string | null;
  stopped_at: NullableTimestamp;
  stopped_by: string | null;
  stop_reason: string | null;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface MedicationsTables {
  medication_list_entries: MedicationListEntriesTable;
}
