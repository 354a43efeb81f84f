import type { TreatmentPlan } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Selectable } from 'kysely';
import { givenSessions, givenUnderPlan } from '../../sessions/shared/given.ts';
import { activeSignatures } from '../consent/consent-rows.ts';
import { type Executor, iso } from '../patient-and-settings.ts';
import { prescribedDoseView } from './prescribed-dose.ts';

export type PlanRow = Selectable<DB['plan_treatment_plans']>;

export async function planViews(
  db: Executor,
  clinicId: string,
  patientId: string,
  rows: PlanRow[],
): Promise<TreatmentPlan[]> {
  if (rows.length === 0) return [];
  const protocolIds = [...new Set(rows.map((r) => r.protocol_id))];
  const protocols = await db
    .selectFrom('plan_protocols')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', protocolIds)
    .execute();
  const byId = new Map(protocols.map((p) => [p.id, p]));
  const signed = new Set((await activeSignatures(db, clinicId, patientId)).map((s) => s.kind));
  const events = await db
    .selectFrom('plan_status_events')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where(
      'plan_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('at')
    .orderBy('seq')
    .execute();
  const given = await givenSessions(db, clinicId, patientId);
  return rows.map((r) => {
    const p = byId.get(r.protocol_id);
    const completed =
      r.sessions_completed +
      givenUnderPlan(given, {
        id: r.id,
        protocolId: r.protocol_id,
        from: new Date(r.approved_at ?? r.created_at),
        until: r.ended_at ? new Date(r.ended_at) : null,
      }).length;
    const required = (p?.data.requiredConsents ?? []) as TreatmentPlan['requiredConsents'];
    return {
      id: r.id,
      patientId: r.patient_id,
      protocolId: r.protocol_id,
      protocolVersion: r.protocol_version,
      protocolName: p?.name ?? '',
      route: (p?.route ?? 'iv') as TreatmentPlan['route'],
      drug: (p?.drug ?? 'ketamine') as TreatmentPlan['drug'],
      indications: r.indications,
      targetInstruments: r.target_instruments,
      plannedSessions: r.planned_sessions,
      sessionsCompleted: completed,
      progressPct: Math.min(100, Math.round((completed / r.planned_sessions) * 100)),
      eligibilityDecisionId: r.eligibility_decision_id,
      notes: r.notes,
      prescribedDose: prescribedDoseView(r, p?.route ?? 'iv'),
      status: r.status,
      statusReason: r.status_reason,
      requiredConsents: required,
      missingConsents: required.filter((k) => !signed.has(k)),
      approvedBy: r.approved_by,
      approvedAt: iso(r.approved_at),
      activatedAt: iso(r.activated_at),
      endedAt: iso(r.ended_at),
      createdAt: r.created_at.toISOString(),
      history: events
        .filter((e) => e.plan_id === r.id)
        .map((e) => ({ from: e.from_status, to: e.to_status, reason: e.reason, at: e.at.toISOString() })),
    };
  });
}

export async function planView(db: Executor, clinicId: string, row: PlanRow): Promise<TreatmentPlan> {
  const [v] = await planViews(db, clinicId, row.patient_id, [row]);
  return v as TreatmentPlan;
}
