/**
 * Consent (FHIR R4 consent.html), read at request time from two records:
 * - treatment consents the patient signed (`plan_consent_signatures` with their document): id `tc-{signature}`,
 *   scope `treatment` (http://terminology.hl7.org/CodeSystem/consentscope), policyRule the document's title and
 *   version, status `active` until withdrawn, then `inactive`; provision `permit` from signature to withdrawal;
 * - 42 CFR Part 2 disclosure consents (`part2_disclosure_consents`): id `part2-{consent}`, scope
 *   `patient-privacy`, category also v3-ActCode `IDSCL` (information disclosure), policyRule v3-ActCode
 *   `42CFRPart2`; status `active`, `inactive` once revoked, `entered-in-error` when so marked; provision `permit`
 *   with action `disclose` (http://terminology.hl7.org/CodeSystem/consentaction), the recipient as actor (role
 *   v3-ParticipationType `IRCP` information recipient, the system client by identifier `urn:uuid:{client}` in
 *   the URI namespace `urn:ietf:rfc:3986`), the period from signature to expiry date, the purpose as written, and
 *   the resource types of its scope as `class` (http://hl7.org/fhir/resource-types). An expiry event is text in
 *   the provision's period's absence and in the consent's explanation.
 * Every Consent has category LOINC 59284-0 "Patient Consent" (R4 consentcategorycodes' LOINC example). `date`
 * searches the consent's dateTime (signature; the record of a Part 2 consent). A Part 2 consent is itself a
 * record about a Part 2 patient, filtered by part2.ts like every other type.
 */
import type { FhirResource } from '@plasticity/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Disclosed } from './audit-reads.ts';
import { LOINC } from './codes.ts';
import type { ResourceSource } from './resource-source.ts';
import { isUuid, patientRecordParams } from './search-sql.ts';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';

interface ConsentRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  kind: 'treatment' | 'part2';
  status: string;
  date_time: Date;
  /** Treatment: the document's title and version. Part 2: the information described. */
  policy_text: string;
  period_start: string;
  period_end: string | null;
  recipient_client_id: string | null;
  recipient_name: string | null;
  purpose: string | null;
  resource_types: string[] | null;
}

const CONSENT_STATUSES = new Set(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']);

function provision(r: ConsentRow) {
  const period = { start: r.period_start, ...(r.period_end ? { end: r.period_end } : {}) };
  if (r.kind === 'treatment') return { type: 'permit', period };
  return {
    type: 'permit',
    period,
    actor: [
      {
        role: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
              code: 'IRCP',
              display: 'information recipient',
            },
          ],
        },
        reference: {
          identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${r.recipient_client_id}` },
          display: r.recipient_name,
        },
      },
    ],
    action: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'disclose' }] },
    ],
    ...(r.purpose ? { purpose: [{ display: r.purpose }] } : {}),
    ...(r.resource_types
      ? { class: r.resource_types.map((code) => ({ system: 'http://hl7.org/fhir/resource-types', code })) }
      : {}),
  };
}

function toFhirConsent(r: ConsentRow): FhirResource {
  const part2 = r.kind === 'part2';
  return {
    resourceType: 'Consent',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    status: r.status,
    scope: { coding: [{ system: SCOPE, code: part2 ? 'patient-privacy' : 'treatment' }] },
    category: [
      { coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] },
      ...(part2
        ? [{ coding: [{ system: ACT_CODE, code: 'IDSCL', display: 'information disclosure' }] }]
        : []),
    ],
    patient: { reference: `Patient/${r.patient_id}` },
    dateTime: r.date_time.toISOString(),
    policyRule: part2
      ? { coding: [{ system: ACT_CODE, code: '42CFRPart2', display: '42 CFR Part2' }], text: r.policy_text }
      : { text: r.policy_text },
    provision: provision(r),
  };
}

/** A logical id `tc-{uuid}` or `part2-{uuid}` as the condition on the relation's keys (nothing for another id). */
function consentId(id: string): RawBuilder<unknown> {
  const m = /^(tc|part2)-(.+)$/.exec(id);
  if (!m?.[2] || !isUuid(m[2])) return sql`false`;
  return m[1] === 'tc'
    ? sql`tc_pk = ${m[2].toLowerCase()}::uuid`
    : sql`part2_pk = ${m[2].toLowerCase()}::uuid`;
}

const AUDIT = { resourceType: 'consent_signature', category: 'consent' } as const;

function disclosed(r: ConsentRow): Disclosed {
  const resourceType = r.kind === 'part2' ? 'part2_disclosure_consent' : 'consent_signature';
  return { patientId: r.patient_id, resourceType, category: 'consent', id: r.id };
}

export const consentSource: ResourceSource<ConsentRow> = {
  type: 'Consent',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select 'tc-' || s.id::text as id, s.id as tc_pk, null::uuid as part2_pk,
           coalesce(s.withdrawn_at, s.signed_at) as last_updated, s.patient_id::text as patient_id,
           'treatment' as kind, case when s.withdrawn_at is null then 'active' else 'inactive' end as status,
           s.signed_at as date_time, d.title || ', version ' || d.version::text as policy_text,
           to_char(s.signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as period_start,
           to_char(s.withdrawn_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as period_end,
           null::text as recipient_client_id, null::text as recipient_name, null::text as purpose,
           null::jsonb as resource_types
      from plan_consent_signatures s join plan_consent_documents d on d.id = s.document_id
     where s.clinic_id = ${clinicId}
    union all
    select 'part2-' || c.id::text, null::uuid, c.id,
           greatest(c.recorded_at, c.revoked_at, c.entered_in_error_at), c.patient_id::text,
           'part2', case when c.entered_in_error_at is not null then 'entered-in-error'
                         when c.revoked_at is not null then 'inactive' else 'active' end,
           c.recorded_at, c.information,
           to_char(c.signed_on, 'YYYY-MM-DD'), to_char(c.expires_on, 'YYYY-MM-DD'),
           c.recipient_client_id::text, f.name, c.purpose, c.resource_types
      from part2_disclosure_consents c join fhir_clients f on f.id = c.recipient_client_id
     where c.clinic_id = ${clinicId}`,
  order: sql`date_time desc, id`,
  condition: patientRecordParams('Consent', {
    statuses: CONSENT_STATUSES,
    valueSet: 'consent-state-codes',
    dateParam: 'date',
    dateColumn: 'date_time',
  }),
  idCondition: consentId,
  toResource: toFhirConsent,
  disclosed,
  audit: AUDIT,
};
