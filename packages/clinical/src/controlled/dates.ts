/**
 * Civil-date arithmetic for controlled-substance deadlines and inventories.
 *
 * Supports the date rules of 21 CFR 1304.11 (biennial inventory "within two years of the previous
 * inventory date") and 21 CFR 1301.76(b) (theft/loss notice within one business day, DEA-106 within
 * 45 days). Dates are plain `YYYY-MM-DD` strings in the clinic's time zone; instants are converted to a
 * local date with `Intl` only. No external date library: day arithmetic uses a day number (days since
 * 1970-01-01 on the proleptic Gregorian calendar), computed with `Date.UTC`, which has no time zone.
 *
 * Years are limited to 1000–9999 so every date has exactly the `YYYY-MM-DD` shape.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A calendar date `YYYY-MM-DD` (no time, no zone). Plain string so it serialises as-is. */
export type IsoDate = string;

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD` (year 1000–9999).
 * @example isIsoDate('2024-02-29') // true
 * @example isIsoDate('2023-02-29') // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function assertDate(value: string): [number, number, number] {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for a calendar date. @throws RangeError on an invalid date. */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = assertDate(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Inverse of {@link toDayNumber}. @throws RangeError outside years 1000–9999. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
  if (!isIsoDate(date)) throw new RangeError(`Day number out of supported range: ${dayNumber}`);
  return date;
}

/**
 * Adds (or with a negative `days`, subtracts) calendar days.
 * @example addDays('2025-12-31', 1) // '2026-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds whole years; 29 February becomes 28 February in a non-leap target year (never 1 March, so a
 * deadline computed this way is never later than the anniversary).
 * @example addYears('2024-02-29', 2) // '2026-02-28'
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = assertDate(date);
  if (!Number.isInteger(years)) throw new RangeError(`years must be an integer, got ${years}`);
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  const out = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(out)) throw new RangeError(`Year out of supported range: ${year}`);
  return out;
}

/** Signed number of days from `from` to `to` (`to − from`). @example daysBetween('2025-01-01', '2025-03-01') // 59 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of week, 0 = Sunday … 6 = Saturday. @example dayOfWeek('2025-07-04') // 5 (Friday) */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Orders two calendar dates (-1, 0, 1). Valid ISO dates compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertDate(a);
  assertDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar date of an instant in an IANA time zone. A plain `YYYY-MM-DD` is returned unchanged
 * (it is already a local date).
 * @example localDate('2025-03-01T03:00:00Z', 'America/New_York') // '2025-02-28'
 * @throws RangeError on an unparseable instant or an unknown time zone.
 */
export function localDate(instant: string | Date, timeZone: string): IsoDate {
  if (typeof instant === 'string' && isIsoDate(instant)) return instant;
  if (typeof instant === 'string' && !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(instant)) {
    throw new RangeError(`Instant must be ISO 8601 with a Z or ±hh:mm offset: ${JSON.stringify(instant)}`);
  }
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const out = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  if (!isIsoDate(out))
    throw new RangeError(`Could not derive a local date for ${String(instant)} in ${timeZone}`);
  return out;
}
