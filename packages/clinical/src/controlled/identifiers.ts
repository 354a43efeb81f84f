/**
 * Identifier checks used by controlled-substance records.
 *
 * - DEA registration numbers appear on every receipt (supplier), return (recipient), DEA-41 and DEA-106
 *   record (21 CFR 1304.22(c), 1301.76(b)). Format: two letters (registrant type, then the first letter of
 *   the registrant's surname or business name, or `9`) and seven digits whose last digit is a checksum:
 *   (d1 + d3 + d5) + 2 × (d2 + d4 + d6), last digit.
 * - NDC (National Drug Code, 21 CFR 207.33): 10 digits in three segments (labeler, product, package) in a
 *   4-4-2, 5-3-2 or 5-4-1 layout, or the 11-digit 5-4-2 billing form, with or without hyphens.
 */

/**
 * True for a well-formed DEA registration number with a valid check digit.
 * @example isValidDeaNumber('AB1234563') // true
 */
export function isValidDeaNumber(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^[A-Z][A-Z9](\d{7})$/.exec(value);
  if (!m?.[1]) return false;
  const d = [...m[1]].map(Number) as [number, number, number, number, number, number, number];
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 === d[6];
}

/**
 * True for an NDC written 4-4-2, 5-3-2, 5-4-1, 5-4-2 (hyphenated) or as 10/11 bare digits.
 * @example isValidNdc('0409-2051-05') // true
 */
export function isValidNdc(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return /^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2}|\d{10,11})$/.test(value);
}
