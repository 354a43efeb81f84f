/**
 * Kysely table types. `Generated<T>` marks columns the database fills in (defaults, serials).
 * Dates are 'YYYY-MM-DD' strings, numerics exact decimal strings, timestamptz Date (see types.ts).
 * Modules add their tables in tables/<module>.ts and list them here.
 */
import type { ColumnType, Generated } from 'kysely';
import type { JsonText } from './json.ts';
import type { BillingTables } from './tables/billing.ts';
import type { ControlledTables } from './tables/controlled.ts';
import type { EducationTables } from './tables/education.ts';
import type { EstimatesTables } from './tables/estimates.ts';
import type { FhirTables } from './tables/fhir.ts';
import type { FhirExportTables } from './tables/fhir-export.ts';
import type { IntegrationTables } from './tables/integration.ts';
import type { JournalTables } from './tables/journal.ts';
import type { MeasurementTables } from './tables/measurement.ts';
import type { MedicationsTables } from './tables/medications.ts';
import type { NotesTables } from './tables/notes.ts';
import type { OutcomesTables } from './tables/outcomes.ts';
import type { Part2Tables } from './tables/part2.ts';
import type { PlansTables } from './tables/plans.ts';
import type { SchedulingTables } from './tables/scheduling.ts';
import type { SessionsTables } from './tables/sessions.ts';
import type { SlidingScaleTables } from './tables/sliding-scale.ts';

/** timestamptz: read as Date, written as Date or ISO string; optional on insert where the column has a default. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/**
 * json/jsonb: read parsed as `T`, written as a JSON string (pg would turn JS arrays into SQL arrays). The
 * string written must come from `toJson` (json.ts), which serializes a `T`: a write of the wrong shape, or
 * of a value serialized by hand, fails the type check.
 */
export type Json<T = unknown> = ColumnType<T, JsonText<T> | undefined, JsonText<T>>;
export type NullableJson<T = unknown> = ColumnType<
  T | null,
  JsonText<T | null> | null | undefined,
  JsonText<T | null> | null
>;

export interface ClinicsTable {
  id: Generated<string>;
  name: string;
  address: Json<Record<string, string>>;
  time_zone: Generated<string>;
  demo: Generated<boolean>;
  settings: Json<Record<string, unknown>>;
  created_at: DefaultTimestamp;
  /** Printed on documents (migration 0018); validated by the clinic settings route. */
  phone: string | null;
  dea_number: string | null;
  npi: string | null;
  tin: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  locked_until: NullableTimestamp;
  mfa_pending_secret: string | null;
  recovery_codes: Json<string[]>;
  last_totp_step: number | null;
  created_at: DefaultTimestamp;
  last_login_at: NullableTimestamp;
  /** The clinician's NPI, printed as rendering provider on superbills (migration 0026). */
  npi: string | null;
}

export interface MembershipsTable {
  id: Generated<string>;
  clinic_id: string;
  user_id: string;
  role: string;
  patient_id: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  clinic_id: string;
  membership_id: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  source_address: string | null;
  user_agent: string | null;
}

export interface AuthFailuresTable {
  id: Generated<number>;
  user_id: string | null;
  source_address: string | null;
  at: DefaultTimestamp;
  /** SHA-256 of the lower-cased email when no account matched (migration 0015). */
  email_hash: string | null;
}

/** Lock of an email that matches no account, after as many failures as lock an account (migration 0015). */
export interface UnknownLoginLocksTable {
  email_hash: string;
  locked_until: Timestamp;
}

export interface OneTimeLinksTable {
  id: Generated<string>;
  token_hash: string;
  kind: 'invite' | 'password_reset';
  clinic_id: string;
  user_id: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface PatientsTable {
  id: Generated<string>;
  clinic_id: string;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: string;
  phone: string | null;
  email: string | null;
  address: NullableJson<Record<string, string>>;
  emergency_contact: NullableJson<Record<string, string>>;
  demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  clinic_id: string;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  created_at: DefaultTimestamp;
  sent_at: NullableTimestamp;
  transport: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The one-time link whose token the sender mints into `{token}` of the body (migration 0014). */
  link_kind: 'one_time' | 'self_report' | 'appointment_confirmation' | null;
  link_id: string | null;
  /** Files sent with the message, e.g. a calendar invitation (migration 0019). */
  attachments: NullableJson<OutboxAttachment[]>;
}

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text content (calendar files are text). */
  content: string;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: DefaultTimestamp;
  clinic_id: string | null;
  user_id: string | null;
  user_email: string | null;
  role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  category: string | null;
  outcome: string;
  source_address: string | null;
  details: NullableJson<Record<string, unknown>>;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  created_seq: Generated<number>;
}

export interface AuditChainHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: DefaultTimestamp;
}

export interface DB
  extends MeasurementTables,
    MedicationsTables,
    NotesTables,
    PlansTables,
    ControlledTables,
    SessionsTables,
    SchedulingTables,
    EducationTables,
    IntegrationTables,
    JournalTables,
    EstimatesTables,
    SlidingScaleTables,
    OutcomesTables,
    BillingTables,
    FhirTables,
    FhirExportTables,
    Part2Tables {
  clinics: ClinicsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  auth_failures: AuthFailuresTable;
  unknown_login_locks: UnknownLoginLocksTable;
  one_time_links: OneTimeLinksTable;
  patients: PatientsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  schema_migrations: SchemaMigrationsTable;
}
