/**
 * Builds `evaluateDischarge`'s input from the session record (issue 6 §7; REFERENCE.md §2 discharge practice:
 * vitals back within limits or near baseline, MOAA/S 5, steady gait, nausea controlled, escort present;
 * esketamine never before 120 min after the dose — SPRAVATO label and REMS 386).
 * Baseline = the latest reading before the dose; latest = the newest reading; MOAA/S = the newest observation.
 * The clinic's time zone goes with the state so the gate's messages tell times the way the clinic reads them.
 */

import type { DischargeResult, DischargeState, VitalsReading } from '@plasticity/clinical/monitoring';
import { evaluateDischarge } from '@plasticity/clinical/monitoring';
import { type Executor, protocolOf, type SessionRow } from '../shared/load.ts';

type V = {
  sbp: number | null;
  dbp: number | null;
  hr: number | null;
  spo2: number | null;
  rr: number | null;
  at: Date;
};

function reading(v: V | undefined): VitalsReading | undefined {
  if (!v) return undefined;
  const r: VitalsReading = { takenAt: new Date(v.at).toISOString() };
  for (const k of ['sbp', 'dbp', 'hr', 'spo2', 'rr'] as const) if (v[k] !== null) r[k] = v[k] as number;
  return r;
}

export async function dischargeState(db: Executor, s: SessionRow, now: Date): Promise<DischargeState> {
  const base = db
    .selectFrom('session_vitals')
    .select(['sbp', 'dbp', 'hr', 'spo2', 'rr', 'at'])
    .where('clinic_id', '=', s.clinic_id)
    .where('session_id', '=', s.id)
    .where('entered_in_error_at', 'is', null);
  const latest = await base.orderBy('at', 'desc').limit(1).executeTakeFirst();
  const baseline = s.dose_started_at
    ? await base.where('at', '<', s.dose_started_at).orderBy('at', 'desc').limit(1).executeTakeFirst()
    : undefined;
  const moaas = await db
    .selectFrom('session_observations')
    .select(['data'])
    .where('clinic_id', '=', s.clinic_id)
    .where('session_id', '=', s.id)
    .where('kind', '=', 'moaas')
    .where('entered_in_error_at', 'is', null)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const a = (s.discharge_assessment ?? {}) as {
    gait?: DischargeState['gait'];
    nausea?: DischargeState['nausea'];
    escortPresent?: boolean;
  };
  const score = (moaas?.data as { score?: number } | undefined)?.score;
  const clinic = await db
    .selectFrom('clinics')
    .select('time_zone')
    .where('id', '=', s.clinic_id)
    .executeTakeFirst();
  const state: DischargeState = { now: now.toISOString() };
  if (clinic) state.timeZone = clinic.time_zone;
  const lv = reading(latest);
  const bv = reading(baseline);
  if (lv) state.latestVitals = lv;
  if (bv) state.baselineVitals = bv;
  if (typeof score === 'number') state.latestMoaas = score;
  if (a.gait) state.gait = a.gait;
  if (a.nausea) state.nausea = a.nausea;
  if (typeof a.escortPresent === 'boolean') state.escortPresent = a.escortPresent;
  if (s.dose_started_at) state.doseStartedAt = new Date(s.dose_started_at).toISOString();
  return state;
}

export async function evaluateSessionDischarge(
  db: Executor,
  s: SessionRow,
  now: Date,
): Promise<DischargeResult> {
  return evaluateDischarge(protocolOf(s), await dischargeState(db, s, now));
}
