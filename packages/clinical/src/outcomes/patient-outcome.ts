/**
 * One patient's treatment outcome for the outcomes dashboard, from their raw scores on one instrument
 * (docs/clinical-sources.md#outcomes-time-points). The overall outcome is the instrument's own rule as the
 * chart shows it (`computeOutcome`: baseline the last score before the first dose, response a ≥ 50 %
 * reduction, remission per instrument); the time points apply the same rule to the score nearest each
 * point: end of induction (the latest score within 42 days of the first dose), 3 months (nearest day 90,
 * days 76–104) and 6 months (nearest day 180, days 166–194). Windows are clinic-configurable data.
 */
import { computeOutcome, type ScorePoint } from '../instruments/outcomes.ts';
import type { InstrumentDefinition } from '../instruments/types.ts';

const DAY_MS = 86_400_000;

export type TimePointKey = 'end_of_induction' | 'month_3' | 'month_6';

export interface TimePointWindow {
  readonly key: TimePointKey;
  /** Days after the first dose, inclusive; a score must be strictly after the first dose. */
  readonly fromDay: number;
  readonly toDay: number;
  /** The target day: the nearest score wins (ties: the later); null = the latest score in the window. */
  readonly targetDay: number | null;
}

export const DEFAULT_TIME_POINTS: readonly TimePointWindow[] = [
  { key: 'end_of_induction', fromDay: 0, toDay: 42, targetDay: null },
  { key: 'month_3', fromDay: 76, toDay: 104, targetDay: 90 },
  { key: 'month_6', fromDay: 166, toDay: 194, targetDay: 180 },
];

export interface TimePointOutcome {
  readonly response: boolean | null;
  readonly remission: boolean | null;
}

export type ResponseCategory = 'response' | 'partial' | 'none';

export interface PatientOutcome {
  readonly baseline: number | null;
  readonly latest: number | null;
  /** Percentage change from baseline to the latest score (computeOutcome's changePct). */
  readonly changePct: number | null;
  readonly response: boolean | null;
  readonly remission: boolean | null;
  /** Response (≥ the rule's reduction), partial (25 % up to it) or none; null when response is not computable. */
  readonly category: ResponseCategory | null;
  /** Whole days from the first dose to the first score meeting the response rule; null without one. */
  readonly daysToResponse: number | null;
  readonly timePoints: Readonly<Record<TimePointKey, TimePointOutcome | null>>;
  /** Per whole week since day 0 (0 = days 0–6): the change from baseline of that week's latest score, in %. */
  readonly weekly: ReadonlyMap<number, number>;
}

/** Minimum reduction counted as a partial response (25 %), below the instrument's response rule. */
export const PARTIAL_RESPONSE_PCT = 25;

function pickScore(
  points: readonly { at: string; total: number; t: number }[],
  dose: number,
  w: TimePointWindow,
): { at: string; total: number } | undefined {
  const inWindow = points.filter((p) => {
    if (p.t <= dose) return false;
    const day = Math.floor((p.t - dose) / DAY_MS);
    return day >= w.fromDay && day <= w.toDay;
  });
  if (w.targetDay === null) return inWindow[inWindow.length - 1];
  const target = dose + w.targetDay * DAY_MS;
  let best: (typeof inWindow)[number] | undefined;
  for (const p of inWindow) {
    if (!best || Math.abs(p.t - target) <= Math.abs(best.t - target)) best = p;
  }
  return best;
}

/**
 * @param firstDoseAt the chart's first dose (the measurement profile); the baseline rule of computeOutcome
 * @param anchorAt the time points' day 0: the first dose, or the first dosing session when none is recorded
 */
export function patientOutcome(
  def: InstrumentDefinition,
  series: readonly ScorePoint[],
  firstDoseAt: string | undefined,
  anchorAt: string | undefined,
  windows: readonly TimePointWindow[] = DEFAULT_TIME_POINTS,
): PatientOutcome {
  const overall = computeOutcome(def, series, firstDoseAt);
  const points = series
    .map((p, i) => ({ at: p.at, total: p.total, t: Date.parse(p.at), i }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const rule = def.outcome.response;
  let category: ResponseCategory | null = null;
  if (overall.response !== null && overall.baseline !== null && overall.latest !== null) {
    const drop = (overall.baseline - overall.latest) * 100;
    category = overall.response
      ? 'response'
      : drop >= PARTIAL_RESPONSE_PCT * overall.baseline
        ? 'partial'
        : 'none';
  }
  const timePoints: Record<TimePointKey, TimePointOutcome | null> = {
    end_of_induction: null,
    month_3: null,
    month_6: null,
  };
  let daysToResponse: number | null = null;
  const weekly = new Map<number, number>();
  const anchor = anchorAt === undefined ? Number.NaN : Date.parse(anchorAt);
  const base =
    overall.baseline !== null && overall.baselineAt !== null
      ? { at: overall.baselineAt, total: overall.baseline }
      : undefined;
  if (!Number.isNaN(anchor) && base) {
    const baseT = Date.parse(base.at);
    for (const w of windows) {
      const p = pickScore(
        points.filter((x) => x.t > baseT),
        anchor,
        w,
      );
      if (!p) continue;
      const o = computeOutcome(def, [base, p]);
      timePoints[w.key] = { response: o.response, remission: o.remission };
    }
    if (base.total !== 0) {
      for (const x of points) {
        if (x.t <= baseT || x.t <= anchor) continue;
        const week = Math.floor((x.t - anchor) / (7 * DAY_MS));
        weekly.set(week, Math.round(((x.total - base.total) * 1000) / base.total) / 10);
      }
    }
    if (rule && base.total !== 0) {
      const first = points.find(
        (x) => x.t > baseT && x.t > anchor && (base.total - x.total) * 100 >= rule.reductionPct * base.total,
      );
      if (first) daysToResponse = Math.floor((first.t - anchor) / DAY_MS);
    }
  }
  return {
    baseline: overall.baseline,
    latest: overall.latest,
    changePct: overall.changePct,
    response: overall.response,
    remission: overall.remission,
    category,
    daysToResponse,
    timePoints,
    weekly,
  };
}
