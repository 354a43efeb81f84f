/**
 * Small-cell suppression (docs/clinical-sources.md#outcomes-small-cell-suppression): the primary rule (1–10 →
 * "<11"), the complementary rule within a partition, and rates that would reveal a hidden count.
 */
import { describe, expect, it } from 'vitest';
import {
  isSmallCell,
  SUPPRESSED,
  showCount,
  shownPer100,
  shownRate,
  suppressPartition,
} from './suppression.ts';

describe('primary rule', () => {
  it.each([
    [0, 0],
    [1, SUPPRESSED],
    [5, SUPPRESSED],
    [10, SUPPRESSED],
    [11, 11],
    [250, 250],
  ] as const)('%d shows as %s', (n, expected) => {
    expect(showCount(n)).toBe(expected);
  });

  it('the threshold is configurable', () => {
    expect(isSmallCell(15, 20)).toBe(true);
    expect(isSmallCell(20, 20)).toBe(false);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => isSmallCell(-1)).toThrow(RangeError);
    expect(() => isSmallCell(1.5)).toThrow(RangeError);
  });
});

describe('complementary suppression within a partition', () => {
  it.each([
    {
      name: 'nothing small',
      total: 60,
      parts: [20, 25, 15],
      expected: [false, false, false],
      hideTotal: false,
    },
    {
      name: 'one small cell hides the smallest other non-zero',
      total: 40,
      parts: [5, 20, 15],
      expected: [true, false, true],
      hideTotal: false,
    },
    {
      name: 'two small cells protect each other',
      total: 40,
      parts: [5, 30, 5],
      expected: [true, false, true],
      hideTotal: false,
    },
    {
      name: 'a zero is never picked as the complement',
      total: 35,
      parts: [3, 0, 32],
      expected: [true, false, true],
      hideTotal: false,
    },
    {
      name: 'yes/no split with a small yes',
      total: 30,
      parts: [4, 26],
      expected: [true, true],
      hideTotal: false,
    },
    {
      name: 'a small total hides its non-zero parts',
      total: 7,
      parts: [7, 0],
      expected: [true, false],
      hideTotal: true,
    },
    { name: 'all zero', total: 0, parts: [0, 0, 0], expected: [false, false, false], hideTotal: false },
    {
      name: 'ties pick the first smallest',
      total: 50,
      parts: [2, 24, 24],
      expected: [true, true, false],
      hideTotal: false,
    },
  ])('$name', ({ total, parts, expected, hideTotal }) => {
    const s = suppressPartition(total, parts);
    expect(s.parts).toEqual(expected);
    expect(s.total).toBe(hideTotal);
  });

  it('no hidden cell equals the total minus the shown cells alone', () => {
    for (let total = 0; total <= 40; total++) {
      for (let a = 0; a <= total; a++) {
        for (let b = 0; a + b <= total; b++) {
          const parts = [a, b, total - a - b];
          const s = suppressPartition(total, parts);
          if (s.total) continue;
          const hidden = parts.filter((_, i) => s.parts[i]);
          // Either nothing is hidden or at least two cells are, so no single hidden cell is derivable.
          expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
          parts.forEach((p, i) => {
            if (p >= 1 && p <= 10) expect(s.parts[i]).toBe(true);
          });
        }
      }
    }
  });

  it('refuses parts that do not sum to the total', () => {
    expect(() => suppressPartition(10, [3, 4])).toThrow(RangeError);
  });
});

describe('rates', () => {
  it.each([
    [12, 40, 0.3],
    [SUPPRESSED, 40, null],
    [12, SUPPRESSED, null],
    [0, 0, null],
    [20, 30, 0.667],
  ] as const)('%s of %s → %s', (n, of, expected) => {
    expect(shownRate(n, of)).toBe(expected);
  });

  it.each([
    [12, 400, 3],
    [SUPPRESSED, 400, null],
    [15, SUPPRESSED, null],
    [0, 0, null],
  ] as const)('%s events over %s sessions → %s per 100', (n, of, expected) => {
    expect(shownPer100(n, of)).toBe(expected);
  });
});
