/**
 * Turns threshold crossings (`evaluateReading`, thresholds from the session's protocol; defaults in
 * docs/clinical-sources.md#in-chair-monitoring: SpO2 < 92 %, SBP ≥ 180, DBP ≥ 110, HR > 130 or < 45, RR < 10,
 * MOAA/S ≤ 2) into alerts in the alerts module's table (`updateOrRaise`: one open alert per session and
 * parameter, updated by repeats instead of piling up), audited there, and announced on the live board in the
 * same transaction.
 */
import type { Crossing } from '@plasticity/clinical/monitoring';
import type { Alert } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import { updateOrRaise } from '../../alerts/alert-store.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { alertEvent, emitBoardEvent } from '../board/hub.ts';
import type { Executor } from '../shared/load.ts';

export const SOURCE_TYPE = 'dosing_session';

export const PARAMETER_LABEL: Record<string, string> = {
  spo2: 'SpO2',
  sbp: 'Systolic BP',
  dbp: 'Diastolic BP',
  hr: 'Heart rate',
  rr: 'Respiratory rate',
  moaas: 'MOAA/S',
  vitals_overdue: 'Vitals overdue',
};

interface Target {
  id: string;
  clinic_id: string;
  patient_id: string;
  chair: string;
}

/** Keeps only the most extreme crossing per parameter (a batch may cross one parameter several times). */
export function worstPerParameter(
  crossings: Array<Crossing & { at: string }>,
): Array<Crossing & { at: string }> {
  const by = new Map<string, Crossing & { at: string }>();
  for (const c of crossings) {
    const prev = by.get(c.parameter);
    const worse =
      !prev ||
      (c.direction === 'below' ? c.value < prev.value : c.value > prev.value) ||
      (c.severity === 'critical' && prev.severity !== 'critical');
    if (worse) by.set(c.parameter, c);
  }
  return [...by.values()];
}

export async function raiseCrossingAlerts(
  trx: Executor,
  ctx: ModuleContext,
  actor: AuditActor | null,
  s: Target,
  crossings: Array<Crossing & { at: string }>,
): Promise<Alert[]> {
  if (crossings.length === 0) return [];
  // One writer per session at a time, so concurrent uploads update the one open alert instead of racing.
  await sql`select pg_advisory_xact_lock(hashtext(${`session-alerts:${s.id}`}))`.execute(trx);
  const out: Alert[] = [];
  for (const c of worstPerParameter(crossings)) {
    const label = PARAMETER_LABEL[c.parameter] ?? c.parameter;
    const alert = await updateOrRaise(trx, ctx, actor, {
      clinicId: s.clinic_id,
      patientId: s.patient_id,
      kind: 'vital_sign',
      severity: c.severity === 'critical' ? 'critical' : 'high',
      title: `${label} ${c.value} ${c.direction} threshold ${c.threshold} (chair ${s.chair})`,
      sourceType: SOURCE_TYPE,
      sourceId: s.id,
      parameter: c.parameter,
      value: String(c.value),
    });
    await emitBoardEvent(trx, ctx.clock.now(), s.clinic_id, alertEvent(s.id, s.chair, alert, c.at));
    out.push(alert);
  }
  return out;
}
