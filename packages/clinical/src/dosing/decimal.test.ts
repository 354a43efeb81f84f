import { describe, expect, it } from 'vitest';
import { cmp, div, isMultipleOf, mul, mulRound, roundToIncrement, toRational } from './decimal.ts';

describe('toRational', () => {
  it.each([
    [0.1, 1n, 10n],
    [70.1, 701n, 10n],
    [300, 300n, 1n],
    [1e21, 10n ** 21n, 1n],
    [1e-7, 1n, 10n ** 7n],
    [-2.5, -25n, 10n],
    [0, 0n, 1n],
  ])('%s → %s/%s', (x, num, den) => {
    expect(toRational(x)).toEqual({ num, den });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (x) => {
    expect(() => toRational(x)).toThrow(RangeError);
  });
});

describe('roundToIncrement (half up, exact)', () => {
  it.each([
    // value, increment, expected
    [0.1 + 0.2, 0.1, 0.3],
    [35.05, 0.1, 35.1],
    [35.04999, 0.1, 35],
    [10.05, 0.1, 10.1],
    [0.405, 0.01, 0.41],
    [0.404999, 0.01, 0.4],
    [1.005, 0.01, 1.01],
    [2.675, 0.01, 2.68],
    [149.95, 0.1, 150],
    [5.25, 0.1, 5.3],
    [7.5, 1, 8],
    [7.49, 0.5, 7.5],
    [7.24, 0.5, 7],
    [0.004, 0.01, 0],
    [-2.5, 1, -3],
  ])('round(%s, %s) = %s', (value, inc, expected) => {
    expect(roundToIncrement(toRational(value), inc)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundToIncrement(toRational(-0.001), 0.1), 0)).toBe(true);
  });

  it('rejects non-positive increments', () => {
    expect(() => roundToIncrement(toRational(1), 0)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('multiplies exactly: 0.15 × 67 = 10.05 → 10.1 (floating point gives 10.0)', () => {
    expect(Math.round(0.15 * 67 * 10) / 10).toBe(10); // the artefact this module avoids
    expect(mulRound(0.15, 67, 0.1)).toBe(10.1);
    expect(mulRound(0.55, 72.3, 0.01)).toBe(39.77);
  });

  it('divides and compares exactly', () => {
    expect(cmp(div(toRational(1), toRational(3)), toRational(0.3333333333))).toBe(1);
    expect(cmp(mul(toRational(0.1), toRational(3)), toRational(0.3))).toBe(0);
    expect(() => div(toRational(1), toRational(0))).toThrow(RangeError);
    expect(div(toRational(1), toRational(-4))).toEqual({ num: -1n, den: 4n });
  });

  it.each([
    [84, 28, true],
    [56, 28, true],
    [42, 28, false],
    [0.3, 0.1, true],
    [0.35, 0.1, false],
    [5, 0, false],
  ])('isMultipleOf(%s, %s) = %s', (a, b, expected) => {
    expect(isMultipleOf(a, b)).toBe(expected);
  });
});
