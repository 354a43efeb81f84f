/**
 * One patient's kept-current outcome summary rows, built from their record as loaded by refresh.ts: the patient
 * row (totals over every discharged session, the union of their plans' indications, the scale of the latest
 * session's plan, what the dropout rule reads), one segment per group of discharged sessions sharing plan,
 * protocol, route, clinician and age band on the day, and one row per instrument they have scores on — the
 * outcome the chart computes (`patientOutcome`, docs/clinical-sources.md#outcomes-time-points).
 */
import type { InstrumentDefinition, ScorePoint } from '@plasticity/clinical/instruments';
import {
  ageBand,
  outcomeInstrumentFor,
  patientOutcome,
  TRAJECTORY_WEEKS,
} from '@plasticity/clinical/outcomes';
import { type DB, toJson } from '@plasticity/db';
import type { Insertable } from 'kysely';

export interface LoadedSession {
  readonly id: string;
  readonly status: string;
  readonly scheduledAt: Date;
  readonly dischargedAt: Date | null;
  readonly doseStartedAt: Date | null;
  readonly protocolKey: string;
  readonly route: string | null;
  readonly clinicianId: string | null;
  readonly planId: string | null;
  readonly indications: readonly string[] | null;
  readonly planStatus: string | null;
  readonly plannedSessions: number | null;
}

export interface LoadedPatient {
  readonly clinicId: string;
  readonly id: string;
  readonly sex: string;
  readonly dateOfBirth: string;
  readonly sessions: readonly LoadedSession[];
  /** Adverse events (not entered in error) per session id. */
  readonly adverseEvents: ReadonlyMap<string, number>;
  readonly firstDoseAt: Date | null;
  /** Scores per instrument, in time order, entered-in-error left out. */
  readonly scores: ReadonlyMap<string, readonly ScorePoint[]>;
}

export interface SummaryRows {
  readonly patient: Insertable<DB['outcome_patients']> | null;
  readonly segments: Insertable<DB['outcome_segments']>[];
  readonly scales: Insertable<DB['outcome_patient_scales']>[];
}

type WeekColumns = Pick<
  Insertable<DB['outcome_patient_scales']>,
  `week_${number}` & keyof DB['outcome_patient_scales']
>;

function weekColumns(weekly: ReadonlyMap<number, number>): WeekColumns {
  const out: Record<string, number | null> = {};
  for (let week = 0; week <= TRAJECTORY_WEEKS; week++) {
    const v = weekly.get(week);
    out[`week_${week}`] = v === undefined ? null : Math.round(v * 10);
  }
  return out as WeekColumns;
}

function latestBy<T>(items: readonly T[], at: (t: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || at(item) >= at(best)) best = item;
  return best;
}

