import { describe, expect, it } from 'vitest';
import { isValidDeaNumber, isValidNdc } from './identifiers.ts';

describe('isValidDeaNumber', () => {
  it.each([
    ['AB1234563', true],
    ['F91234563', true],
    ['AB1234564', false],
    ['ab1234563', false],
    ['A1234563', false],
    ['AB12345634', false],
    [undefined, false],
  ])('%s → %s', (v, ok) => expect(isValidDeaNumber(v)).toBe(ok));
});

describe('isValidNdc', () => {
  it.each([
    ['0409-2051-05', true],
    ['42023-115-10', true],
    ['12345-6789-1', true],
    ['12345-6789-01', true],
    ['0409205105', true],
    ['04092051050', true],
    ['0409-2051-5', false],
    ['409-2051-05', false],
    ['NDC 0409-2051-05', false],
    [42, false],
  ])('%s → %s', (v, ok) => expect(isValidNdc(v)).toBe(ok));
});
