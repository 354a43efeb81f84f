/**
 * A cohort's outcome totals: the counts the dashboard shows, summed over its patients' outcomes
 * (patient-outcome.ts). The server sums the same figures in SQL over its kept-current per-patient rows; this is
 * the reference sum over outcomes computed in memory, and the shape both hand to `cohortReport`.
 * Trajectory values are kept in tenths of a percent so the sums are exact integers.
 */
import type { PatientOutcome, ResponseCategory, TimePointKey } from './patient-outcome.ts';

/** Weeks shown on the trajectory: 0 to 26 (six months). */
export const TRAJECTORY_WEEKS = 26;

export interface YesOf {
  readonly yes: number;
  /** Patients for whom the rule could be evaluated. */
  readonly evaluable: number;
}

export interface OutcomeTotals {
  readonly categories: Readonly<Record<ResponseCategory, number>>;
  readonly remission: YesOf;
  readonly timePoints: Readonly<
    Record<TimePointKey, { readonly response: YesOf; readonly remission: YesOf }>
  >;
  /** Patients with a first response, and the median of their days to it (null when none). */
  readonly daysToResponse: { readonly n: number; readonly medianDays: number | null };
  /** Weeks 0 … TRAJECTORY_WEEKS: patients with a score that week and the sum of their changes (tenths of a %). */
  readonly weeks: readonly { readonly week: number; readonly n: number; readonly sumTenths: number }[];
}

export const TIME_POINT_KEYS: readonly TimePointKey[] = ['end_of_induction', 'month_3', 'month_6'];

/** The median of whole days, the mean of the two middle values for an even count. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[mid] ?? null) : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
}

function yesOf(values: readonly (boolean | null | undefined)[]): YesOf {
  let yes = 0;
  let evaluable = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    evaluable++;
    if (v) yes++;
  }
  return { yes, evaluable };
}

/** The totals of a list of patient outcomes. */
export function totalsOf(outcomes: readonly PatientOutcome[]): OutcomeTotals {
  const categories = { response: 0, partial: 0, none: 0 };
  for (const o of outcomes) if (o.category !== null) categories[o.category]++;
  const timePoint = (key: TimePointKey): { response: YesOf; remission: YesOf } => ({
    response: yesOf(outcomes.map((o) => o.timePoints[key]?.response)),
    remission: yesOf(outcomes.map((o) => o.timePoints[key]?.remission)),
  });
  const days = outcomes.map((o) => o.daysToResponse).filter((d) => d !== null);
  const weeks = [];
  for (let week = 0; week <= TRAJECTORY_WEEKS; week++) {
    let n = 0;
    let sumTenths = 0;
    for (const o of outcomes) {
      const v = o.weekly.get(week);
      if (v === undefined) continue;
      n++;
      sumTenths += Math.round(v * 10);
    }
    weeks.push({ week, n, sumTenths });
  }
  return {
    categories,
    remission: yesOf(outcomes.map((o) => o.remission)),
    timePoints: {
      end_of_induction: timePoint('end_of_induction'),
      month_3: timePoint('month_3'),
      month_6: timePoint('month_6'),
    },
    daysToResponse: { n: days.length, medianDays: medianOf(days) },
    weeks,
  };
}
