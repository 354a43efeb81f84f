/**
 * MedicationAdministration (FHIR R4 medicationadministration.html): each dose given in a dosing session
 * (`session_administrations`), read at request time.
 * - medication: the drug with its RxNorm ingredient where confirmed (medication-codes.ts); when the dose's lot
 *   was recorded, a contained Medication carries the code and `batch.lotNumber` / `batch.expirationDate` (R4 has
 *   no lot on MedicationAdministration itself), referenced as `#med`;
 * - status (R4 medication-admin-status): `entered-in-error` for a dose marked so (FHIR keeps such a record
 *   readable with that status rather than hiding it), `in-progress` for an intravenous infusion not yet
 *   stopped, else `completed`;
 * - subject the session's patient, context the session's Encounter, performer the clinician who gave it;
 * - effective: the period from start to stop, or the start time for a dose with no stop;
 * - dosage: route (SNOMED CT), dose in `mg` and an infusion's rate in `mL/h` (UCUM).
 * The `effective-time` search compares the start.
 */
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { UCUM } from './codes.ts';
import { medicationConcept, ROUTE_CODES, SNOMED } from './medication-codes.ts';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { patientRecordParams } from './search-sql.ts';

/** R4 medication-admin-status codes. */
const MA_STATUSES = new Set([
  'in-progress',
  'not-done',
  'on-hold',
  'completed',
  'entered-in-error',
  'stopped',
  'unknown',
]);

interface AdministrationRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  session_id: string;
  status: string;
  drug: string;
  route: string;
  dose_mg: string;
  rate_ml_per_hour: string | null;
  lot: string | null;
  expiry: string | null;
  started_at: Date;
  stopped_at: Date | null;
  administered_by: string;
}

function toFhirAdministration(r: AdministrationRow): FhirResource {
  const medication = medicationConcept(r.drug);
  const route = ROUTE_CODES[r.route as keyof typeof ROUTE_CODES];
  return {
    resourceType: 'MedicationAdministration',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    ...(r.lot
      ? {
          contained: [
            {
              resourceType: 'Medication',
              id: 'med',
              code: medication,
              batch: { lotNumber: r.lot, ...(r.expiry ? { expirationDate: r.expiry } : {}) },
            },
          ],
          medicationReference: { reference: '#med' },
        }
      : { medicationCodeableConcept: medication }),
    status: r.status,
    subject: { reference: `Patient/${r.patient_id}` },
    context: { reference: `Encounter/${r.session_id}` },
    ...(r.stopped_at
      ? { effectivePeriod: { start: r.started_at.toISOString(), end: r.stopped_at.toISOString() } }
      : { effectiveDateTime: r.started_at.toISOString() }),
    performer: [{ actor: { reference: `Practitioner/${r.administered_by}` } }],
    dosage: {
      ...(route ? { route: { coding: [{ system: SNOMED, ...route }] } } : { route: { text: r.route } }),
      dose: { value: Number(r.dose_mg), unit: 'mg', system: UCUM, code: 'mg' },
      ...(r.rate_ml_per_hour === null
        ? {}
        : { rateQuantity: { value: Number(r.rate_ml_per_hour), unit: 'mL/h', system: UCUM, code: 'mL/h' } }),
    },
  };
}

const AUDIT = { resourceType: 'dosing_administration', category: 'dosing_session' } as const;

export const medicationAdministrationSource: ResourceSource<AdministrationRow> = {
  type: 'MedicationAdministration',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select a.id::text as id, a.id as pk, greatest(a.recorded_at, a.entered_in_error_at) as last_updated,
           s.patient_id::text as patient_id, a.session_id::text as session_id,
           case when a.entered_in_error_at is not null then 'entered-in-error'
                when a.route = 'iv' and a.stopped_at is null then 'in-progress'
                else 'completed' end as status,
           a.drug, a.route, a.dose_mg::text as dose_mg, a.rate_ml_per_hour::text as rate_ml_per_hour,
           a.lot, a.expiry::text as expiry, a.started_at, a.stopped_at, a.administered_by::text as administered_by
      from session_administrations a
      join dosing_sessions s on s.id = a.session_id and s.clinic_id = a.clinic_id
     where a.clinic_id = ${clinicId}`,
  order: sql`started_at desc, id`,
  condition: patientRecordParams('MedicationAdministration', {
    statuses: MA_STATUSES,
    valueSet: 'medication-admin-status',
    dateParam: 'effective-time',
    dateColumn: 'started_at',
  }),
  idCondition: uuidPk,
  toResource: toFhirAdministration,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
