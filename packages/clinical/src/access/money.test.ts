/** Dollars shown and typed (money is integer cents). */
import { describe, expect, it } from 'vitest';
import { formatUsd, parseUsd } from './money.ts';

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [45000, '$450.00'],
    [123456, '$1,234.56'],
    [100000000, '$1,000,000.00'],
    [-500, '-$5.00'],
  ])('%i → %s', (cents, text) => expect(formatUsd(cents)).toBe(text));
});

describe('parseUsd', () => {
  it.each([
    ['450', 45000],
    ['$1,234.56', 123456],
    ['12.5', 1250],
    ['0.05', 5],
    ['', null],
    ['abc', null],
    ['1.234', null],
    ['-5', null],
  ])('%s → %s', (text, cents) => expect(parseUsd(text)).toBe(cents));
});
