/**
 * Type parsers that make both drivers return the same JavaScript types:
 * int8 and count(*) → number (pg returns strings by default, PGlite numbers; every int8 we store —
 * counts, sequence numbers — stays far below 2^53), date → 'YYYY-MM-DD' string (no time-zone shift),
 * numeric → string (exact decimals stay exact), timestamptz → Date, json/jsonb → parsed.
 */
export const INT8_OID = 20;
export const DATE_OID = 1082;
export const NUMERIC_OID = 1700;

export const parseInt8 = (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${v} is beyond 2^53`);
  return n;
};
export const parseDate = (v: string): string => v;
export const parseNumeric = (v: string): string => v;
