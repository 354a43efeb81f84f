/**
 * AdverseEvent (FHIR R4 adverseevent.html): each adverse event recorded in a dosing session
 * (`session_observations` of kind `adverse_event`), read at request time.
 * - actuality `actual` (R4 adverse-event-actuality): these happened; the record keeps no near misses;
 * - event: the clinician's description as text (the record codes no event terminology);
 * - seriousness `serious` / `non-serious` (http://terminology.hl7.org/CodeSystem/adverse-event-seriousness),
 *   severity `mild` / `moderate` / `severe` (http://terminology.hl7.org/CodeSystem/adverse-event-severity),
 *   outcome (http://terminology.hl7.org/CodeSystem/adverse-event-outcome): resolved → `resolved`, resolving →
 *   `recovering`, ongoing → `ongoing`, transferred (to another service: how it ended is not known here) and
 *   unknown → `unknown`;
 * - subject, encounter (the session), date (when it happened), recordedDate, recorder;
 * - suspectEntity: the session's doses given before it (MedicationAdministration), not those entered in error.
 * R4 AdverseEvent has no status, so an event marked entered in error cannot say so: it is not served.
 */
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { parseDateParam } from './date-param.ts';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { dateSql, patientIs } from './search-sql.ts';

const SERIOUSNESS = 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness';
const SEVERITY = 'http://terminology.hl7.org/CodeSystem/adverse-event-severity';
const OUTCOME = 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome';

const OUTCOMES: Readonly<Record<string, { code: string; display: string }>> = {
  resolved: { code: 'resolved', display: 'Resolved' },
  resolving: { code: 'recovering', display: 'Recovering' },
  ongoing: { code: 'ongoing', display: 'Ongoing' },
  transferred: { code: 'unknown', display: 'Unknown' },
  unknown: { code: 'unknown', display: 'Unknown' },
};
const SEVERITIES: Readonly<Record<string, string>> = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' };

interface AdverseEventRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  session_id: string;
  at: Date;
  recorded_at: Date;
  recorded_by: string | null;
  data: { description?: string; severity?: string; serious?: boolean; outcome?: string };
  suspects: string[];
}

function toFhirAdverseEvent(r: AdverseEventRow): FhirResource {
  const { description, severity, serious, outcome } = r.data;
  const out = outcome ? OUTCOMES[outcome] : undefined;
  return {
    resourceType: 'AdverseEvent',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    actuality: 'actual',
    ...(description ? { event: { text: description } } : {}),
    subject: { reference: `Patient/${r.patient_id}` },
    encounter: { reference: `Encounter/${r.session_id}` },
    date: r.at.toISOString(),
    recordedDate: r.recorded_at.toISOString(),
    ...(r.recorded_by ? { recorder: { reference: `Practitioner/${r.recorded_by}` } } : {}),
    ...(serious === undefined
      ? {}
      : {
          seriousness: {
            coding: [
              serious
                ? { system: SERIOUSNESS, code: 'serious', display: 'Serious' }
                : { system: SERIOUSNESS, code: 'non-serious', display: 'Non-serious' },
            ],
          },
        }),
    ...(severity && SEVERITIES[severity]
      ? { severity: { coding: [{ system: SEVERITY, code: severity, display: SEVERITIES[severity] }] } }
      : {}),
    ...(out ? { outcome: { coding: [{ system: OUTCOME, ...out }] } } : {}),
    ...(r.suspects.length
      ? {
          suspectEntity: r.suspects.map((id) => ({
            instance: { reference: `MedicationAdministration/${id}` },
          })),
        }
      : {}),
  };
}

const AUDIT = { resourceType: 'dosing_observation', category: 'dosing_session' } as const;

export const adverseEventSource: ResourceSource<AdverseEventRow> = {
  type: 'AdverseEvent',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select o.id::text as id, o.id as pk, o.recorded_at as last_updated, s.patient_id::text as patient_id,
           o.session_id::text as session_id, o.at, o.recorded_at, o.recorded_by::text as recorded_by, o.data,
           coalesce((select json_agg(a.id::text order by a.started_at, a.id) from session_administrations a
                      where a.clinic_id = o.clinic_id and a.session_id = o.session_id
                        and a.entered_in_error_at is null and a.started_at <= o.at), '[]'::json) as suspects
      from session_observations o
      join dosing_sessions s on s.id = o.session_id and s.clinic_id = o.clinic_id
     where o.clinic_id = ${clinicId} and o.kind = 'adverse_event' and o.entered_in_error_at is null`,
  order: sql`at desc, id`,
  condition: (name, value, timeZone, now) => {
    if (name === 'patient' || name === 'subject') return patientIs(name, value);
    if (name === 'date') return dateSql('at', parseDateParam(name, value, timeZone, now));
    throw new Error(`AdverseEvent has no search parameter ${name}`);
  },
  idCondition: uuidPk,
  toResource: toFhirAdverseEvent,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
