/**
 * Shared helpers: LOINC Mod 10 check digit (LOINC Users' Guide, Regenstrief), score ranges per
 * scoring rule, sex normalisation for the AUDIT-C cut-off (Bradley 2007) and band lookup.
 */
import { describe, expect, it } from 'vitest';
import {
  bandLabel,
  isValidLoincCode,
  listItems,
  loincCheckDigit,
  normaliseSex,
  scoreRange,
} from './helpers.ts';
import { audit, cssrsScreen, dast10, moaas, qidsSr16 } from './registry.ts';

describe('LOINC check digit (Mod 10)', () => {
  it.each([
    ['44249', 1],
    ['44261', 6],
    ['44260', 8],
    ['101698', 9],
    ['72110', 0],
    ['93374', 7],
    ['55758', 7],
  ])('%s → %i', (digits, check) => {
    expect(loincCheckDigit(digits)).toBe(check);
  });
  it.each(['44249-2', '44249', '4424-91', 'x-1', '', '12345678-0'])('rejects %s', (code) => {
    expect(isValidLoincCode(code)).toBe(false);
  });
});

describe('scoreRange', () => {
  it.each([
    ['sum with 0/2/4 items', audit, 0, 40],
    ['sum with a reversed item', dast10, 0, 10],
    ['max-of-domain', qidsSr16, 0, 27],
    ['single item', moaas, 0, 5],
    ['yes/no count', cssrsScreen, 0, 7],
  ])('%s', (_n, def, min, max) => {
    expect(scoreRange(def)).toEqual({ min, max });
  });
});

describe('normaliseSex', () => {
  it.each([
    ['male', 'male'],
    [' Male ', 'male'],
    ['M', 'male'],
    ['man', 'male'],
    ['female', 'female'],
    ['F', 'female'],
    ['Woman', 'female'],
    ['intersex', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (input, out) => {
    expect(normaliseSex(input)).toBe(out);
  });
});

describe('bandLabel and listItems', () => {
  it('finds the band or null', () => {
    const bands = [
      { min: 0, max: 4, label: 'a' },
      { min: 5, max: 9, label: 'b' },
    ];
    expect(bandLabel(bands, 4)).toBe('a');
    expect(bandLabel(bands, 5)).toBe('b');
    expect(bandLabel(bands, 10)).toBeNull();
    expect(bandLabel(null, 3)).toBeNull();
  });
  it('lists items in words', () => {
    expect(listItems([3])).toBe('3');
    expect(listItems([3, 4])).toBe('3 and 4');
    expect(listItems([3, 4, 5])).toBe('3, 4 and 5');
  });
});
