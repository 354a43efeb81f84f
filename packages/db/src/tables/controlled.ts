/**
 * Kysely types of the controlled module's tables (migration packages/db/migrations/0004_controlled.sql).
 * numeric columns read as exact decimal strings; dates as 'YYYY-MM-DD'.
 */
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableJson, NullableTimestamp, Timestamp } from '../schema.ts';

export interface CsLocationsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  kind: Generated<string>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface CsSuppliersTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  address: string;
  dea_number: string;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface CsProductsTable {
  id: Generated<string>;
  clinic_id: string;
  drug: string;
  ndc: string;
  form: string;
  schedule: Generated<string>;
  strength: string;
  concentration_mg_per_ml: string | null;
  container_size: string;
  container_label: string;
  unit: 'mg' | 'mL';
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface CsContainersTable {
  id: Generated<string>;
  clinic_id: string;
  product_id: string;
  lot: string;
  expires_on: string;
  label: string;
  location_id: string;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface CsLedgerTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  container_id: string;
  type: string;
  quantity: string | null;
  unit: string | null;
  container_delta: string;
  draw_delta: string;
  draw_id: string | null;
  patient_id: string | null;
  session_id: string | null;
  waste_from: string | null;
  reason: string | null;
  witness_user_id: string | null;
  witness2_user_id: string | null;
  from_location_id: string | null;
  to_location_id: string | null;
  supplier_id: string | null;
  invoice: string | null;
  details: NullableJson<Record<string, unknown>>;
  corrects_entry_id: string | null;
  correction_kind: string | null;
  occurred_at: Timestamp;
  recorded_at: DefaultTimestamp;
  recorded_by: string;
}

export interface CsCountsTable {
  id: Generated<string>;
  clinic_id: string;
  scope: string;
  location_id: string | null;
  counted_at: Timestamp;
  counter_user_id: string;
  witness_user_id: string;
  lines: Json<Array<{ containerId: string; quantity: string; unit: string }>>;
  matched: Json<string[]>;
  note: string | null;
  created_at: DefaultTimestamp;
}

export interface CsDiscrepanciesTable {
  id: Generated<string>;
  clinic_id: string;
  count_id: string;
  container_id: string;
  unit: string;
  expected: string;
  counted: string;
  difference: string;
  kind: string;
  cause: string;
  status: Generated<string>;
  explanation: string | null;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  adjustment_entry_id: string | null;
  escalation_note: string | null;
  escalated_by: string | null;
  escalated_at: NullableTimestamp;
  loss_report_id: string | null;
  created_at: DefaultTimestamp;
}

export interface CsLossReportsTable {
  id: Generated<string>;
  clinic_id: string;
  discovered_at: Timestamp;
  discovered_on: string;
  written_notice_due_on: string;
  dea106_due_on: string;
  type_of_loss: string;
  report: Json<Record<string, unknown>>;
  written_notice_sent_on: string | null;
  dea106_filed_on: string | null;
  discrepancy_id: string | null;
  created_by: string;
  created_at: DefaultTimestamp;
}

/** A movement request's idempotency key and its first answer (migration 0015). */
export interface CsIdempotencyKeysTable {
  clinic_id: string;
  key: string;
  request_hash: string;
  status: number | null;
  response: string | null;
  ledger_entry_id: string | null;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface ControlledTables {
  cs_locations: CsLocationsTable;
  cs_suppliers: CsSuppliersTable;
  cs_products: CsProductsTable;
  cs_containers: CsContainersTable;
  cs_ledger: CsLedgerTable;
  cs_counts: CsCountsTable;
  cs_discrepancies: CsDiscrepanciesTable;
  cs_loss_reports: CsLossReportsTable;
  cs_idempotency_keys: CsIdempotencyKeysTable;
}
