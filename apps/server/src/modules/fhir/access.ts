/**
 * The one place that decides who is calling the FHIR interface and what they may read.
 *
 * Today the caller is a staff member signed in with the session cookie (resolved by the app's auth gate), and
 * each resource type is readable by exactly the roles that read the same data through the API:
 * - Patient: the staff roles of `GET /api/v1/patients/{id}`;
 * - Observation: the clinical readers of the session record (`GET /api/v1/sessions/{id}`, its vitals), the
 *   assessments (`GET /api/v1/patients/{id}/assessments`) and the weights (the session record's dose inputs);
 * - QuestionnaireResponse: the clinical readers of the assessments' answers (the same route);
 * - Encounter: the clinical readers of the dosing session (`GET /api/v1/sessions/{id}`);
 * - Practitioner: the staff roles that see the clinic's clinicians (`GET /api/v1/clinicians`);
 * - Location: the staff roles that see the chairs and rooms (`GET /api/v1/chairs`);
 * - Questionnaire: every staff role (the instruments, no patient data; `GET /api/v1/instruments` is open to
 *   any signed-in user);
 * - MedicationAdministration and AdverseEvent: the clinical readers of the dosing session
 *   (`GET /api/v1/sessions/{id}`, its doses and observations);
 * - CarePlan: the clinical readers of the treatment plans (`GET /api/v1/patients/{id}/plans`);
 * - Flag: the clinical readers of the alerts (`GET /api/v1/alerts`);
 * - Appointment: the staff roles of the calendar (`GET /api/v1/appointments`);
 * - AuditEvent: the admin, the only reader of the audit report (`GET /api/v1/audit`).
 * - Group (who is on which protocol, group-source.ts): the clinical readers of the treatment plans.
 * - Consent: the clinical readers of the signed consents' PDFs (`GET /api/v1/patients/{id}/consents/{id}/pdf`).
 * The route policies are built from this table, so the gate enforces it; `_include` asks `mayRead` before it
 * adds another type. Psychotherapy notes and private journal entries are not mapped by any resource, so no
 * caller can reach them here.
 *
 * A system client (SMART Backend Services: a bearer token from the token endpoint, resolved by the app's auth
 * gate into `req.systemClient`, see clients/) reads the types its scopes cover: the route policies admit it
 * with the type as their `systemAccess`, so the same gate enforces both kinds of caller. Its audit entries name
 * no user, role `system_client`, and the client in `details.client`.
 *
 * 42 CFR Part 2: records of a patient treated for a substance use disorder may be disclosed only with the
 * patient's written consent naming the recipient (§ 2.31, § 2.33). A system client receives them only under a
 * disclosure consent in force naming it (part2.ts decides, from the caller's `clientId`, for every type, read,
 * search and export). Staff sessions are uses within the program and read them as before.
 *
 * Routes and mappers take a caller and never look at the request.
 */
import type { Role } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { allow, CLINICAL_READERS, type Policy, STAFF } from '../../platform/policy.ts';
import { actorOf, authOf, type SystemClientAuth } from '../../platform/request-context.ts';
import type { AuditActor } from '../audit/audit-writer.ts';

export type FhirResourceType =
  | 'Patient'
  | 'Observation'
  | 'QuestionnaireResponse'
  | 'Encounter'
  | 'Practitioner'
  | 'Location'
  | 'Questionnaire'
  | 'MedicationAdministration'
  | 'AdverseEvent'
  | 'CarePlan'
  | 'Flag'
  | 'Appointment'
  | 'AuditEvent'
  | 'Group'
  | 'Consent';

export const FHIR_READERS: Readonly<Record<FhirResourceType, readonly Role[]>> = {
  Patient: STAFF,
  Observation: CLINICAL_READERS,
  QuestionnaireResponse: CLINICAL_READERS,
  Encounter: CLINICAL_READERS,
  Practitioner: STAFF,
  Location: STAFF,
  Questionnaire: STAFF,
  MedicationAdministration: CLINICAL_READERS,
  AdverseEvent: CLINICAL_READERS,
  CarePlan: CLINICAL_READERS,
  Flag: CLINICAL_READERS,
  Appointment: STAFF,
  AuditEvent: ['admin'],
  Group: CLINICAL_READERS,
  Consent: CLINICAL_READERS,
};

/**
 * Types only staff read. A Group lists patients in one resource about no one patient, so the 42 CFR Part 2 filter
 * (part2.ts), which works on each row's patient, cannot keep a patient out of its member list: system clients do
 * not read Groups until a disclosure consent can be checked per member.
 */
const STAFF_ONLY: ReadonlySet<FhirResourceType> = new Set(['Group']);

/** The route policy of reads and searches of a type. */
export const readPolicy = (type: FhirResourceType): Policy =>
  STAFF_ONLY.has(type)
    ? allow.roles(...FHIR_READERS[type])
    : allow.roles(...FHIR_READERS[type]).orSystemClient(type);

/**
 * The route policy of Bulk Data export (kick-off, polling, files, cancellation): a clinic's whole record leaves
 * at once, so of the staff only the admin starts one, and of the system clients only one granted every type
 * (`system/*.rs` or `system/*.read`); each exported type must also be one the caller may read (`mayRead`). A
 * system client's export is filtered and labelled under 42 CFR Part 2 like its searches (part2.ts).
 */
export const exportPolicy: Policy = allow.roles('admin').orSystemClient('*');

const CLIENT_REQUESTER = 'client:';

/** The system client a Bulk Data export was requested by (null for a staff session's), from its `requester`. */
export function requesterClient(requester: string): string | null {
  return requester.startsWith(CLIENT_REQUESTER) ? requester.slice(CLIENT_REQUESTER.length) : null;
}

export interface FhirCaller {
  clinicId: string;
  /**
   * Who the caller is, stable across requests: the owner of the Bulk Data exports it starts (only the same
   * requester polls, downloads and cancels them). `user:{id}` for a staff session; a system client is to give
   * its own key (`client:{id}`).
   */
  requester: string;
  /** The clinic's time zone: a date searched without a zone is the clinic's local date. */
  timeZone: string;
  actor: AuditActor;
  /** The system client calling, named in each audit entry's details; null for a staff session. */
  clientId: string | null;
  mayRead(type: FhirResourceType): boolean;
}

/** The audit actor of a system client: its clinic and address; no user, role `system_client`. */
export function systemClientActor(clinicId: string, sourceAddress: string | null): AuditActor {
  return { clinicId, userId: null, email: null, role: 'system_client', sourceAddress };
}

function systemCaller(client: SystemClientAuth, req: FastifyRequest): FhirCaller {
  return {
    clinicId: client.clinicId,
    timeZone: client.timeZone,
    actor: systemClientActor(client.clinicId, req.ip),
    clientId: client.clientId,
    requester: `${CLIENT_REQUESTER}${client.clientId}`,
    mayRead: (type) => !STAFF_ONLY.has(type) && client.may(type),
  };
}

export function fhirCaller(req: FastifyRequest): FhirCaller {
  if (req.systemClient) return systemCaller(req.systemClient, req);
  const auth = authOf(req);
  return {
    clinicId: auth.clinicId,
    requester: `user:${auth.userId}`,
    timeZone: auth.timeZone,
    actor: actorOf(req),
    clientId: null,
    mayRead: (type) => FHIR_READERS[type].includes(auth.role),
  };
}
