// Type parsers that make both drivers return the same JavaScript types:
// int8 and count(*) → number (pg returns strings by default, PGlite numbers; every int8 we store —
// counts, sequence numbers — stays far below 2^53), date → 'YYYY-MM-DD' string (no time-zone shift),
// numeric → string (exact decimals stay exact), timestamptz → Date, json/jsonb → parsed.
//
// Plain JavaScript (types in type-parsers.d.mts): the embedded database's worker thread loads it as it is.
export const INT8_OID = 20;
export const DATE_OID = 1082;
export const NUMERIC_OID = 1700;

export const parseInt8 = (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${v} is beyond 2^53`);
  return n;
};
export const parseDate = (v) => v;
export const parseNumeric = (v) => v;
