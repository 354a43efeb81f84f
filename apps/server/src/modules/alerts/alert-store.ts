/**
 * Clinical alerts as a service other modules call inside their own transaction: the measurement module
 * raises `suicide_risk`, the dosing-session module raises `vital_sign` / `vitals_overdue` with
 * `updateOrRaise` (one open alert per source and parameter, updated rather than duplicated).
 *
 * Routing: an alert goes at once to the patient's care team (`care_team`), else to every
 * prescriber of the clinic; when nobody acknowledges it within the clinic's escalation time (clinic
 * setting `alertEscalationMinutes`, default 15 minutes) it is escalated to every
 * clinician (prescriber, nurse, therapist) of the clinic. Titles never carry a patient name.
 */
import { type Alert, parseClinicSettings } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { AlertsTable } from '@plasticity/db/tables/measurement';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { JsonRow } from '../../platform/json-rows.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { AuditActor } from '../audit/audit-writer.ts';

/**
 * Default minutes before an unacknowledged alert is escalated: the stored-settings default
 * (`alertEscalationMinutes` of `StoredClinicSettings`). The escalation statement reads the setting in SQL
 * for every clinic at once and accepts what the schema accepts (whole minutes, 0–99 999).
 */
export const DEFAULT_ALERT_ESCALATION_MINUTES = parseClinicSettings({}).alertEscalationMinutes;
/** Roles that receive escalated alerts (every clinician of the clinic). */
export const CLINICIAN_ROLES_FOR_ESCALATION = ['prescriber', 'nurse', 'therapist'] as const;

export type AlertSeverity = AlertsTable['severity'];

export interface RaiseAlertInput {
  clinicId: string;
  patientId: string;
  kind: string;
  severity: AlertSeverity;
  /** Short and without any patient name, e.g. "Suicide risk: PHQ-9 item 9 answered 2". */
  title: string;
  sourceType: string;
  sourceId?: string | null;
  parameter?: string | null;
  value?: string | null;
}

/** An alert row as the driver reads it, or as JSON carries it (`JsonRow`: its times as ISO 8601 text). */
type AlertRow = Selectable<AlertsTable> | JsonRow<Selectable<AlertsTable>>;
const isoOf = (t: Date | string) => new Date(t).toISOString();

export function toAlert(r: AlertRow, ackByName: string | null = null): Alert {
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind,
    severity: r.severity,
    title: r.title,
    sourceType: r.source_type,
    sourceId: r.source_id,
    parameter: r.parameter,
    value: r.value,
    status: r.status,
    assignedTo: Array.isArray(r.assigned_to) ? r.assigned_to : [],
    escalatedAt: r.escalated_at ? isoOf(r.escalated_at) : null,
    createdAt: isoOf(r.created_at),
    ackBy: r.ack_by,
    ackByName: r.ack_by ? ackByName : null,
    ackAt: r.ack_at ? isoOf(r.ack_at) : null,
    ackNote: r.ack_note,
  };
}

/** Alerts for the API with the acknowledging user's display name (one query for all of them). */
export async function toAlertsWithNames(
  executor: Kysely<DB>,
  rows: Array<Selectable<AlertsTable>>,
): Promise<Alert[]> {
  const ids = [...new Set(rows.map((r) => r.ack_by).filter((x): x is string => x !== null))];
  const users = ids.length
    ? await executor.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()
    : [];
  const name = new Map(users.map((u) => [u.id, u.display_name]));
  return rows.map((r) => toAlert(r, r.ack_by ? (name.get(r.ack_by) ?? null) : null));
}

/** The patient's care team (active members of the clinic), else every active prescriber of the clinic. */
export async function initialAssignees(
  executor: Kysely<DB>,
  clinicId: string,
  patientId: string,
): Promise<string[]> {
  const team = await executor
    .selectFrom('care_team as t')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 't.user_id').onRef('m.clinic_id', '=', 't.clinic_id'),
    )
    .select('t.user_id')
    .where('t.clinic_id', '=', clinicId)
    .where('t.patient_id', '=', patientId)
    .where('m.active', '=', true)
    .execute();
  if (team.length > 0) return [...new Set(team.map((r) => r.user_id))];
  const prescribers = await executor
    .selectFrom('memberships')
    .select('user_id')
    .where('clinic_id', '=', clinicId)
    .where('role', '=', 'prescriber')
    .where('active', '=', true)
    .execute();
  return prescribers.map((r) => r.user_id);
}

