/**
 * Checks of the identifiers a clinic prints on its documents (clinic settings): DEA registration number,
 * NPI, TIN and a US phone number. Pure functions, no I/O. Import as `@plasticity/clinical/identifiers`.
 *
 * - DEA registration number (21 CFR 1301.11–1301.13 registration; the number is printed on every record
 *   of 21 CFR 1304 and on DEA-106/DEA-41): two letters and seven digits; the seventh digit is the last digit
 *   of (d1 + d3 + d5) + 2 × (d2 + d4 + d6) — the check the DEA Diversion Control Division describes for
 *   verifying a registration number. See `isValidDeaNumber` in `controlled/identifiers.ts`.
 * - NPI (45 CFR 162.406; CMS "Requirements for National Provider Identifier (NPI) and NPI Enumeration",
 *   check-digit annex): ten digits, first digit 1 or 2, the tenth a Luhn check digit (ISO/IEC 7812) computed
 *   over the prefix 80840 followed by the first nine digits.
 * - TIN: the IRS Employer Identification Number layout, nine digits written XX-XXXXXXX (IRS Publication
 *   1635). An individual's SSN is never asked for.
 * - US phone: a NANP number (ten digits, area code and exchange starting 2–9, optional leading 1),
 *   written NNN-NNN-NNNN.
 */
import { isValidDeaNumber } from './controlled/identifiers.ts';

export { isValidDeaNumber };

/** Trimmed, upper-cased DEA number when valid, else null. @example normaliseDeaNumber(' ff1234563 ') // 'FF1234563' */
export function normaliseDeaNumber(value: string): string | null {
  const v = value.trim().toUpperCase();
  return isValidDeaNumber(v) ? v : null;
}

/** Luhn check digit over a digit string (the digit that would be appended). */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right of the payload (the first one left of the check).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * True for a ten-digit NPI whose last digit is the Luhn check digit over 80840 + the first nine.
 * @example isValidNpi('1234567893') // true (the CMS worked example)
 */
export function isValidNpi(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[12]\d{9}$/.test(value)) return false;
  return luhnCheckDigit(`80840${value.slice(0, 9)}`) === Number(value[9]);
}

/** The NPI without spaces when valid, else null. */
export function normaliseNpi(value: string): string | null {
  const v = value.replace(/\s/g, '');
  return isValidNpi(v) ? v : null;
}

/** `12-3456789` from nine digits with or without the hyphen, else null. */
export function normaliseTin(value: string): string | null {
  const m = /^(\d{2})-?(\d{7})$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * `919-555-0142` from a US (NANP) number however written ("(919) 555-0142", "+1 919 555 0142"), else null.
 */
export function normaliseUsPhone(value: string): string | null {
  const trimmed = value.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}
