/**
 * Exact decimal arithmetic for dose, volume and rate calculations.
 *
 * Numbers are converted from their shortest round-trip decimal form (what `String(x)` prints, i.e. what the
 * clinician typed) into exact rationals over BigInt, so 0.1 + 0.2 is 0.3 and 0.55 × 72.3 is exactly 39.765.
 * Rounding is half up (half away from zero) to a decimal increment such as 0.1 or 0.01, as recommended for
 * medication calculations (ISMP: avoid binary floating-point artefacts in displayed doses).
 * Source: none clinical; rounding increments come from the protocol (`Protocol.rounding`).
 */

/** An exact rational number `num / den` with `den > 0`. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The exact rational for a finite number's shortest decimal form.
 *
 * @example
 * toRational(0.1); // { num: 1n, den: 10n }
 */
export function toRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`cannot parse number: ${x}`);
  const [, sign = '', int = '0', frac = '', exp = '0'] = m;
  const digits = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  const scale = frac.length - Number(exp);
  return scale >= 0
    ? { num: digits, den: 10n ** BigInt(scale) }
    : { num: digits * 10n ** BigInt(-scale), den: 1n };
}

export function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a ÷ b; throws on division by zero. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  const sign = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

/** -1, 0 or 1 as a <, =, > b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Integer quotient num/den rounded half away from zero (den > 0). */
function roundDiv(num: bigint, den: bigint): bigint {
  if (num < 0n) return -roundDiv(-num, den);
  return (2n * num + den) / (2n * den);
}

/** Whether a rational is a whole number. */
export function isInteger(r: Rational): boolean {
  return r.num % r.den === 0n;
}

/**
 * Round a rational to a multiple of a decimal increment, half up, and return it as a number.
 * The result is the double nearest the exact decimal, so it prints without artefacts.
 *
 * @example
 * roundToIncrement(toRational(39.765), 0.01); // 39.77
 * roundToIncrement(mul(toRational(0.1), toRational(3)), 0.1); // 0.3
 */
export function roundToIncrement(value: Rational, increment: number): number {
  const inc = toRational(increment);
  if (inc.num <= 0n) throw new RangeError(`rounding increment must be positive: ${increment}`);
  // value / inc, rounded to an integer count of increments.
  const count = roundDiv(value.num * inc.den, value.den * inc.num);
  return decimalToNumber(count * inc.num, inc.den);
}

/** Multiply a number by a number exactly and round (shorthand used for dose = mg/kg × kg). */
export function mulRound(a: number, b: number, increment: number): number {
  return roundToIncrement(mul(toRational(a), toRational(b)), increment);
}

/** Exact `num / 10^k` (den must be a power of ten) to the nearest double, via its decimal string. */
function decimalToNumber(num: bigint, den: bigint): number {
  const k = den.toString().length - 1;
  const neg = num < 0n;
  const digits = (neg ? -num : num).toString().padStart(k + 1, '0');
  const text = k === 0 ? digits : `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
  const n = Number((neg ? '-' : '') + text);
  return n === 0 ? 0 : n; // no -0 in JSON output
}

/** Whether `a` is an exact whole multiple of `b` in decimal terms (e.g. 84 of 28; 0.3 of 0.1). */
export function isMultipleOf(a: number, b: number): boolean {
  if (b === 0) return false;
  return isInteger(div(toRational(a), toRational(b)));
}
