/**
 * The dosing weight of a weight-based protocol: actual, ideal or adjusted body weight, chosen by the protocol's
 * `dosingWeight` rule and the patient's BMI.
 *
 * Sources: ideal body weight, Devine B.J., Drug Intell Clin Pharm 1974;8:650–655 (men 50 kg, women 45.5 kg,
 * + 2.3 kg per inch of height over 5 ft); adjusted body weight = ideal + 0.4 × (actual − ideal) (Traynor A.M.
 * et al., Antimicrob Agents Chemother 1995;39:545–548); ideal body weight at BMI ≥ 30 for ketamine (Sanacora G.
 * et al., APA consensus statement, JAMA Psychiatry 2017, as reported by Singh B. et al., J Clin Psychiatry
 * 2019). Product defaults (not from a source): the weight used is never above the actual weight; the female
 * formula (the lower ideal weight) when sex is neither male nor female; without a height, the actual weight
 * with a warning. BMI and derived weights are exact decimals rounded half up to 0.1.
 */
import type { DosingWeightBasis, DosingWeightRule } from '../protocols/types.ts';
import { cmp, div, mul, roundToIncrement, toRational } from './decimal.ts';

export type Sex = 'female' | 'male' | 'other' | 'unknown';

/** Which weight the mg/kg was applied to, and why (shown to the clinician). */
export interface DosingWeight {
  basis: DosingWeightBasis;
  /** The weight the dose is calculated on. */
  kg: number;
  actualKg: number;
  heightCm: number | null;
  bmi: number | null;
  idealKg: number | null;
  adjustedKg: number | null;
  /** Plain-language reason, e.g. "BMI 34.2 ≥ 30: ideal body weight (Devine)". */
  reason: string;
}

const INCH_CM = toRational(2.54);
const FIVE_FEET_IN = toRational(60);
const PER_INCH_KG = toRational(2.3);
const BASE_KG = { male: toRational(50), female: toRational(45.5) };
const LABEL: Record<DosingWeightBasis, string> = {
  actual: 'actual body weight',
  ideal: 'ideal body weight (Devine)',
  adjusted: 'adjusted body weight (ideal + 40 % of the excess)',
};

/** Devine ideal body weight in kg (rounded to 0.1); the female formula for `other`/`unknown`. */
export function idealBodyWeightKg(heightCm: number, sex: Sex | undefined): number {
  const inches = div(toRational(heightCm), INCH_CM);
  const over = { num: inches.num * FIVE_FEET_IN.den - FIVE_FEET_IN.num * inches.den, den: inches.den };
  const base = sex === 'male' ? BASE_KG.male : BASE_KG.female;
  const extra = mul(PER_INCH_KG, over);
  return roundToIncrement(
    { num: base.num * extra.den + extra.num * base.den, den: base.den * extra.den },
    0.1,
  );
}

/** BMI in kg/m², rounded to 0.1. */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const m = div(toRational(heightCm), toRational(100));
  return roundToIncrement(div(toRational(weightKg), mul(m, m)), 0.1);
}

/** ideal + fraction × (actual − ideal), rounded to 0.1. */
export function adjustedBodyWeightKg(actualKg: number, idealKg: number, fraction: number): number {
  const a = toRational(actualKg);
  const i = toRational(idealKg);
  const excess = { num: a.num * i.den - i.num * a.den, den: a.den * i.den };
  const add = mul(toRational(fraction), excess);
  return roundToIncrement({ num: i.num * add.den + add.num * i.den, den: i.den * add.den }, 0.1);
}

/**
 * Choose the dosing weight. `rule` absent (a protocol version stored before the rule existed) or no height:
 * the actual weight, with a warning saying so.
 *
 * @example
 * chooseDosingWeight(defaultDosingWeight(), 120, 175, 'male', []);
 * // { basis: 'ideal', kg: 70.5, bmi: 39.2, idealKg: 70.5, ... reason: 'BMI 39.2 ≥ 30: ideal body weight (Devine)' }
 */
export function chooseDosingWeight(
  rule: DosingWeightRule | undefined,
  actualKg: number,
  heightCm: number | undefined,
  sex: Sex | undefined,
  warnings: string[],
): DosingWeight {
  const plain = (reason: string): DosingWeight => ({
    basis: 'actual',
    kg: actualKg,
    actualKg,
    heightCm: heightCm ?? null,
    bmi: heightCm === undefined ? null : bodyMassIndex(actualKg, heightCm),
    idealKg: null,
    adjustedKg: null,
    reason,
  });
  if (!rule) {
    warnings.push(
      'this protocol version has no dosing-weight rule: the actual body weight was used (a new version of ' +
        'the protocol sets one)',
    );
    return plain('actual body weight (this protocol version has no dosing-weight rule)');
  }
  if (heightCm === undefined) {
    if (rule.basis !== 'actual' || rule.obeseBasis !== 'actual')
      warnings.push(
        'no height recorded: the actual body weight was used, so ideal or adjusted body weight could not be ' +
          'checked; record the height',
      );
    return plain('actual body weight (no height recorded)');
  }
  const bmi = bodyMassIndex(actualKg, heightCm);
  const obese = cmp(toRational(bmi), toRational(rule.obeseBmiAtLeast)) >= 0;
  const basis = obese ? rule.obeseBasis : rule.basis;
  const idealKg = idealBodyWeightKg(heightCm, sex);
  const adjustedKg = adjustedBodyWeightKg(actualKg, idealKg, rule.adjustedExcessFraction);
  if (basis !== 'actual' && sex !== 'male' && sex !== 'female')
    warnings.push(
      'sex not recorded as male or female: the female ideal-body-weight formula (lower) was used',
    );
  if (basis !== 'actual' && heightCm < 152.4)
    warnings.push('height under 5 ft: the ideal-body-weight formula is extrapolated below its range');
  const why = obese ? `BMI ${bmi} ≥ ${rule.obeseBmiAtLeast}` : `BMI ${bmi} < ${rule.obeseBmiAtLeast}`;
  const chosen = basis === 'ideal' ? idealKg : basis === 'adjusted' ? adjustedKg : actualKg;
  const out = { actualKg, heightCm, bmi, idealKg, adjustedKg };
  if (chosen > actualKg) {
    return {
      ...out,
      basis: 'actual',
      kg: actualKg,
      reason: `${why}: ${LABEL[basis]} (${chosen} kg) is above the actual weight, so the actual weight is used`,
    };
  }
  return { ...out, basis, kg: chosen, reason: `${why}: ${LABEL[basis]}` };
}
