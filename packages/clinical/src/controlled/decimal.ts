/**
 * Exact decimal quantities for the controlled-substance register.
 *
 * 21 CFR 1304.22(c) requires the quantity of every receipt and administration to be recorded, and the
 * practice keeps a running balance per container (docs/clinical-sources.md#register-practice). A running
 * balance built from binary floating point drifts (0.1 + 0.2 !== 0.3), so every mg / mL / dosage-unit
 * quantity is a fixed-point decimal stored as a BigInt count of millionths.
 *
 * Scale: **6 fractional digits** (1 µg for mg, 1 nL for mL). Anything finer is refused at parse time,
 * never silently rounded. Multiplication and division round only when the caller states a rounding mode.
 *
 * Accepted input (see {@link parseQuantity}):
 * - strings `"10"`, `"12.5"`, `"0.25"`, `"12.50"` (trailing zeros are fine and canonicalised away);
 *   `"-2.5"` only with `allowNegative`.
 * - JSON numbers, converted through their shortest round-trip decimal string (`String(n)`), so `0.1` is
 *   exactly 0.1.
 *
 * Refused, each with a code and a human reason: empty string; any whitespace; exponent forms (`"1e3"`,
 * and numbers whose `String()` is exponential such as 1e21 or 1e-7) because a register entry should show
 * the magnitude a person would write; a naked or trailing decimal point (`".5"`, `"5."`, ISMP
 * error-prone notation); leading zeros (`"007"`); a `+` sign; thousands separators; more than 6
 * fractional digits; more than 12 integer digits; NaN / ±Infinity; numbers with more than 15 significant
 * digits but no more than 6 fractional ones (a JSON double cannot be trusted to hold what was typed: send a
 * string instead; `0.1 + 0.2` is reported as too precise); negatives unless allowed (a `-` sign counts,
 * even on zero).
 *
 * mg ⇄ mL conversions live in `conversions.ts`.
 */

/** Number of fractional digits held exactly. */
export const SCALE = 6;
const FACTOR = 10n ** BigInt(SCALE);
/** Largest number of integer digits accepted by {@link parseQuantity} (999,999,999,999). */
export const MAX_INTEGER_DIGITS = 12;

/**
 * How to round when a result has more than {@link SCALE} fractional digits (BigDecimal semantics):
 * `half-up` = nearest, ties away from zero; `half-even` = nearest, ties to even; `down` = toward zero;
 * `up` = away from zero.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

/** Immutable fixed-point decimal. Value = `scaled / 10^SCALE`. */
export class Decimal {
  static readonly ZERO = new Decimal(0n);

  private constructor(
    /** The value in millionths (10^-SCALE). Safe to persist as a BIGINT column. */
    readonly scaled: bigint,
  ) {}

  /** Builds from a count of millionths. @example Decimal.fromScaled(12_500_000n).toString() // '12.5' */
  static fromScaled(scaled: bigint): Decimal {
    return scaled === 0n ? Decimal.ZERO : new Decimal(scaled);
  }

  /**
   * Parses or throws — for constants and tests. Negative values allowed. Use {@link parseQuantity} for
   * user input.
   * @example Decimal.of('0.1').add(Decimal.of('0.2')).toString() // '0.3'
   */
  static of(input: number | string | Decimal): Decimal {
    if (input instanceof Decimal) return input;
    const r = parseQuantity(input, { allowNegative: true });
    if (!r.ok) throw new RangeError(`${r.code}: ${r.reason}`);
    return r.value;
  }

  /** Sum of a list (0 for an empty list). @example Decimal.sum([Decimal.of('1.5'), Decimal.of(2)]).toString() // '3.5' */
  static sum(values: Iterable<Decimal>): Decimal {
    let total = 0n;
    for (const v of values) total += v.scaled;
    return Decimal.fromScaled(total);
  }

  add(other: Decimal): Decimal {
    return Decimal.fromScaled(this.scaled + other.scaled);
  }

  sub(other: Decimal): Decimal {
    return Decimal.fromScaled(this.scaled - other.scaled);
  }

  neg(): Decimal {
    return Decimal.fromScaled(-this.scaled);
  }

  abs(): Decimal {
    return this.scaled < 0n ? this.neg() : this;
  }

  /**
   * Product. Exact results need no rounding; if the exact product has more than 6 fractional digits and no
   * `rounding` is given, throws RangeError (a silent rounding would hide a discrepancy).
   * @example Decimal.of('0.5').mul(Decimal.of('20')).toString() // '10'
   */
  mul(other: Decimal, rounding?: RoundingMode): Decimal {
    return Decimal.fromScaled(divRound(this.scaled * other.scaled, FACTOR, rounding));
  }

  /**
   * Quotient, same rounding contract as {@link Decimal.mul}. @throws RangeError on division by zero.
   * @example Decimal.of('10').div(Decimal.of('3'), 'half-up').toString() // '3.333333'
   */
  div(other: Decimal, rounding?: RoundingMode): Decimal {
    if (other.scaled === 0n) throw new RangeError('Division by zero');
    return Decimal.fromScaled(divRound(this.scaled * FACTOR, other.scaled, rounding));
  }

  /** Rounds to `places` fractional digits (0–6). @example Decimal.of('2.345').round(2, 'half-even').toString() // '2.34' */
  round(places: number, rounding: RoundingMode): Decimal {
    if (!Number.isInteger(places) || places < 0 || places > SCALE)
      throw new RangeError(`places must be 0–${SCALE}`);
    const step = 10n ** BigInt(SCALE - places);
    return Decimal.fromScaled(divRound(this.scaled, step, rounding) * step);
  }

