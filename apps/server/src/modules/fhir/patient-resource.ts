/**
 * Maps a `patients` row to a FHIR R4 Patient (hl7.org/fhir/R4/patient.html), read at request time.
 * - identifier: the clinic's medical record number, type `MR` (HL7 v2 table 0203), in the namespace of the
 *   clinic (`urn:uuid:{clinic id}`: MRNs are unique per clinic, not across clinics).
 * - gender: the record's sex values are AdministrativeGender's codes (female, male, other, unknown).
 * - contact: the emergency contact, relationship `C` Emergency Contact (HL7 v2 table 0131,
 *   http://terminology.hl7.org/CodeSystem/v2-0131), with the relationship as the patient gave it as text.
 */
import type { FhirResource } from '@plasticity/contracts';
import type { DB, PatientsTable } from '@plasticity/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { IDENTIFIER_TYPE } from './codes.ts';
import { noOwnParameters, type ResourceSource, uuidPk } from './resource-source.ts';
import { isUuid } from './search-sql.ts';

const CONTACT_ROLE = 'http://terminology.hl7.org/CodeSystem/v2-0131';

type Row = Pick<
  Selectable<PatientsTable>,
  | 'id'
  | 'clinic_id'
  | 'mrn'
  | 'first_name'
  | 'last_name'
  | 'date_of_birth'
  | 'sex'
  | 'phone'
  | 'email'
  | 'address'
  | 'emergency_contact'
  | 'updated_at'
>;

function address(a: Record<string, string> | null) {
  if (!a) return {};
  const line = [a.line1, a.line2].filter((l): l is string => typeof l === 'string' && l !== '');
  return {
    address: [
      {
        use: 'home',
        ...(line.length ? { line } : {}),
        ...(a.city ? { city: a.city } : {}),
        ...(a.state ? { state: a.state } : {}),
        ...(a.postalCode ? { postalCode: a.postalCode } : {}),
        ...(a.country ? { country: a.country } : {}),
      },
    ],
  };
}

function contact(c: Record<string, string> | null) {
  if (!c?.name) return {};
  return {
    contact: [
      {
        relationship: [
          {
            coding: [{ system: CONTACT_ROLE, code: 'C', display: 'Emergency Contact' }],
            ...(c.relationship ? { text: c.relationship } : {}),
          },
        ],
        name: { text: c.name },
        ...(c.phone ? { telecom: [{ system: 'phone', value: c.phone }] } : {}),
      },
    ],
  };
}

export function toFhirPatient(r: Row): FhirResource {
  const telecom = [
    ...(r.phone ? [{ system: 'phone', value: r.phone }] : []),
    ...(r.email ? [{ system: 'email', value: r.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: r.id,
    meta: { lastUpdated: r.updated_at.toISOString() },
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }] },
        system: `urn:uuid:${r.clinic_id}`,
        value: r.mrn,
      },
    ],
    name: [{ use: 'official', family: r.last_name, given: [r.first_name] }],
    ...(telecom.length ? { telecom } : {}),
    gender: r.sex,
    birthDate: r.date_of_birth,
    ...address(r.address),
    ...contact(r.emergency_contact),
  };
}

/** The clinic's patients with these ids (another clinic's ids, or ids that are no uuid, find nothing). */
export async function patientsByIds(db: Kysely<DB>, clinicId: string, ids: string[]): Promise<Row[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .selectFrom('patients')
    .select(COLUMNS)
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', valid)
    .orderBy('id')
    .execute();
}

const COLUMNS = [
  'id',
  'clinic_id',
  'mrn',
  'first_name',
  'last_name',
  'date_of_birth',
  'sex',
  'phone',
  'email',
  'address',
  'emergency_contact',
  'updated_at',
] as const;

export const patientSource: ResourceSource<Row & { last_updated: Date }> = {
  type: 'Patient',
  patientColumn: 'pk',
  relation: (clinicId) => sql`
    select p.id::text as id, p.id as pk, p.clinic_id, p.mrn, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone,
           p.email, p.address, p.emergency_contact, p.updated_at, p.updated_at as last_updated
      from patients p where p.clinic_id = ${clinicId}`,
  order: sql`last_name, first_name, id`,
  condition: noOwnParameters('Patient'),
  idCondition: uuidPk,
  toResource: toFhirPatient,
  disclosed: (r) => ({ patientId: r.id, resourceType: 'patient', category: 'demographics', id: r.id }),
  audit: { resourceType: 'patient', category: 'demographics' },
};
