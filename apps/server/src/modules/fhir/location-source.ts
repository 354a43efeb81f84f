/**
 * Location (FHIR R4 location.html): the clinic's chairs and rooms (`chairs`), read at request time. Each is an
 * `instance` location, `active` or `inactive` as the clinic set it, with its kind as description. Rooms carry
 * the physical type `ro` Room (http://terminology.hl7.org/CodeSystem/location-physical-type); that code system
 * has no code for a treatment chair, so chairs carry none rather than a wrong one.
 */
import { CHAIR_KIND_LABELS, type ChairKind } from '@plasticity/clinical/scheduling';
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { noOwnParameters, type ResourceSource, uuidPk } from './resource-source.ts';

const PHYSICAL_TYPE = 'http://terminology.hl7.org/CodeSystem/location-physical-type';
const ROOMS: ReadonlySet<ChairKind> = new Set(['spravato_room', 'therapy_room']);

interface LocationRow {
  id: string;
  last_updated: Date;
  name: string;
  kind: ChairKind;
  active: boolean;
}

function toFhirLocation(r: LocationRow): FhirResource {
  return {
    resourceType: 'Location',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    status: r.active ? 'active' : 'inactive',
    name: r.name,
    description: CHAIR_KIND_LABELS[r.kind],
    mode: 'instance',
    ...(ROOMS.has(r.kind)
      ? { physicalType: { coding: [{ system: PHYSICAL_TYPE, code: 'ro', display: 'Room' }] } }
      : {}),
  };
}

export const locationSource: ResourceSource<LocationRow> = {
  type: 'Location',
  patientColumn: null,
  relation: (clinicId) => sql`
    select c.id::text as id, c.id as pk, c.updated_at as last_updated, c.name, c.kind, c.active, c.sort_order
      from chairs c where c.clinic_id = ${clinicId}`,
  order: sql`sort_order, name, id`,
  condition: noOwnParameters('Location'),
  idCondition: uuidPk,
  toResource: toFhirLocation,
  disclosed: (r) => ({ patientId: null, resourceType: 'chair', category: null, id: r.id }),
  audit: { resourceType: 'chair', category: null },
};
