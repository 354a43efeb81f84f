/**
 * Maps an observation row (read by observation-source.ts) to a FHIR R4 Observation.
 * Vital signs follow the FHIR R4 Vital Signs profiles (hl7.org/fhir/R4/observation-vitalsigns.html: category
 * `vital-signs`, the profile's fixed LOINC code, a UCUM quantity, `subject` and `effectiveDateTime`), and US
 * Core's Pulse Oximetry profile for SpO2 (2708-6 and 59408-5). Blood pressure is the panel 85354-9 with its
 * systolic (8480-6) and diastolic (8462-4) components; a component the reading did not hold carries a
 * data-absent reason (profile invariant vs-3). Instrument totals are `survey` Observations with the total's
 * LOINC code and a `{score}` quantity, `derivedFrom` the assessment's QuestionnaireResponse. Codes and their sources: codes.ts.
 */
import { getInstrumentVersion } from '@plasticity/clinical/instruments';
import type { FhirResource } from '@plasticity/contracts';
import {
  BP_COMPONENTS,
  DATA_ABSENT_REASON,
  LOINC,
  OBSERVATION_CATEGORY,
  UCUM,
  VITAL_SIGNS,
  VITAL_SIGNS_PROFILE,
  type VitalKind,
} from './codes.ts';

export type ObservationKind = VitalKind | 'instrument';

export interface ObservationRow {
  id: string;
  kind: ObservationKind;
  /** The source row's id (reading, weight or assessment). */
  src: string;
  patient_id: string;
  effective: Date;
  last_updated: Date;
  status: 'final' | 'preliminary' | 'entered-in-error';
  /** LOINC codes in Observation.code. */
  codes: string[];
  category: 'vital-signs' | 'survey';
  /** The value: systolic for bp, else the reading, weight or total. */
  v1: number | null;
  /** Diastolic for bp. */
  v2: number | null;
  instrument_id: string | null;
  instrument_version: string | null;
  /** The dosing session (Encounter) a reading was taken in. */
  encounter_id: string | null;
}

/** Observation.category per category, built once (only ever serialized). */
const CATEGORY = {
  'vital-signs': [
    {
      coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }],
      text: 'Vital Signs',
    },
  ],
  survey: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }], text: 'Survey' }],
} as const;

function quantity(value: number, unit: { code: string; unit: string }) {
  return { value, unit: unit.unit, system: UCUM, code: unit.code };
}

/** A component's value, or why it is absent. */
function componentValue(value: number | null) {
  return value === null
    ? { dataAbsentReason: { coding: [{ system: DATA_ABSENT_REASON, code: 'unknown', display: 'Unknown' }] } }
    : { valueQuantity: quantity(value, VITAL_SIGNS.bp.unit) };
}

/**
 * The parts of a vital sign's Observation that depend only on its kind, built once: an export maps every reading,
 * and these objects are only ever serialized, never changed.
 */
const VITAL_PARTS = Object.fromEntries(
  (Object.keys(VITAL_SIGNS) as VitalKind[]).map((kind) => {
    const spec = VITAL_SIGNS[kind];
    const first = spec.codes[0];
    return [
      kind,
      {
        profile: [VITAL_SIGNS_PROFILE, spec.profile],
        code: {
          coding: spec.codes.map((c) => ({ system: LOINC, code: c.code, display: c.display })),
          text: first?.display ?? kind,
        },
      },
    ];
  }),
) as Record<VitalKind, { profile: string[]; code: { coding: object[]; text: string } }>;

const BP_COMPONENT_CODES = {
  systolic: {
    coding: [{ system: LOINC, code: BP_COMPONENTS.systolic.code, display: BP_COMPONENTS.systolic.display }],
    text: BP_COMPONENTS.systolic.display,
  },
  diastolic: {
    coding: [{ system: LOINC, code: BP_COMPONENTS.diastolic.code, display: BP_COMPONENTS.diastolic.display }],
    text: BP_COMPONENTS.diastolic.display,
  },
};

function vitalSign(kind: VitalKind, row: ObservationRow) {
  const spec = VITAL_SIGNS[kind];
  const { profile, code } = VITAL_PARTS[kind];
  const meta = { lastUpdated: row.last_updated.toISOString(), profile };
  if (kind !== 'bp') {
    return {
      meta,
      code,
      ...(row.v1 === null
        ? { dataAbsentReason: { coding: [{ system: DATA_ABSENT_REASON, code: 'unknown' }] } }
        : { valueQuantity: quantity(row.v1, spec.unit) }),
    };
  }
  return {
    meta,
    code,
    component: [
      { code: BP_COMPONENT_CODES.systolic, ...componentValue(row.v1) },
      { code: BP_COMPONENT_CODES.diastolic, ...componentValue(row.v2) },
    ],
  };
}

function instrumentTotal(row: ObservationRow) {
  const def =
    row.instrument_id && row.instrument_version
      ? getInstrumentVersion(row.instrument_id, row.instrument_version)
      : undefined;
  const name = def?.name ?? row.instrument_id ?? 'Instrument';
  const display = `${name} total score`;
  return {
    meta: { lastUpdated: row.last_updated.toISOString() },
    code: { coding: row.codes.map((c) => ({ system: LOINC, code: c, display })), text: display },
    ...(row.v1 === null
      ? {}
      : { valueQuantity: { value: row.v1, unit: 'score', system: UCUM, code: '{score}' } }),
  };
}

export function toFhirObservation(row: ObservationRow): FhirResource {
  const body = row.kind === 'instrument' ? instrumentTotal(row) : vitalSign(row.kind, row);
  return {
    resourceType: 'Observation',
    id: row.id,
    meta: body.meta,
    status: row.status,
    category: CATEGORY[row.category],
    code: body.code,
    subject: { reference: `Patient/${row.patient_id}` },
    ...(row.encounter_id ? { encounter: { reference: `Encounter/${row.encounter_id}` } } : {}),
    ...(row.kind === 'instrument'
      ? { derivedFrom: [{ reference: `QuestionnaireResponse/${row.src}` }] }
      : {}),
    effectiveDateTime: row.effective.toISOString(),
    ...('valueQuantity' in body ? { valueQuantity: body.valueQuantity } : {}),
    ...('dataAbsentReason' in body ? { dataAbsentReason: body.dataAbsentReason } : {}),
    ...('component' in body ? { component: body.component } : {}),
  };
}
