/**
 * QuestionnaireResponse (FHIR R4 questionnaireresponse.html): each assessment (`assessments`) as the patient's
 * or clinician's answers, read at request time. `questionnaire` is the canonical, with its version, of the
 * served Questionnaire of the definition the answers were scored with (questionnaire-source.ts; that
 * Questionnaire names LOINC's form in `derivedFrom` where there is one) — a clinic's own instrument, which is
 * not served as a Questionnaire, names none; each item is `linkId` = the item number with its label, and the answer as the item's integer value (a skipped
 * item has no answer). Status `completed`, or `entered-in-error` for an assessment marked so. The instrument
 * total Observations name their response in `derivedFrom`.
 */
import { getInstrumentVersion } from '@plasticity/clinical/instruments';
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { questionnaireCanonical } from './questionnaire-source.ts';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { patientRecordParams } from './search-sql.ts';

/** R4 questionnaire-answers-status codes. */
const QR_STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);

interface ResponseRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  instrument_id: string;
  instrument_version: string;
  answers: (number | null)[];
  authored: Date;
  status: 'completed' | 'entered-in-error';
}

function toFhirResponse(r: ResponseRow): FhirResource {
  const def = getInstrumentVersion(r.instrument_id, r.instrument_version);
  const items = def?.items ?? [];
  return {
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    ...(def ? { questionnaire: questionnaireCanonical(def.id, def.version) } : {}),
    status: r.status,
    subject: { reference: `Patient/${r.patient_id}` },
    authored: r.authored.toISOString(),
    item: r.answers.map((value, i) => {
      const item = items[i];
      const number = item?.number ?? i + 1;
      return {
        linkId: String(number),
        text: item?.label ?? `Item ${number}`,
        ...(value === null ? {} : { answer: [{ valueInteger: value }] }),
      };
    }),
  };
}

const AUDIT = { resourceType: 'assessment', category: 'assessment' } as const;

const condition = patientRecordParams('QuestionnaireResponse', {
  statuses: QR_STATUSES,
  valueSet: 'questionnaire-answers-status',
  dateParam: 'authored',
  dateColumn: 'authored',
});

export const questionnaireResponseSource: ResourceSource<ResponseRow> = {
  type: 'QuestionnaireResponse',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select a.id::text as id, a.id as pk, greatest(a.created_at, a.entered_in_error_at) as last_updated,
           a.patient_id::text as patient_id, a.instrument_id, a.instrument_version, a.answers,
           a.administered_at as authored,
           case when a.entered_in_error_at is null then 'completed' else 'entered-in-error' end as status
      from assessments a where a.clinic_id = ${clinicId}`,
  order: sql`authored desc, id`,
  condition,
  idCondition: uuidPk,
  toResource: toFhirResponse,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
