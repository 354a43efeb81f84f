/**
 * Encounter (FHIR R4 encounter.html): the dosing sessions (`dosing_sessions`), read at request time.
 * - status (R4 encounter-status) from the session's lifecycle, in one table (`ENCOUNTER_STATUS`) that the SQL
 *   uses too, so a status search agrees with what is served;
 * - class `AMB` ambulatory (http://terminology.hl7.org/CodeSystem/v3-ActCode): the patient is treated and goes
 *   home the same day;
 * - period: from check-in (the first move out of `scheduled` other than a cancellation; the scheduled time
 *   until then) to discharge, or to the cancellation or abort;
 * - location: the chair (Location) when the session is in one of the clinic's chairs.
 * The `date` search compares the period's start.
 */
import type { FhirResource, SessionStatus } from '@plasticity/contracts';
import { sql } from 'kysely';
import { period } from './datatypes.ts';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { codeCase, patientRecordParams } from './search-sql.ts';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** The R4 encounter-status of each session status. */
export const ENCOUNTER_STATUS: Readonly<Record<SessionStatus, string>> = {
  scheduled: 'planned',
  checked_in: 'arrived',
  pre_assessment: 'triaged',
  dosing: 'in-progress',
  monitoring: 'in-progress',
  recovery: 'in-progress',
  discharged: 'finished',
  cancelled: 'cancelled',
  // Stopped early after it began: the encounter has ended.
  aborted: 'finished',
};

/** R4 encounter-status codes (a value outside them is a bad request; those never produced match nothing). */
const ENCOUNTER_STATUSES = new Set([
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

interface EncounterRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  status: string;
  chair_id: string | null;
  period_start: Date;
  period_end: Date | null;
}

function toFhirEncounter(r: EncounterRow): FhirResource {
  return {
    resourceType: 'Encounter',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    status: r.status,
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [{ text: 'Dosing session' }],
    subject: { reference: `Patient/${r.patient_id}` },
    period: period(r.period_start, r.period_end),
    ...(r.chair_id ? { location: [{ location: { reference: `Location/${r.chair_id}` } }] } : {}),
  };
}

const statusCase = codeCase('s.status', ENCOUNTER_STATUS, 'unknown');

const AUDIT = { resourceType: 'dosing_session', category: 'dosing_session' } as const;

const condition = patientRecordParams('Encounter', {
  statuses: ENCOUNTER_STATUSES,
  valueSet: 'encounter-status',
  dateParam: 'date',
  dateColumn: 'period_start',
});

export const encounterSource: ResourceSource<EncounterRow> = {
  type: 'Encounter',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select s.id::text as id, s.id as pk, s.updated_at as last_updated, s.patient_id::text as patient_id,
           ${statusCase} as status, s.chair_id::text as chair_id,
           coalesce((select min(t.at) from session_transitions t
                      where t.session_id = s.id and t.from_status = 'scheduled'
                        and t.to_status <> 'cancelled'), s.scheduled_at) as period_start,
           coalesce(s.discharged_at, (select max(t.at) from session_transitions t
                      where t.session_id = s.id and t.to_status in ('cancelled', 'aborted'))) as period_end
      from dosing_sessions s where s.clinic_id = ${clinicId}`,
  order: sql`period_start desc, id`,
  condition,
  idCondition: uuidPk,
  toResource: toFhirEncounter,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
