/**
 * The outcomes dashboard's figures for a cohort, with small cells suppressed
 * (docs/clinical-sources.md#outcomes-small-cell-suppression): every count 1–10 shows as "<11", every rate
 * built on a suppressed figure is null, and partitions shown with their total (response categories,
 * remission, dropout, measurement completion, each time point) get a complementary suppression so no
 * hidden count is the difference of shown ones. Means of fewer than 11 patients are withheld.
 */
import { type OutcomeTotals, TIME_POINT_KEYS } from './outcome-totals.ts';
import type { ResponseCategory, TimePointKey } from './patient-outcome.ts';
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
  /** The outcome totals of the cohort's patients measured on a scale. */
  readonly totals: OutcomeTotals;
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

/** A yes/no partition of `total` shown with its total: the yes cell and its rate. */
function share(yes: number, total: number, min: number): { total: ShownCount; share: ShownShare } {
  const s = suppressPartition(total, [yes, total - yes], min);
  const n = shown(yes, s.parts[0] ?? true);
  const t = shown(total, s.total);
  return { total: t, share: { n, rate: shownRate(n, t) } };
}

export function cohortReport(facts: CohortFacts, minCellSize: number = DEFAULT_MIN_CELL_SIZE): CohortReport {
  const min = minCellSize;
  const t = facts.totals;
  const catCounts = CATEGORIES.map((c) => t.categories[c]);
  const evaluableResponse = catCounts.reduce((a, b) => a + b, 0);
  const cat = suppressPartition(evaluableResponse, catCounts, min);
  const evalShown = shown(evaluableResponse, cat.total);
  const responseN = shown(catCounts[0] ?? 0, cat.parts[0] ?? true);
  const remission = share(t.remission.yes, t.remission.evaluable, min);
  const timePoints = TIME_POINT_KEYS.map((key) => {
    const at = t.timePoints[key];
    const r = share(at.response.yes, at.response.evaluable, min);
    const m = share(at.remission.yes, at.remission.evaluable, min);
    return {
      key,
      evaluableResponse: r.total,
      response: r.share,
      evaluableRemission: m.total,
      remission: m.share,
    };
  });
  const daysN = showCount(t.daysToResponse.n, min);
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
  const trajectory = t.weeks.map(({ week, n, sumTenths }) => {
    const patients = showCount(n, min);
    const meanChangePct = patients === n && n > 0 ? Math.round(sumTenths / n) / 10 : null;
    return { week, patients, meanChangePct };
  });
  return {
    patients: dropout.total,
    sessions,
    response: { n: responseN, rate: shownRate(responseN, evalShown) },
    remission: remission.share,
    evaluable: { response: evalShown, remission: remission.total },
    timePoints,
    timeToResponse: {
      n: daysN,
      medianDays: daysN === t.daysToResponse.n ? t.daysToResponse.medianDays : null,
    },
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