export function summaryRows(
  p: LoadedPatient,
  definitions: ReadonlyMap<string, InstrumentDefinition>,
): SummaryRows {
  const discharged = p.sessions
    .filter(
      (s): s is LoadedSession & { dischargedAt: Date } =>
        s.status === 'discharged' && s.dischargedAt !== null,
    )
    .sort((a, b) => a.dischargedAt.getTime() - b.dischargedAt.getTime());
  if (discharged.length === 0) return { patient: null, segments: [], scales: [] };
  const ae = (s: LoadedSession) => p.adverseEvents.get(s.id) ?? 0;

  const segments = new Map<string, { key: LoadedSession; ageBand: string; sessions: typeof discharged }>();
  for (const s of discharged) {
    const band = ageBand(p.dateOfBirth, s.dischargedAt.toISOString().slice(0, 10));
    const key = JSON.stringify([s.planId, s.protocolKey, s.route, s.clinicianId, band]);
    const seg = segments.get(key) ?? { key: s, ageBand: band, sessions: [] };
    seg.sessions.push(s);
    segments.set(key, seg);
  }
  const segmentRows = [...segments.values()].map((seg, i) => {
    const first = seg.sessions[0] as (typeof discharged)[number];
    const last = seg.sessions[seg.sessions.length - 1] as (typeof discharged)[number];
    const indications = [...(seg.key.indications ?? [])];
    return {
      clinic_id: p.clinicId,
      patient_id: p.id,
      segment: i,
      plan_id: seg.key.planId,
      indications: toJson(indications),
      primary_scale: outcomeInstrumentFor(indications, undefined),
      protocol_key: seg.key.protocolKey,
      route: seg.key.route,
      clinician_id: seg.key.clinicianId,
      age_band: seg.ageBand,
      sessions: seg.sessions.length,
      adverse_events: seg.sessions.reduce((n, s) => n + ae(s), 0),
      first_discharged_at: first.dischargedAt,
      last_discharged_at: last.dischargedAt,
      discharged_at: toJson(seg.sessions.map((s) => s.dischargedAt.getTime())),
      adverse_event_at: toJson(seg.sessions.flatMap((s) => Array(ae(s)).fill(s.dischargedAt.getTime()))),
    };
  });

  const latest = discharged[discharged.length - 1] as (typeof discharged)[number];
  const withPlan = p.sessions.filter((s) => s.planStatus !== null);
  const planned = p.sessions.map((s) => s.plannedSessions).filter((n) => n !== null);
  const booked = p.sessions.filter((s) => s.status === 'scheduled');
  const lastDischarge = latestBy(
    p.sessions.filter((s) => s.dischargedAt !== null),
    (s) => s.dischargedAt?.getTime() ?? 0,
  );
  const patient = {
    clinic_id: p.clinicId,
    patient_id: p.id,
    sex: p.sex,
    indications: toJson([...new Set(discharged.flatMap((s) => s.indications ?? []))].sort()),
    default_scale: outcomeInstrumentFor(latest.indications ?? [], undefined),
    sessions: discharged.length,
    adverse_events: discharged.reduce((n, s) => n + ae(s), 0),
    first_discharged_at: (discharged[0] as (typeof discharged)[number]).dischargedAt,
    last_discharged_at: lastDischarge?.dischargedAt ?? latest.dischargedAt,
    latest_plan_status: latestBy(withPlan, (s) => s.scheduledAt.getTime())?.planStatus ?? null,
    planned_sessions: planned.length > 0 ? Math.max(...planned) : null,
    last_booked_at: latestBy(booked, (s) => s.scheduledAt.getTime())?.scheduledAt ?? null,
  };

  // Day 0 of the time points: the chart's first dose, or the first discharged session's dose (or discharge).
  const anchor = discharged.reduce<number>(
    (min, s) => Math.min(min, (s.doseStartedAt ?? s.dischargedAt).getTime()),
    Number.POSITIVE_INFINITY,
  );
  const dose = p.firstDoseAt?.toISOString();
  const anchorAt = dose ?? new Date(anchor).toISOString();
  const scales: Insertable<DB['outcome_patient_scales']>[] = [];
  for (const [instrumentId, series] of p.scores) {
    const def = definitions.get(instrumentId);
    if (!def) continue;
    const o = patientOutcome(def, series, dose, anchorAt);
    scales.push({
      clinic_id: p.clinicId,
      patient_id: p.id,
      instrument_id: instrumentId,
      category: o.category,
      remission: o.remission,
      days_to_response: o.daysToResponse,
      eoi_response: o.timePoints.end_of_induction?.response ?? null,
      eoi_remission: o.timePoints.end_of_induction?.remission ?? null,
      m3_response: o.timePoints.month_3?.response ?? null,
      m3_remission: o.timePoints.month_3?.remission ?? null,
      m6_response: o.timePoints.month_6?.response ?? null,
      m6_remission: o.timePoints.month_6?.remission ?? null,
      ...weekColumns(o.weekly),
    });
  }
  return { patient, segments: segmentRows, scales };
}
