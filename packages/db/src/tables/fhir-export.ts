/**
 * Kysely types of the FHIR Bulk Data export jobs (migrations packages/db/migrations/0034_fhir_bulk_export.sql,
 * 0036_fhir_group_export.sql).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../schema.ts';

export type FhirExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'expired';

/**
 * One NDJSON file of a finished export: its resource type, its file name in the job's folder, its lines; for a
 * system client's export, the Part 2 records in it per patient and the consent each was released under (entered
 * in the accounting of disclosures, migration 0035, when the file is downloaded).
 */
export interface FhirExportFile {
  type: string;
  file: string;
  count: number;
  part2?: Array<{ patientId: string; consentId: string; resourceType: string; count: number }>;
}

export interface FhirExportJobsTable {
  id: Generated<string>;
  clinic_id: string;
  requester: string;
  requester_user_id: string | null;
  level: 'system' | 'patient' | 'group';
  /** The Group a group-level export names (migration 0036); null at the other levels. */
  group_id: string | null;
  types: Json<string[]>;
  since: NullableTimestamp;
  output_format: string;
  request: string;
  transaction_time: Timestamp;
  status: ColumnType<FhirExportStatus, FhirExportStatus | undefined, FhirExportStatus>;
  progress: ColumnType<string, string | undefined, string>;
  output: Json<FhirExportFile[]>;
  error: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  expires_at: NullableTimestamp;
}

export interface FhirExportTables {
  fhir_export_jobs: FhirExportJobsTable;
}
