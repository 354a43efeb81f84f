/**
 * The closed vocabularies of the audit log: what kind of record an entry is about (`resourceType`) and
 * the category of data it touched (`category`). New entries use these canonical values only.
 *
 * Stored entries are never rewritten (the hash chain covers them and the table is append-only), so
 * values written before the vocabulary was closed stay as they are: `AUDIT_DRIFTED` maps each of them to
 * its canonical value, and the audit report maps when it reads, filters (a filter on the canonical value
 * also finds the drifted rows) and exports.
 */
import { z } from 'zod';

export const AUDIT_RESOURCE_TYPES = [
  'alert',
  'allergy_entry',
  'appointment',
  'appointment_confirmation_link',
  'appointment_course',
  'appointment_slot',
  'appointment_type',
  'assessment',
  'audit_log',
  'board',
  'board_stream',
  'charge',
  'clinical_note',
  'clinical_note_addendum',
  'clinical_note_search',
  'care_team',
  'chair',
  /** A clinic's whole record written out by `plasticity export clinic` (FHIR NDJSON and documents). */
  'clinic_export',
  'clinic_settings',
  'clinician_hours',
  'consent_document',
  'consent_signature',
  'controlled_administration_log',
  'controlled_container',
  'controlled_count',
  'controlled_discrepancy',
  'controlled_expiry',
  'controlled_inventory_report',
  'controlled_ledger',
  'controlled_location',
  'controlled_loss_report',
  'controlled_movement',
  'controlled_patient_history',
  'controlled_product',
  'controlled_stock',
  'controlled_supplier',
  'demo_mailbox',
  'dose_calculation',
  'dose_override_verification',
  'education_page',
  /** A FHIR Bulk Data export ($export): its kick-off, manifest, files and cancellation. */
  'fhir_bulk_export',
  'good_faith_estimate',
  /** A rating-scale definition (served as a FHIR Questionnaire): no patient data. */
  'instrument',
  /** A 42 CFR Part 2 disclosure consent: recorded, revoked, entered in error, read. */
  'part2_disclosure_consent',
  /** The accounting of a patient's Part 2 disclosures (42 CFR 2.25), read or printed. */
  'part2_disclosure',
  'good_faith_estimates_due',
  'patient_coverage',
  'education_read',
  /** A system client of the FHIR interface (SMART Backend Services): registered, disabled, authenticated. */
  'fhir_client',
  'dosing_administration',
  'dosing_discharge_assessment',
  'dosing_observation',
  'dosing_session',
  'dosing_session_checklist',
  'dosing_session_note',
  'eligibility_decision',
  'eligibility_rule_set',
  'intake',
  'integration_worklist',
  'journal_entry',
  'journal_prompt',
  'measurement_profile',
  'measurement_request',
  'measurement_schedule',
  'measurement_settings',
  'medication_entry',
  'medication_list',
  'mood_checkin',
  'outbox',
  'outcomes_report',
  'patient',
  'patient_record_export',
  'patient_record_print',
  'poverty_guideline_year',
  'payment',
  'preparation_record',
  'price_list_item',
  'protocol',
  'psychotherapy_note',
  'psychotherapy_note_addendum',
  'psychotherapy_note_handover',
  'rems_form',
  'self_report_link',
  /** A sign-in session (login, logout), not a dosing session. */
  'session',
  'session_vitals',
  'sliding_scale_assessment',
  'sliding_scale_tiers',
  'superbill',
  'treatment_plan',
  'user',
  'user_credentials',
  'user_mfa',
  'user_role',
  'weight_observation',
  'witness_signature',
] as const;
export const AuditResourceType = z.enum(AUDIT_RESOURCE_TYPES);
export type AuditResourceType = z.infer<typeof AuditResourceType>;

export const AUDIT_CATEGORIES = [
  'alert',
  'assessment',
  'billing',
  'care_team',
  'configuration',
  'consent',
  'controlled_substance',
  'demographics',
  'dosing_session',
  'education',
  'eligibility',
  'intake',
  'integration',
  'journal',
  'medications',
  'messages',
  'notes',
  'psychotherapy_notes',
  'scheduling',
  'treatment_plan',
  'vital_signs',
] as const;
export const AuditCategory = z.enum(AUDIT_CATEGORIES);
export type AuditCategory = z.infer<typeof AuditCategory>;

/** Stored values written before the vocabularies were closed → their canonical value. */
export const AUDIT_DRIFTED: {
  readonly resourceType: Readonly<Record<string, AuditResourceType>>;
  readonly category: Readonly<Record<string, AuditCategory>>;
} = {
  resourceType: {},
  category: {
    /** Weight observations (plans) wrote 'vitals'; vital-sign readings (sessions) 'vital_signs'. */
    vitals: 'vital_signs',
    /** The dose calculator and override verification (plans) wrote 'dosing'. */
    dosing: 'dosing_session',
  },
};

type Field = keyof typeof AUDIT_DRIFTED;

/** The canonical value of a stored one (unchanged when it is canonical or unknown). */
export function canonicalAuditValue(field: Field, stored: string): string;
export function canonicalAuditValue(field: Field, stored: string | null): string | null;
export function canonicalAuditValue(field: Field, stored: string | null): string | null {
  if (stored === null) return null;
  return AUDIT_DRIFTED[field][stored] ?? stored;
}

/** Every stored value that means `canonical`: itself and the drifted values mapped to it. */
export function storedAuditValues(field: Field, canonical: string): string[] {
  const drifted = Object.entries(AUDIT_DRIFTED[field])
    .filter(([, to]) => to === canonical)
    .map(([from]) => from);
  return [canonical, ...drifted];
}
