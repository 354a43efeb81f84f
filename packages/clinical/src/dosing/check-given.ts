/**
 * `checkGivenDose`: the calculator's rules applied to a dose actually given (the administration record),
 * so ordering and giving obey one rule set. Pure; it adds no limit of its own — every stop comes from
 * `calculateDose` and the protocol it is given.
 *
 * A weight-based dose given in mg is turned into the mg/kg that the calculator maps to exactly that dose:
 * the mg/kg with the fewest decimals (the smallest of them) whose calculated, rounded dose equals the given
 * dose. A dose the calculator itself produces at a limit (e.g. 0.75 mg/kg × 71.3 kg =
 * 53.475 → 53.5 mg) therefore counts as at that limit, not above it, while any dose larger than the
 * calculator's rounded dose at a limit is above it. If the calculator derives the dose from another weight
 * than the one measured (a dosing-weight rule), the estimate is rescaled by the calculator's own answer.
 *
 * Sources: the limits are the protocol's (see `calculate.ts`); rounding half up to the protocol's
 * increment follows ISMP guidance on displayed doses (see `decimal.ts`).
 */
import type { Protocol } from '../protocols/types.ts';
import { calculateDose } from './calculate.ts';
import { isPositive } from './checks.ts';
import type { DoseContext, DoseInput, DoseOverride, DoseResult } from './types.ts';

export interface GivenDose {
  /** The dose given, in mg. */
  doseMg: number;
  weightKg?: number;
  ageYears?: number;
  concentrationMgPerMl?: number;
  durationMin?: number;
  bagVolumeMl?: number;
  override?: DoseOverride;
}

export interface GivenDoseCheck {
  /** The calculator's verdict on the dose given: `blocked` with its reasons, warnings, volume, rate. */
  result: DoseResult;
  /** Weight-based protocols: the dose given per kg, as the calculator was asked (null without a weight). */
  mgPerKg: number | null;
  /** Blocked now, but a valid second-clinician override would allow it (a protocol maximum, not a ceiling). */
  overrideWouldAllow: boolean;
}

/**
 * The mg/kg with the fewest decimals (1–6) that the calculator turns into exactly `doseMg`: the doses that
 * round to `doseMg` come from mg/kg in [lo, hi) (half a rounding step either side), and of the values with
 * d decimals the smallest in that range is tried first, so a rounded dose at a limit maps onto the limit.
 */
function mgPerKgFor(
  doseMg: number,
  estimate: number,
  step: number,
  calc: (mgPerKg: number) => number,
): number {
  const lo = (estimate * (doseMg - step / 2)) / doseMg;
  const hi = (estimate * (doseMg + step / 2)) / doseMg;
  for (let d = 1; d <= 6; d++) {
    const f = 10 ** d;
    const first = Math.ceil(lo * f);
    for (const n of [first - 1, first, first + 1]) {
      const v = Number((n / f).toFixed(d));
      if (v > 0 && v < hi + 1 / f && calc(v) === doseMg) return v;
    }
  }
  return estimate;
}

/**
 * Check a dose given (mg) against a protocol with the calculator's rules: within the protocol → not blocked;
 * above a protocol maximum → blocked unless `override` is valid and verified; above a ceiling → blocked.
 *
 * @example
 * checkGivenDose({ doseMg: 200, weightKg: 72, ageYears: 40 }, defaultIvKetamineProtocol(), ctx).result.blocked;
 * // true (2.778 mg/kg is above the absolute ceiling)
 */
export function checkGivenDose(given: GivenDose, protocol: Protocol, ctx: DoseContext): GivenDoseCheck {
  const base: DoseInput = {};
  for (const k of ['weightKg', 'ageYears', 'concentrationMgPerMl', 'durationMin', 'bagVolumeMl'] as const)
    if (given[k] !== undefined) base[k] = given[k];
  const run = (extra: DoseInput, override = given.override) =>
    calculateDose({ ...base, ...extra, ...(override ? { override } : {}) }, protocol, ctx);

  let extra: DoseInput;
  let mgPerKg: number | null = null;
  if (protocol?.dose?.kind === 'weight_based') {
    if (isPositive(given.weightKg) && isPositive(given.doseMg)) {
      const calc = (m: number) => run({ mgPerKg: m }, undefined).doseMg;
      let estimate = given.doseMg / given.weightKg;
      const probe = calc(estimate);
      if (probe > 0 && probe !== given.doseMg) estimate = (estimate * given.doseMg) / probe;
      mgPerKg = mgPerKgFor(given.doseMg, estimate, protocol.rounding?.doseMg ?? 0.1, calc);
      extra = { mgPerKg };
    } else {
      // No usable weight: the calculator reports it; the dose cannot be judged per kg.
      extra = {};
    }
  } else {
    extra = { fixedMg: given.doseMg };
  }
  const result = run(extra);
  let overrideWouldAllow = false;
  if (result.blocked && !result.overridden) {
    const withOverride = run(extra, { reason: 'second-clinician override', verified: true });
    overrideWouldAllow = !withOverride.blocked;
  }
  return { result, mgPerKg, overrideWouldAllow };
}

/** The calculator's reasons for people (field names become words): "mgPerKg 2.778 exceeds …" → "2.778 mg/kg is above …". */
export function reasonInWords(reason: string): string {
  return reason
    .replace(/\bexceeds\b/g, 'is above')
    .replace(/\bmgPerKg (\S+?)(?: mg\/kg)?(?=[ :,;)]|$)/g, '$1 mg/kg')
    .replace(/\bfixedMg (\S+?)(?: mg)?(?=[ :,;)]|$)/g, '$1 mg')
    .replace(/\bdose (\S+) mg is above/g, '$1 mg is above')
    .replace(/\bweightKg\b/g, 'the weight')
    .replace(/\bageYears\b/g, 'the age')
    .replace(/\bmaxWeightAgeDays\b/g, 'the clinic’s weight-recency limit')
    .replace(/\bconcentrationMgPerMl\b/g, 'the concentration')
    .replace(/\bbagVolumeMl\b/g, 'the bag volume')
    .replace(/\bdurationMin\b/g, 'the duration');
}
