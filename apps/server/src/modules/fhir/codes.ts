/**
 * Code systems and codes the FHIR interface uses, each with its source (docs/fhir.md lists them too).
 *
 * - LOINC, `http://loinc.org` (FHIR R4 terminologies: loinc.html). Vital-sign codes are the ones the FHIR R4
 *   Vital Signs profiles fix (hl7.org/fhir/R4/observation-vitalsigns.html): panel 85354-9 with components
 *   8480-6 / 8462-4 (profile `bp`), 8867-4 (`heartrate`), 9279-1 (`resprate`), 2708-6 (`oxygensat`, with US
 *   Core Pulse Oximetry's 59408-5 beside it), 8310-5 (`bodytemp`), 29463-7 (`bodyweight`). Instrument totals
 *   come from each instrument's definition (`loinc.total` in @plasticity/clinical, e.g. PHQ-9 total 44261-6 and
 *   GAD-7 total 70274-6, loinc.org/44261-6 and loinc.org/70274-6).
 * - UCUM, `http://unitsofmeasure.org` (FHIR R4 ucum.html): the Vital Signs profiles fix `mm[Hg]`, `/min`, `%`,
 *   `Cel`, `kg`; survey scores use the annotation `{score}` (the unit LOINC gives as example for 44261-6).
 * - Observation category, `http://terminology.hl7.org/CodeSystem/observation-category` (R4
 *   codesystem-observation-category.html): `vital-signs`, `survey`.
 * - Identifier type, `http://terminology.hl7.org/CodeSystem/v2-0203` (HL7 v2 table 0203): `MR` (medical
 *   record number).
 * - Data absent reason, `http://terminology.hl7.org/CodeSystem/data-absent-reason` (R4
 *   codesystem-data-absent-reason.html): `unknown`, for a blood-pressure component the reading did not hold.
 */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** The base Vital Signs profile every vital-sign Observation declares (R4 observation-vitalsigns.html). */
export const VITAL_SIGNS_PROFILE = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';

/** A vital sign as the session's readings hold it, with the FHIR R4 Vital Signs profile and codes it maps to. */
export interface VitalSignCode {
  /** The reading's column in `session_vitals`, or `weight` for `plan_weight_observations`. */
  readonly kind: VitalKind;
  /** The profile's canonical URL (hl7.org/fhir/R4/observation-vitalsigns.html). */
  readonly profile: string;
  /** LOINC codes in Observation.code: the profile's fixed code first. */
  readonly codes: ReadonlyArray<{ code: string; display: string }>;
  /** UCUM unit code (and its human-readable `unit`). */
  readonly unit: { code: string; unit: string };
}

export type VitalKind = 'bp' | 'hr' | 'rr' | 'spo2' | 'temp' | 'weight';

export const VITAL_SIGNS: Readonly<Record<VitalKind, VitalSignCode>> = {
  bp: {
    kind: 'bp',
    profile: 'http://hl7.org/fhir/StructureDefinition/bp',
    codes: [{ code: '85354-9', display: 'Blood pressure panel with all children optional' }],
    unit: { code: 'mm[Hg]', unit: 'mmHg' },
  },
  hr: {
    kind: 'hr',
    profile: 'http://hl7.org/fhir/StructureDefinition/heartrate',
    codes: [{ code: '8867-4', display: 'Heart rate' }],
    unit: { code: '/min', unit: 'beats/minute' },
  },
  rr: {
    kind: 'rr',
    profile: 'http://hl7.org/fhir/StructureDefinition/resprate',
    codes: [{ code: '9279-1', display: 'Respiratory rate' }],
    unit: { code: '/min', unit: 'breaths/minute' },
  },
  spo2: {
    kind: 'spo2',
    profile: 'http://hl7.org/fhir/StructureDefinition/oxygensat',
    // 2708-6 is the code the R4 profile fixes; 59408-5 ("by Pulse oximetry") is what US Core's Pulse Oximetry
    // profile requires beside it, and says how the chair's monitor measured it.
    codes: [
      { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
      { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
    ],
    unit: { code: '%', unit: '%' },
  },
  temp: {
    kind: 'temp',
    profile: 'http://hl7.org/fhir/StructureDefinition/bodytemp',
    codes: [{ code: '8310-5', display: 'Body temperature' }],
    unit: { code: 'Cel', unit: 'C' },
  },
  weight: {
    kind: 'weight',
    profile: 'http://hl7.org/fhir/StructureDefinition/bodyweight',
    codes: [{ code: '29463-7', display: 'Body weight' }],
    unit: { code: 'kg', unit: 'kg' },
  },
};

/** The blood-pressure panel's components (profile `bp`): systolic 8480-6, diastolic 8462-4, in mm[Hg]. */
export const BP_COMPONENTS = {
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
} as const;
