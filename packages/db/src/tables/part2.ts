/**
 * Kysely types of 42 CFR Part 2 disclosure consents and the accounting of disclosures (migration
 * packages/db/migrations/0035_part2_disclosure_consents.sql).
 */
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../schema.ts';

export interface Part2DisclosureConsentsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  recipient_client_id: string;
  purpose: string;
  /** null: every record about the patient the FHIR interface serves; otherwise the FHIR types listed. */
  resource_types: Json<string[]> | null;
  information: string;
  /** A calendar date (`yyyy-mm-dd`). */
  expires_on: string | null;
  expiry_event: string | null;
  signed_on: string;
  signed_by_name: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revoked_reason: string | null;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface Part2DisclosuresTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  consent_id: string;
  recipient_client_id: string;
  disclosed_at: Timestamp;
  interaction: 'read' | 'search' | 'export';
  resource_type: string;
  resource_count: number;
}

export interface Part2Tables {
  part2_disclosure_consents: Part2DisclosureConsentsTable;
  part2_disclosures: Part2DisclosuresTable;
}
