/**
 * Practitioner (FHIR R4 practitioner.html): the clinic's staff — users with a staff membership in the clinic
 * (never patient accounts), read at request time from `users` and `memberships`. Only what every staff member
 * already sees of each other in the app: the display name, whether the account and membership are active, and
 * the NPI when recorded (identifier system `http://hl7.org/fhir/sid/us-npi`, the US NPI naming system). No
 * email, no role (PractitionerRole is not served). The record keeps no change time for a user, so Practitioner
 * has no `meta.lastUpdated` and no `_lastUpdated` search.
 */
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { noOwnParameters, type ResourceSource, uuidPk } from './resource-source.ts';

/** The US National Provider Identifier naming system (FHIR R4 identifier-registry). */
const US_NPI = 'http://hl7.org/fhir/sid/us-npi';

interface PractitionerRow {
  id: string;
  last_updated: null;
  display_name: string;
  npi: string | null;
  active: boolean;
}

function toFhirPractitioner(r: PractitionerRow): FhirResource {
  return {
    resourceType: 'Practitioner',
    id: r.id,
    ...(r.npi ? { identifier: [{ system: US_NPI, value: r.npi }] } : {}),
    active: r.active,
    name: [{ text: r.display_name }],
  };
}

export const practitionerSource: ResourceSource<PractitionerRow> = {
  type: 'Practitioner',
  // One row per user: a user with more than one staff membership here reads as active when any is.
  patientColumn: null,
  relation: (clinicId) => sql`
    select u.id::text as id, u.id as pk, null::timestamptz as last_updated, u.display_name, u.npi,
           bool_or(u.active and m.active) as active
      from users u join memberships m on m.user_id = u.id
     where m.clinic_id = ${clinicId} and m.role <> 'patient'
     group by u.id, u.display_name, u.npi`,
  order: sql`display_name, id`,
  condition: noOwnParameters('Practitioner'),
  idCondition: uuidPk,
  toResource: toFhirPractitioner,
  disclosed: (r) => ({ patientId: null, resourceType: 'user', category: null, id: r.id }),
  audit: { resourceType: 'user', category: null },
};
