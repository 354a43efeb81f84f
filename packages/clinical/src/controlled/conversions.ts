/**
 * mg ⇄ mL conversions at a labelled concentration (mg/mL).
 *
 * 21 CFR 1304.22(c) requires the quantity administered to be recorded; clinicians order ketamine in mg and
 * draw it in mL. Conversions are exact when the result fits 6 fractional digits (e.g. 25 mg at 50 mg/mL =
 * 0.5 mL); otherwise they are rounded with a stated mode (default `half-up`, i.e. to the nearest 0.000001,
 * ties away from zero) and flagged `exact: false`. Keep ledger quantities in the container's own unit so a
 * rounded conversion never feeds a running balance.
 */

import { type Decimal, type RoundingMode, SCALE } from './decimal.ts';

const FACTOR = 10n ** BigInt(SCALE);

/** Result of a unit conversion: `exact` is false when the value had to be rounded with `rounding`. */
export interface Conversion {
  readonly value: Decimal;
  readonly exact: boolean;
  readonly rounding: RoundingMode;
}

/**
 * mL needed for a mass at a concentration: `mg / (mg/mL)`. Rounded to 6 digits with `rounding` (default
 * `half-up`) only when not exact; `exact` says which. Record ledger quantities in the container's own unit
 * so conversions never feed the running balance.
 * @example mgToMl(Decimal.of(25), Decimal.of(50)) // { value: 0.5, exact: true }
 * @example mgToMl(Decimal.of(10), Decimal.of(3))  // { value: 3.333333, exact: false }
 * @throws RangeError if the concentration is not positive.
 */
export function mgToMl(
  mg: Decimal,
  concentrationMgPerMl: Decimal,
  rounding: RoundingMode = 'half-up',
): Conversion {
  assertConcentration(concentrationMgPerMl);
  const numerator = mg.scaled * FACTOR;
  const exact = numerator % concentrationMgPerMl.scaled === 0n;
  return { value: mg.div(concentrationMgPerMl, rounding), exact, rounding };
}

/**
 * mg in a volume at a concentration: `mL × mg/mL`; exact unless the product needs more than 6 digits.
 * @example mlToMg(Decimal.of('0.35'), Decimal.of(50)) // { value: 17.5, exact: true }
 * @throws RangeError if the concentration is not positive.
 */
export function mlToMg(
  ml: Decimal,
  concentrationMgPerMl: Decimal,
  rounding: RoundingMode = 'half-up',
): Conversion {
  assertConcentration(concentrationMgPerMl);
  const exact = (ml.scaled * concentrationMgPerMl.scaled) % FACTOR === 0n;
  return { value: ml.mul(concentrationMgPerMl, rounding), exact, rounding };
}

function assertConcentration(c: Decimal): void {
  if (!c.isPositive()) throw new RangeError(`Concentration must be positive mg/mL, got ${c.toString()}`);
}
