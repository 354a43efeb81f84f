import { describe, expect, it } from 'vitest';
import { birthDateOf } from './patient-search.ts';

describe('birthDateOf', () => {
  it.each([
    ['1990-01-31', '1990-01-31'],
    ['01/31/1990', '1990-01-31'],
    ['1/5/1990', '1990-01-05'],
    ['2000-02-29', '2000-02-29'],
    ['1900-02-29', undefined],
    ['02/30/1990', undefined],
    ['1990-13-01', undefined],
    ['31/01/1990', undefined],
    ['1990', undefined],
    ['robin', undefined],
  ])('%s → %s', (term, date) => {
    expect(birthDateOf(term)).toBe(date);
  });
});
