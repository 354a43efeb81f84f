/**
 * The outcomes dashboard's figures for a cohort, with small cells suppressed
 * (docs/clinical-sources.md#outcomes-small-cell-suppression): every count 1–10 shows as "<11", every rate
 * built on a suppressed figure is null, and partitions shown with their total (response categories,
 * remission, dropout, measurement completion, each time point) get a complementary suppression so no
 * hidden count is the difference of shown ones. Means of fewer than 11 patients are withheld.
 */
import type { PatientOutcome, ResponseCategory, TimePointKey } from './patient-outcome.ts';
import {
  DEFAULT_MIN_CELL_SIZE,
  type ShownCount,
  showCount,
  shown,
  shownPer100,
  shownRate,
  suppressPartition,
} from './suppression.ts';

export interface CohortFacts {
  readonly patients: number;
  readonly sessions: number;
  /** One per cohort patient measured on a scale. */
  readonly outcomes: readonly PatientOutcome[];
  readonly adverseEvents: number;
  readonly alerts: number;
  readonly measurementsDue: number;
  readonly measurementsCompleted: number;
  readonly dropouts: number;
}

export interface ShownShare {
  readonly n: ShownCount;
  readonly rate: number | null;
}

export interface CohortReport {
  readonly patients: ShownCount;
  readonly sessions: ShownCount;
  readonly response: ShownShare;
  readonly remission: ShownShare;
  readonly evaluable: { readonly response: ShownCount; readonly remission: ShownCount };
  readonly timePoints: {
    readonly key: TimePointKey;
    readonly evaluableResponse: ShownCount;
    readonly response: ShownShare;
    readonly evaluableRemission: ShownCount;
    readonly remission: ShownShare;
  }[];
  readonly timeToResponse: { readonly n: ShownCount; readonly medianDays: number | null };
  readonly measurementCompletion: {
    readonly due: ShownCount;
    readonly completed: ShownCount;
    readonly rate: number | null;
  };
  readonly adverseEvents: { readonly n: ShownCount; readonly per100Sessions: number | null };
  readonly alerts: { readonly n: ShownCount; readonly per100Sessions: number | null };
  readonly dropout: ShownShare;
  readonly distribution: { readonly category: ResponseCategory; readonly n: ShownCount }[];
  readonly trajectory: {
    readonly week: number;
    readonly patients: ShownCount;
    readonly meanChangePct: number | null;
  }[];
  readonly minCellSize: number;
}

const CATEGORIES: readonly ResponseCategory[] = ['response', 'partial', 'none'];
const TIME_POINT_KEYS: readonly TimePointKey[] = ['end_of_induction', 'month_3', 'month_6'];
/** Weeks shown on the trajectory: 0 to 26 (six months). */
export const TRAJECTORY_WEEKS = 26;

/** A yes/no partition of `total` shown with its total: the yes cell and its rate. */
function share(yes: number, total: number, min: number): { total: ShownCount; share: ShownShare } {
  const s = suppressPartition(total, [yes, total - yes], min);
  const n = shown(yes, s.parts[0] ?? true);
  const t = shown(total, s.total);
  return { total: t, share: { n, rate: shownRate(n, t) } };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[mid] ?? null) : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
}

export function cohortReport(facts: CohortFacts, minCellSize: number = DEFAULT_MIN_CELL_SIZE): CohortReport {
  const min = minCellSize;
  const o = facts.outcomes;
  const catCounts = CATEGORIES.map((c) => o.filter((p) => p.category === c).length);
  const evaluableResponse = o.filter((p) => p.category !== null).length;
  const cat = suppressPartition(evaluableResponse, catCounts, min);
  const evalShown = shown(evaluableResponse, cat.total);
  const responseN = shown(catCounts[0] ?? 0, cat.parts[0] ?? true);
  const remission = share(
    o.filter((p) => p.remission === true).length,
    o.filter((p) => p.remission !== null).length,
    min,
  );
  const timePoints = TIME_POINT_KEYS.map((key) => {
    const at = o.map((p) => p.timePoints[key]).filter((t) => t !== null);
    const r = share(
      at.filter((t) => t.response === true).length,
      at.filter((t) => t.response !== null).length,
      min,
    );
    const m = share(
      at.filter((t) => t.remission === true).length,
      at.filter((t) => t.remission !== null).length,
      min,
    );
    return {
      key,
      evaluableResponse: r.total,
      response: r.share,
      evaluableRemission: m.total,
      remission: m.share,
    };
  });
  const days = o.map((p) => p.daysToResponse).filter((d) => d !== null);
  const daysN = showCount(days.length, min);
  const sessions = showCount(facts.sessions, min);
  const ae = showCount(facts.adverseEvents, min);
  const alerts = showCount(facts.alerts, min);
  const completion = suppressPartition(
    facts.measurementsDue,
    [facts.measurementsCompleted, facts.measurementsDue - facts.measurementsCompleted],
    min,
  );
  const due = shown(facts.measurementsDue, completion.total);
  const completed = shown(facts.measurementsCompleted, completion.parts[0] ?? true);
  const dropout = share(facts.dropouts, facts.patients, min);
  const trajectory: { week: number; patients: ShownCount; meanChangePct: number | null }[] = [];
  for (let week = 0; week <= TRAJECTORY_WEEKS; week++) {
    const values = o.map((p) => p.weekly.get(week)).filter((v) => v !== undefined);
    const n = showCount(values.length, min);
    const mean =
      n === values.length && values.length > 0
        ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10
        : null;
    trajectory.push({ week, patients: n, meanChangePct: mean });
  }
  return {
    patients: dropout.total,
    sessions,
    response: { n: responseN, rate: shownRate(responseN, evalShown) },
    remission: remission.share,
    evaluable: { response: evalShown, remission: remission.total },
    timePoints,
    timeToResponse: { n: daysN, medianDays: daysN === days.length ? median(days) : null },
    measurementCompletion: { due, completed, rate: shownRate(completed, due) },
    adverseEvents: { n: ae, per100Sessions: shownPer100(ae, sessions) },
    alerts: { n: alerts, per100Sessions: shownPer100(alerts, sessions) },
    dropout: dropout.share,
    distribution: CATEGORIES.map((category, i) => ({
      category,
      n: shown(catCounts[i] ?? 0, cat.parts[i] ?? true),
    })),
    trajectory,
    minCellSize: min,
  };
}
