/**
 * Sliding-scale tiers: a clinic's bands of percent of the poverty guideline, each with its discount. The
 * defaults (docs/clinical-sources.md#sliding-scale-tiers) follow the common shape of a sliding fee discount
 * schedule (HRSA Health Center Program Compliance Manual, chapter 9): full discount up to 100 % of the
 * guidelines, partial discounts in bands up to 200 % (here extended to 250 %), none above. Clinics edit them.
 */

export interface SlidingScaleTier {
  label: string;
  /** Upper bound of the band in percent of poverty (inclusive), or null for the open top band. */
  maxPercent: number | null;
  /** Discount on charges, whole percent 0–100. */
  discountPercent: number;
}

export const DEFAULT_SLIDING_SCALE_TIERS: readonly SlidingScaleTier[] = [
  { label: 'Tier 1', maxPercent: 100, discountPercent: 75 },
  { label: 'Tier 2', maxPercent: 150, discountPercent: 50 },
  { label: 'Tier 3', maxPercent: 200, discountPercent: 25 },
  { label: 'Tier 4', maxPercent: 250, discountPercent: 10 },
  { label: 'Tier 5', maxPercent: null, discountPercent: 0 },
];

/** The band a percent of poverty falls in: the first whose bound it does not exceed (bounds inclusive). */
export function tierFor(
  tiers: readonly SlidingScaleTier[],
  percentOfPoverty: number,
): SlidingScaleTier | null {
  return tiers.find((t) => t.maxPercent === null || percentOfPoverty <= t.maxPercent) ?? null;
}

export interface TierProblem {
  /** Index of the tier at fault, or null for the list as a whole. */
  index: number | null;
  message: string;
}

/**
 * What is wrong with a tier list: bounds must rise strictly, only the last band is open (and it must be), labels
 * are distinct, discounts are whole percents 0–100.
 */
export function tierProblems(tiers: readonly SlidingScaleTier[]): TierProblem[] {
  const problems: TierProblem[] = [];
  if (tiers.length === 0) return [{ index: null, message: 'needs at least one tier' }];
  const labels = new Set<string>();
  let previous = -1;
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1;
    if (labels.has(t.label)) problems.push({ index: i, message: 'repeats the label of an earlier tier' });
    labels.add(t.label);
    if (!Number.isInteger(t.discountPercent) || t.discountPercent < 0 || t.discountPercent > 100) {
      problems.push({ index: i, message: 'discount must be a whole percent from 0 to 100' });
    }
    if (t.maxPercent === null) {
      if (!last) problems.push({ index: i, message: 'only the last tier may have no upper bound' });
    } else {
      if (last) problems.push({ index: i, message: 'the last tier must have no upper bound' });
      if (!(t.maxPercent > previous))
        problems.push({ index: i, message: 'upper bounds must rise from tier to tier' });
      previous = t.maxPercent;
    }
  });
  return problems;
}
