/**
 * Group (FHIR R4 group.html): the clinic's treatment programs as groups of patients, derived from the record at
 * request time and never stored (docs/fhir.md#groups). One Group per protocol line of the clinic's protocol
 * library (`plan_protocols`, all versions of one `protocol_key`):
 * - id: the id of the line's first version (a uuid: stable across versions, a valid FHIR id whatever the key);
 * - type `person`, `actual` true (the members are listed), `active` while the line's current version is active;
 * - name: the current version's name; code: its key as text;
 * - member: each patient with a current treatment plan (approved or active, not entered in error) on any version
 *   of the line, with the plan's start as `period.start`; `quantity` counts them.
 * A client finds the ids with a search (`GET /fhir/R4/Group`) and exports the members' records with
 * `GET /fhir/R4/Group/{id}/$export` (bulk/). The Group's own row is about no one patient (`patientColumn` null).
 */
import type { FhirResource } from '@plasticity/contracts';
import { type RawBuilder, sql } from 'kysely';
import { noOwnParameters, type ResourceSource, uuidPk } from './resource-source.ts';

interface GroupRow {
  id: string;
  last_updated: Date;
  name: string;
  protocol_key: string;
  active: boolean;
  members: { patient: string; start: string | null }[];
}

function toFhirGroup(r: GroupRow): FhirResource {
  return {
    resourceType: 'Group',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    active: r.active,
    type: 'person',
    actual: true,
    code: { text: r.protocol_key },
    name: r.name,
    quantity: r.members.length,
    ...(r.members.length
      ? {
          member: r.members.map((m) => ({
            entity: { reference: `Patient/${m.patient}` },
            ...(m.start ? { period: { start: new Date(m.start).toISOString() } } : {}),
          })),
        }
      : {}),
  };
}

/** The plans that make a patient a member of their protocol line's group. */
const CURRENT_PLAN = sql`t.status in ('approved', 'active') and t.entered_in_error_at is null`;

/**
 * The ids of the patients who are members of the group `groupId` in the clinic (a relation with one `patient_id`
 * uuid column): the compartment a group-level export holds.
 */
export function groupMembers(clinicId: string, groupId: string): RawBuilder<unknown> {
  return sql`
    select distinct t.patient_id
      from plan_treatment_plans t
      join plan_protocols v on v.id = t.protocol_id and v.clinic_id = t.clinic_id
      join plan_protocols first on first.clinic_id = v.clinic_id and first.protocol_key = v.protocol_key
     where t.clinic_id = ${clinicId} and ${CURRENT_PLAN} and first.id = ${groupId}::uuid
       and first.version = (select min(f.version) from plan_protocols f
                             where f.clinic_id = v.clinic_id and f.protocol_key = v.protocol_key)`;
}

export const groupSource: ResourceSource<GroupRow> = {
  type: 'Group',
  patientColumn: null,
  relation: (clinicId) => sql`
    select l.first_id::text as id, l.first_id as pk, l.protocol_key, cur.name, cur.status = 'active' as active,
           greatest(cur.created_at, m.changed) as last_updated, coalesce(m.members, '[]'::jsonb) as members
      from (select protocol_key, (array_agg(id order by version))[1] as first_id, max(version) as version
              from plan_protocols where clinic_id = ${clinicId} group by protocol_key) l
      join plan_protocols cur on cur.clinic_id = ${clinicId} and cur.protocol_key = l.protocol_key
                             and cur.version = l.version
      left join lateral (
        select jsonb_agg(jsonb_build_object('patient', p.patient_id, 'start', p.start) order by p.patient_id) as members,
               max(p.changed) as changed
          from (select t.patient_id, min(coalesce(t.activated_at, t.approved_at)) as start, max(t.updated_at) as changed
                  from plan_treatment_plans t
                  join plan_protocols v on v.id = t.protocol_id and v.clinic_id = t.clinic_id
                 where t.clinic_id = ${clinicId} and v.protocol_key = l.protocol_key and ${CURRENT_PLAN}
                 group by t.patient_id) p) m on true`,
  order: sql`name, id`,
  condition: noOwnParameters('Group'),
  idCondition: uuidPk,
  toResource: toFhirGroup,
  // A Group names patients: each read or search is recorded as a read of the protocol line's membership.
  disclosed: (r) => ({
    patientId: null,
    resourceType: 'treatment_plan',
    category: 'treatment_plan',
    id: r.id,
  }),
  audit: { resourceType: 'treatment_plan', category: 'treatment_plan' },
};
