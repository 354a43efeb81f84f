/**
 * AuditEvent (FHIR R4 auditevent.html): the clinic's audit log (`audit_log`), read at request time, for the
 * admin only (access.ts) — the same reader as the audit report (`GET /api/v1/audit`), and never more than the
 * report shows: the time, the actor (a staff member as Practitioner, with role and address), the action and
 * outcome, the patient and the record's kind and id. The entry's `details` (counts, search settings) and the
 * actor's email are not served; no entry holds a record's words, so none reaches a psychotherapy note's or a
 * journal entry's content (an entry about one names only its kind and id, as the report does).
 * - type: sign-in and sign-out are DICOM 110114 "User Authentication" (subtype 110122 Login / 110123 Logout,
 *   `http://dicom.nema.org/resources/ontology/DCM`, the codes R4 audit-event-type draws on); an export is DICOM
 *   110106 "Export"; every other entry is `rest` "RESTful Operation"
 *   (http://terminology.hl7.org/CodeSystem/audit-event-type) with its R4 restful-interaction subtype (create,
 *   read, update, delete, search-type);
 * - action (R4 audit-event-action): C, R, U, D, or E for sign-in and sign-out;
 * - outcome (R4 audit-event-outcome): 0 success, 4 minor failure (a refused request);
 * - source: the Plasticity server, type 4 Application Server
 *   (http://terminology.hl7.org/CodeSystem/security-source-type);
 * - entity: the patient (audit-entity-type 1 Person, object-role 1 Patient) and the record (audit-entity-type
 *   2 System Object, object-role 4 Domain Resource) with its kind as `name` and category as `description`,
 *   the kind and category by their canonical value (`canonicalAuditValue`, as the report maps them).
 * Reading AuditEvents is itself audited, as every FHIR read: one entry per request (no patient is disclosed by
 * it as a patient's record, so the entries group into one), so reading the log grows it by one entry a request.
 */
import { canonicalAuditValue, type FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { parseDateParam } from './date-param.ts';
import { type ResourceSource, type SourceRow, uuidPk } from './resource-source.ts';
import { dateSql, patientIs } from './search-sql.ts';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const INTERACTION = 'http://hl7.org/fhir/restful-interaction';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
const SOURCE_TYPE = 'http://terminology.hl7.org/CodeSystem/security-source-type';

const REST = { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' };
const AUTH = { system: DCM, code: '110114', display: 'User Authentication' };

/** Type, subtype and R4 audit-event-action of each audit action. */
const ACTIONS: Readonly<
  Record<string, { type: object; subtype: object | null; action: 'C' | 'R' | 'U' | 'D' | 'E' }>
> = {
  create: { type: REST, subtype: { system: INTERACTION, code: 'create' }, action: 'C' },
  read: { type: REST, subtype: { system: INTERACTION, code: 'read' }, action: 'R' },
  print: { type: REST, subtype: { system: INTERACTION, code: 'read' }, action: 'R' },
  update: { type: REST, subtype: { system: INTERACTION, code: 'update' }, action: 'U' },
  delete: { type: REST, subtype: { system: INTERACTION, code: 'delete' }, action: 'D' },
  query: { type: REST, subtype: { system: INTERACTION, code: 'search-type' }, action: 'R' },
  export: { type: { system: DCM, code: '110106', display: 'Export' }, subtype: null, action: 'R' },
  login: { type: AUTH, subtype: { system: DCM, code: '110122', display: 'Login' }, action: 'E' },
  logout: { type: AUTH, subtype: { system: DCM, code: '110123', display: 'Logout' }, action: 'E' },
};

/** Roles whose user is a staff member (served as Practitioner). */
const STAFF_ROLES = new Set(['admin', 'prescriber', 'nurse', 'therapist', 'front_desk']);

interface AuditRow extends SourceRow {
  last_updated: Date;
  user_id: string | null;
  role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  category: string | null;
  outcome: string;
  source_address: string | null;
}

function toFhirAuditEvent(r: AuditRow): FhirResource {
  const a = ACTIONS[r.action] ?? { type: REST, subtype: null, action: 'E' };
  const category = canonicalAuditValue('category', r.category);
  return {
    resourceType: 'AuditEvent',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    type: a.type,
    ...(a.subtype ? { subtype: [a.subtype] } : {}),
    action: a.action,
    recorded: r.last_updated.toISOString(),
    outcome: r.outcome === 'success' ? '0' : '4',
    agent: [
      {
        ...(r.role ? { role: [{ text: r.role }] } : {}),
        ...(r.user_id && r.role && STAFF_ROLES.has(r.role)
          ? { who: { reference: `Practitioner/${r.user_id}` } }
          : {}),
        requestor: true,
        ...(r.source_address ? { network: { address: r.source_address, type: '2' } } : {}),
      },
    ],
    source: {
      observer: { display: 'Plasticity' },
      type: [{ system: SOURCE_TYPE, code: '4', display: 'Application Server' }],
    },
    entity: [
      ...(r.patient_id
        ? [
            {
              what: { reference: `Patient/${r.patient_id}` },
              type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
              role: { system: OBJECT_ROLE, code: '1', display: 'Patient' },
            },
          ]
        : []),
      {
        ...(r.resource_id ? { what: { identifier: { value: r.resource_id } } } : {}),
        type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
        role: { system: OBJECT_ROLE, code: '4', display: 'Domain Resource' },
        name: canonicalAuditValue('resourceType', r.resource_type),
        ...(category ? { description: category } : {}),
      },
    ],
  };
}

export const auditEventSource: ResourceSource<AuditRow> = {
  type: 'AuditEvent',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select l.id::text as id, l.id as pk, l.at as last_updated, l.created_seq, l.user_id::text as user_id, l.role,
           l.patient_id::text as patient_id, l.action, l.resource_type, l.resource_id, l.category, l.outcome,
           l.source_address
      from audit_log l where l.clinic_id = ${clinicId}`,
  order: sql`last_updated desc, created_seq desc, id`,
  condition: (name, value, timeZone, now) => {
    if (name === 'patient') return patientIs(name, value);
    if (name === 'date') return dateSql('last_updated', parseDateParam(name, value, timeZone, now));
    throw new Error(`AuditEvent has no search parameter ${name}`);
  },
  idCondition: uuidPk,
  toResource: toFhirAuditEvent,
  // Reading the log discloses entries, not a patient's record: one audit entry per request.
  disclosed: (r) => ({ patientId: null, resourceType: 'audit_log', category: null, id: r.id }),
  audit: { resourceType: 'audit_log', category: null },
};
