/**
 * Kysely types of the integration tables (migration packages/db/migrations/0023_integration.sql): preparation-visit
 * records (intentions and support person; corrections are new records).
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp } from '../schema.ts';

export interface PreparationRecordsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  plan_id: string | null;
  appointment_id: string | null;
  intentions: string;
  support_name: string;
  support_relationship: string;
  support_phone: string;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
}

export interface IntegrationTables {
  preparation_records: PreparationRecordsTable;
}
