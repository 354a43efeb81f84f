import { describe, expect, it } from 'vitest';
import {
  isValidNpi,
  normaliseDeaNumber,
  normaliseNpi,
  normaliseTin,
  normaliseUsPhone,
} from './identifiers.ts';

// DEA: (d1+d3+d5) + 2×(d2+d4+d6), last digit = d7 (DEA Diversion Control Division; 21 CFR 1301).
describe('normaliseDeaNumber', () => {
  it.each([
    ['FF1234563', 'FF1234563'],
    [' ff1234563 ', 'FF1234563'],
    ['AB1234563', 'AB1234563'],
    ['FF1234564', null], // wrong check digit
    ['F1234563', null],
    ['FF12345630', null],
    ['', null],
  ])('%j → %j', (v, out) => expect(normaliseDeaNumber(v)).toBe(out));
});

// NPI: Luhn over 80840 + first nine digits (CMS NPI check-digit annex; 45 CFR 162.406).
describe('isValidNpi / normaliseNpi', () => {
  it.each([
    ['1234567893', true], // the CMS worked example
    ['1234567890', false],
    ['1245319599', true],
    ['3234567893', false], // must start with 1 or 2
    ['123456789', false],
    ['12345678931', false],
    [1234567893, false],
  ])('%j → %s', (v, ok) => expect(isValidNpi(v)).toBe(ok));
  it('strips spaces', () => expect(normaliseNpi('123 456 7893')).toBe('1234567893'));
});

describe('normaliseTin (IRS EIN layout XX-XXXXXXX)', () => {
  it.each([
    ['56-1234567', '56-1234567'],
    ['561234567', '56-1234567'],
    ['56-123456', null],
    ['5612345678', null],
    ['AB-1234567', null],
  ])('%j → %j', (v, out) => expect(normaliseTin(v)).toBe(out));
});

describe('normaliseUsPhone (NANP)', () => {
  it.each([
    ['919-555-0142', '919-555-0142'],
    ['(919) 555-0142', '919-555-0142'],
    ['+1 919 555 0142', '919-555-0142'],
    ['9195550142', '919-555-0142'],
    ['119-555-0142', null], // area code cannot start with 1
    ['919-155-0142', null], // exchange cannot start with 1
    ['919-555-014', null],
    ['call 919-555-0142', null],
  ])('%j → %j', (v, out) => expect(normaliseUsPhone(v)).toBe(out));
});