/** Raises a new open alert and audits it on the caller's transaction. */
export async function raiseAlert(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor | null,
  input: RaiseAlertInput,
) {
  const now = ctx.clock.now();
  const assigned = await initialAssignees(trx, input.clinicId, input.patientId);
  const row = await trx
    .insertInto('alerts')
    .values({
      clinic_id: input.clinicId,
      patient_id: input.patientId,
      kind: input.kind,
      severity: input.severity,
      title: input.title,
      source_type: input.sourceType,
      source_id: input.sourceId ?? null,
      parameter: input.parameter ?? null,
      value: input.value ?? null,
      assigned_to: toJson(assigned),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'alert',
    resourceId: row.id,
    patientId: input.patientId,
    category: 'alert',
    details: { kind: input.kind, severity: input.severity, assignedCount: assigned.length },
  });
  return toAlert(row);
}

/**
 * Updates the open alert of the same patient, kind, source and parameter (new value, severity, title),
 * or raises a new one. For repeated readings (vital signs) so one problem is one alert.
 */
export async function updateOrRaise(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor | null,
  input: RaiseAlertInput,
) {
  const existing = await trx
    .selectFrom('alerts')
    .selectAll()
    .where('clinic_id', '=', input.clinicId)
    .where('patient_id', '=', input.patientId)
    .where('kind', '=', input.kind)
    .where('status', '=', 'open')
    .where('source_type', '=', input.sourceType)
    .where((eb) => (input.sourceId ? eb('source_id', '=', input.sourceId) : eb('source_id', 'is', null)))
    .where((eb) => (input.parameter ? eb('parameter', '=', input.parameter) : eb('parameter', 'is', null)))
    .forUpdate()
    .executeTakeFirst();
  if (!existing) return raiseAlert(trx, ctx, actor, input);
  const row = await trx
    .updateTable('alerts')
    .set({
      severity: input.severity,
      title: input.title,
      value: input.value ?? null,
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', existing.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit.record(trx, actor, {
    action: 'update',
    resourceType: 'alert',
    resourceId: row.id,
    patientId: row.patient_id,
    category: 'alert',
    details: { kind: row.kind, severity: row.severity },
  });
  return toAlert(row);
}

/**
 * Escalates every open, not yet escalated alert older than its clinic's escalation time: adds every
 * active clinician of the clinic to `assigned_to` and stamps `escalated_at`. One UPDATE statement with
 * `escalated_at is null` in its condition, so concurrent server processes escalate each alert once
 * (PostgreSQL re-checks the condition on a row another transaction just updated).
 */
export async function escalateDueAlerts(ctx: ModuleContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await sql<{ id: string; clinic_id: string; patient_id: string; kind: string }>`
      update alerts a
         set escalated_at = ${now},
             updated_at = ${now},
             assigned_to = (
               select coalesce(jsonb_agg(distinct u), '[]'::jsonb) from (
                 select jsonb_array_elements_text(a.assigned_to) as u
                 union
                 select m.user_id::text from memberships m
                  where m.clinic_id = a.clinic_id and m.active
                    and m.role in ('prescriber', 'nurse', 'therapist')
               ) s
             )
        from clinics c
       where c.id = a.clinic_id
         and a.status = 'open'
         and a.escalated_at is null
         and a.created_at <= ${now}::timestamptz - make_interval(mins => (
               case when (c.settings->>'alertEscalationMinutes') ~ '^[0-9]{1,5}$'
                    then (c.settings->>'alertEscalationMinutes')::int
                    else ${DEFAULT_ALERT_ESCALATION_MINUTES}::int end))
      returning a.id, a.clinic_id, a.patient_id, a.kind`.execute(trx);
    for (const r of rows.rows) {
      await ctx.audit.record(
        trx,
        { clinicId: r.clinic_id, userId: null, email: null, role: 'system', sourceAddress: null },
        {
          action: 'update',
          resourceType: 'alert',
          resourceId: r.id,
          patientId: r.patient_id,
          category: 'alert',
          details: { escalated: true, kind: r.kind },
        },
      );
    }
    return rows.rows.length;
  });
}