  /** -1, 0 or 1. */
  compare(other: Decimal): -1 | 0 | 1 {
    return this.scaled < other.scaled ? -1 : this.scaled > other.scaled ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.scaled === other.scaled;
  }
  lt(other: Decimal): boolean {
    return this.scaled < other.scaled;
  }
  lte(other: Decimal): boolean {
    return this.scaled <= other.scaled;
  }
  gt(other: Decimal): boolean {
    return this.scaled > other.scaled;
  }
  gte(other: Decimal): boolean {
    return this.scaled >= other.scaled;
  }
  isZero(): boolean {
    return this.scaled === 0n;
  }
  isNegative(): boolean {
    return this.scaled < 0n;
  }
  isPositive(): boolean {
    return this.scaled > 0n;
  }

  /** Canonical form: no exponent, no trailing fractional zeros, no `-0`. @example Decimal.of('12.50').toString() // '12.5' */
  toString(): string {
    const negative = this.scaled < 0n;
    const digits = (negative ? -this.scaled : this.scaled).toString().padStart(SCALE + 1, '0');
    const int = digits.slice(0, -SCALE);
    const frac = digits.slice(-SCALE).replace(/0+$/, '');
    return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  }

  /** Serialises as the canonical string so JSON never carries a binary float. */
  toJSON(): string {
    return this.toString();
  }
}

/** Comparator for `Array.prototype.sort`. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  return a.compare(b);
}

/** `numerator / denominator` rounded to an integer; throws if inexact and no mode is given. */
function divRound(numerator: bigint, denominator: bigint, rounding: RoundingMode | undefined): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const r = n % d;
  if (r !== 0n) {
    if (rounding === undefined) {
      throw new RangeError(`Result needs more than ${SCALE} fractional digits; state a rounding mode`);
    }
    const twice = 2n * r;
    const roundAway =
      rounding === 'up' ||
      (rounding === 'half-up' && twice >= d) ||
      (rounding === 'half-even' && (twice > d || (twice === d && q % 2n === 1n)));
    if (roundAway) q += 1n;
  }
  return negative ? -q : q;
}

export type ParseErrorCode =
  | 'not_a_number_or_string'
  | 'not_finite'
  | 'imprecise_number'
  | 'empty'
  | 'whitespace'
  | 'exponent'
  | 'malformed'
  | 'too_precise'
  | 'too_large'
  | 'negative';

export type ParseResult =
  | { readonly ok: true; readonly value: Decimal }
  | { readonly ok: false; readonly code: ParseErrorCode; readonly reason: string };

export interface ParseOptions {
  /** Accept a leading `-` (signed adjustments). Default false. */
  readonly allowNegative?: boolean;
}

const STRICT = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * Parses a quantity from a JSON number or decimal string without ever going through binary floating
 * point arithmetic. Never throws; refusals carry a code and a reason fit to show a user.
 * @example parseQuantity('12.50') // { ok: true, value: 12.5 }
 * @example parseQuantity('1e3')   // { ok: false, code: 'exponent', reason: ... }
 * @example parseQuantity(0.1)     // { ok: true, value: 0.1 } — via String(0.1)
 */
export function parseQuantity(input: unknown, options: ParseOptions = {}): ParseResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      return fail('not_finite', 'Quantity must be a finite number (not NaN or Infinity)');
    text = String(input);
    if (/e/i.test(text)) {
      return fail(
        'exponent',
        `${text} is outside the range written without an exponent; send a decimal string`,
      );
    }
    const significant = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
    const fractionDigits = text.split('.')[1]?.length ?? 0;
    if (significant.length > 15 && fractionDigits <= SCALE) {
      return fail(
        'imprecise_number',
        `${text} has more significant digits than a JSON number holds reliably; send it as a string`,
      );
    }
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return fail('not_a_number_or_string', 'Quantity must be a number or a decimal string');
  }

  if (text === '') return fail('empty', 'Quantity is empty');
  if (/\s/.test(text)) return fail('whitespace', 'Quantity must not contain spaces or other whitespace');
  if (/^[+-]?(nan|infinity)$/i.test(text))
    return fail('not_finite', 'Quantity must be a finite number (not NaN or Infinity)');
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) {
    return fail('exponent', `Exponent notation is not accepted (${text}); write the number out, e.g. 1000`);
  }
  const m = STRICT.exec(text);
  if (!m) return fail('malformed', malformedReason(text));
  const [, sign = '', int = '', frac = ''] = m;
  if (frac.length > SCALE) {
    return fail(
      'too_precise',
      `At most ${SCALE} digits after the decimal point are recorded (got ${frac.length})`,
    );
  }
  if (int.length > MAX_INTEGER_DIGITS)
    return fail('too_large', `Quantity exceeds ${MAX_INTEGER_DIGITS} integer digits`);
  if (sign === '-' && !options.allowNegative) return fail('negative', 'Quantity must not be negative');
  const scaled = BigInt(int + frac.padEnd(SCALE, '0'));
  return { ok: true, value: Decimal.fromScaled(sign === '-' ? -scaled : scaled) };
}

function malformedReason(text: string): string {
  if (/^[+-]?\.\d/.test(text))
    return `Write a leading zero (0${text.replace(/^[+-]/, '')}); a naked decimal point is error-prone`;
  if (/^[+-]?\d+\.$/.test(text)) return 'A trailing decimal point is error-prone; drop it or add digits';
  if (/^\+/.test(text)) return 'A leading + sign is not accepted';
  if (/^-?0\d/.test(text)) return 'Leading zeros are not accepted';
  if (/,/.test(text))
    return 'Thousands separators and decimal commas are not accepted; use a point, e.g. 1000.5';
  return `Not a decimal number: ${JSON.stringify(text)}`;
}

function fail(code: ParseErrorCode, reason: string): ParseResult {
  return { ok: false, code, reason };
}
