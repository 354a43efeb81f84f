/**
 * Flag (FHIR R4 flag.html): suicide-risk alerts (`alerts` of kind `suicide_risk`, raised when an instrument's
 * safety rule fires), read at request time.
 * - status (R4 flag-status): `active` while the alert is open, `inactive` once a clinician acknowledged it;
 * - category `safety` (http://terminology.hl7.org/CodeSystem/flag-category, R4 codesystem-flag-category.html:
 *   "flags related to the subject's health or safety");
 * - code: "Suicide risk" as text — no SNOMED CT concept was confirmed for it when this was written, so none is
 *   claimed;
 * - subject, period from when it was raised to its acknowledgement.
 * The acknowledgement's note and the care team are not served. `date` searches the period's start.
 */
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { period } from './datatypes.ts';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { patientRecordParams } from './search-sql.ts';

const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';
/** The alert kind the measurement module raises for a suicide-risk safety rule. */
const SUICIDE_RISK = 'suicide_risk';

interface FlagRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  status: 'active' | 'inactive';
  period_start: Date;
  period_end: Date | null;
}

function toFhirFlag(r: FlagRow): FhirResource {
  return {
    resourceType: 'Flag',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    status: r.status,
    category: [{ coding: [{ system: FLAG_CATEGORY, code: 'safety', display: 'Safety' }] }],
    code: { text: 'Suicide risk' },
    subject: { reference: `Patient/${r.patient_id}` },
    period: period(r.period_start, r.period_end),
  };
}

const AUDIT = { resourceType: 'alert', category: 'alert' } as const;

export const flagSource: ResourceSource<FlagRow> = {
  type: 'Flag',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select a.id::text as id, a.id as pk, a.updated_at as last_updated, a.patient_id::text as patient_id,
           case when a.status = 'open' then 'active' else 'inactive' end as status,
           a.created_at as period_start, a.ack_at as period_end
      from alerts a where a.clinic_id = ${clinicId} and a.kind = ${SUICIDE_RISK}`,
  order: sql`period_start desc, id`,
  condition: patientRecordParams('Flag', {
    statuses: new Set(['active', 'inactive', 'entered-in-error']),
    valueSet: 'flag-status',
    dateParam: 'date',
    dateColumn: 'period_start',
  }),
  idCondition: uuidPk,
  toResource: toFhirFlag,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
