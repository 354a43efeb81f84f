/**
 * CarePlan (FHIR R4 careplan.html): each treatment plan (`plan_treatment_plans`), read at request time.
 * - status (R4 request-status): draft → `draft`; approved and active → `active` (approved is in force and
 *   ready to be acted on); completed → `completed`; stopped → `revoked` (ended before its course was done);
 *   a plan marked entered in error → `entered-in-error`;
 * - intent `plan` (R4 care-plan-intent); title the protocol's name; subject; created;
 * - period: from activation (or approval) to its end;
 * - activity: one detail describing the course — the protocol and the planned sessions with the number done —
 *   with its R4 care-plan-activity-status (not yet started, in progress, completed, stopped).
 * The plan's free-text notes and the prescriber's reasons are not served. `date` searches the period's start.
 */
import type { FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { period } from './datatypes.ts';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { codeCase, patientRecordParams } from './search-sql.ts';

type PlanStatus = 'draft' | 'approved' | 'active' | 'completed' | 'stopped';

/** R4 request-status of each plan status (entered in error is set from the plan's marking). */
const CARE_PLAN_STATUS: Readonly<Record<PlanStatus, string>> = {
  draft: 'draft',
  approved: 'active',
  active: 'active',
  completed: 'completed',
  stopped: 'revoked',
};

/** R4 care-plan-activity-status of the course for each plan status. */
const ACTIVITY_STATUS: Readonly<Record<PlanStatus, string>> = {
  draft: 'not-started',
  approved: 'not-started',
  active: 'in-progress',
  completed: 'completed',
  stopped: 'stopped',
};

/** R4 request-status codes. */
const REQUEST_STATUSES = new Set([
  'draft',
  'active',
  'on-hold',
  'revoked',
  'completed',
  'entered-in-error',
  'unknown',
]);

interface CarePlanRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  plan_status: PlanStatus;
  status: string;
  protocol_name: string;
  planned_sessions: number;
  sessions_completed: number;
  created_at: Date;
  period_start: Date | null;
  period_end: Date | null;
}

function toFhirCarePlan(r: CarePlanRow): FhirResource {
  const inError = r.status === 'entered-in-error';
  return {
    resourceType: 'CarePlan',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    status: r.status,
    intent: 'plan',
    title: r.protocol_name,
    description: `Treatment plan: ${r.protocol_name}, ${r.planned_sessions} planned sessions`,
    subject: { reference: `Patient/${r.patient_id}` },
    ...(r.period_start ? { period: period(r.period_start, r.period_end) } : {}),
    created: r.created_at.toISOString(),
    activity: [
      {
        detail: {
          status: inError ? 'entered-in-error' : ACTIVITY_STATUS[r.plan_status],
          description: `${r.protocol_name}: ${r.sessions_completed} of ${r.planned_sessions} sessions done`,
        },
      },
    ],
  };
}

const statusCase = sql`case when t.entered_in_error_at is not null then 'entered-in-error' else ${codeCase(
  't.status',
  CARE_PLAN_STATUS,
  'unknown',
)} end`;

const AUDIT = { resourceType: 'treatment_plan', category: 'treatment_plan' } as const;

export const carePlanSource: ResourceSource<CarePlanRow> = {
  type: 'CarePlan',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select t.id::text as id, t.id as pk, greatest(t.updated_at, t.entered_in_error_at) as last_updated,
           t.patient_id::text as patient_id, t.status as plan_status, ${statusCase} as status,
           p.name as protocol_name, t.planned_sessions, t.sessions_completed, t.created_at,
           coalesce(t.activated_at, t.approved_at) as period_start, t.ended_at as period_end
      from plan_treatment_plans t
      join plan_protocols p on p.id = t.protocol_id and p.clinic_id = t.clinic_id
     where t.clinic_id = ${clinicId}`,
  order: sql`created_at desc, id`,
  condition: patientRecordParams('CarePlan', {
    statuses: REQUEST_STATUSES,
    valueSet: 'request-status',
    dateParam: 'date',
    dateColumn: 'period_start',
  }),
  idCondition: uuidPk,
  toResource: toFhirCarePlan,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
