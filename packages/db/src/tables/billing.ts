/**
 * Kysely types of the billing tables (migration packages/db/migrations/0026_billing.sql): the price list (a new
 * price is a new row), charges and payments (voided with a reason, never deleted).
 */
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../schema.ts';

export type PaymentMethod = 'cash' | 'card' | 'hsa_fsa' | 'cheque';
export type ChargeSource = 'session' | 'visit' | 'manual';

export interface PriceListItemsTable {
  id: Generated<string>;
  clinic_id: string;
  service_key: string;
  label: string;
  amount_cents: number;
  /** `YYYY-MM-DD`. */
  effective_from: string;
  effective_to: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface ChargesTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  service_date: string;
  session_id: string | null;
  appointment_id: string | null;
  service_key: string;
  description: string;
  code: string;
  modifiers: Json<string[]>;
  units: number;
  icd10_codes: Json<string[]>;
  place_of_service: ColumnType<string, string | undefined, string>;
  rendering_user_id: string | null;
  amount_cents: number;
  discount_percent: ColumnType<number, number | undefined, number>;
  discount_cents: ColumnType<number, number | undefined, number>;
  source: ChargeSource;
  created_by: string | null;
  created_at: DefaultTimestamp;
  voided_at: NullableTimestamp;
  voided_by: string | null;
  void_reason: string | null;
}

export interface PaymentsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  amount_cents: number;
  method: PaymentMethod;
  received_at: Timestamp;
  reference: string | null;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
  voided_at: NullableTimestamp;
  voided_by: string | null;
  void_reason: string | null;
}

export interface BillingTables {
  price_list_items: PriceListItemsTable;
  charges: ChargesTable;
  payments: PaymentsTable;
}
