/**
 * Builds `evaluateDischarge`'s input from the session record (discharge practice: vitals within the protocol's
 * absolute discharge limits, MOAA/S 5, steady gait, nausea controlled, escort present; esketamine never before
 * 120 min after the first device and only with sedation and dissociation resolved and no respiratory
 * depression — SPRAVATO label and REMS 386, 12/2024; racemic ketamine: the protocol's minimum observation
 * after the end of administration).
 * Baseline = the latest reading before the dose; latest = the newest reading; MOAA/S = the newest observation.
 * Readings from a bedside monitor count only once a nurse has confirmed them (`confirm-vitals.ts`).
 * End of administration = the latest `stopped_at` of the administrations not entered in error. An IV infusion
 * recorded without a stop time is taken to end at its start + its infusion duration (the calculation's
 * `durationMin`, else the protocol's): the minimum observation then counts from the planned end, never from
 * the start. For other routes an administration without a stop time ends at its start (an injection,
 * lozenge, tablet or devices).
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
    .where('entered_in_error_at', 'is', null)
    // A monitor's reading counts once a nurse has confirmed it (validation of device data).
    .where((eb) => eb.or([eb('source', '=', 'manual'), eb('confirmed_at', 'is not', null)]));
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
    sedationResolved?: boolean;
    dissociationResolved?: boolean;
    respiratoryDepression?: boolean;
  };
  const administrations = await db
    .selectFrom('session_administrations')
    .select(['started_at', 'stopped_at', 'dose_inputs'])
    .where('clinic_id', '=', s.clinic_id)
    .where('session_id', '=', s.id)
    .where('entered_in_error_at', 'is', null)
    .execute();
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
  const p = protocolOf(s);
  const ended = administrationEnd(p.route, p.durationMin, administrations);
  if (ended) state.administrationEndedAt = ended.toISOString();
  const recovery: NonNullable<DischargeState['recovery']> = {};
  for (const k of ['sedationResolved', 'dissociationResolved', 'respiratoryDepression'] as const)
    if (typeof a[k] === 'boolean') recovery[k] = a[k];
  state.recovery = recovery;
  return state;
}

/** When administration ended (see the header), or null when nothing was given or an IV end is unknown. */
export function administrationEnd(
  route: string,
  protocolDurationMin: number | undefined,
  rows: Array<{ started_at: Date; stopped_at: Date | null; dose_inputs: unknown }>,
): Date | null {
  if (rows.length === 0) return null;
  let end = 0;
  for (const r of rows) {
    let at = new Date(r.stopped_at ?? r.started_at).getTime();
    if (r.stopped_at === null && route === 'iv') {
      const given = (r.dose_inputs as { durationMin?: unknown } | null)?.durationMin;
      const min = typeof given === 'number' && given > 0 ? given : protocolDurationMin;
      if (min === undefined) return null;
      at += min * 60_000;
    }
    end = Math.max(end, at);
  }
  return new Date(end);
}

export async function evaluateSessionDischarge(
  db: Executor,
  s: SessionRow,
  now: Date,
): Promise<DischargeResult> {
  return evaluateDischarge(protocolOf(s), await dischargeState(db, s, now));
}
