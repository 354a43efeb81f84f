/**
 * US federal holidays and business-day arithmetic on calendar dates ('YYYY-MM-DD', no time zone: the caller turns
 * an instant into the clinic's local date first).
 *
 * Holidays (docs/clinical-sources.md#good-faith-estimates): the eleven legal public holidays of 5 U.S.C. 6103(a) —
 * New Year's Day (1 January), Martin Luther King Jr.'s Birthday (third Monday of January), Washington's Birthday
 * (third Monday of February), Memorial Day (last Monday of May), Juneteenth (19 June), Independence Day (4 July),
 * Labor Day (first Monday of September), Columbus Day (second Monday of October), Veterans Day (11 November),
 * Thanksgiving Day (fourth Thursday of November) and Christmas Day (25 December). A fixed-date holiday on a Sunday
 * is observed the Monday after (5 U.S.C. 6103(b)(1)), on a Saturday the Friday before (Executive Order 11582, as
 * OPM applies 6103(b)); so New Year's Day on a Saturday is observed on 31 December of the year before.
 * Inauguration Day (6103(c)) is a holiday only in the Washington area and is not counted.
 *
 * Business day: Monday to Friday except an observed federal holiday.
 */

export interface FederalHoliday {
  /** The day off ('YYYY-MM-DD'), after the weekend rule. */
  observed: string;
  /** The statutory date ('YYYY-MM-DD'). */
  date: string;
  name: string;
}

const DAY = 86_400_000;

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Parses 'YYYY-MM-DD' strictly; throws on anything else (callers validate input first). */
export function parseDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const d = utc(Number(m[1]), Number(m[2]), Number(m[3]));
  if (iso(d) !== date) throw new RangeError(`not a date: ${date}`);
  return d;
}

export function addDays(date: string, days: number): string {
  return iso(new Date(parseDate(date).getTime() + days * DAY));
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
  return parseDate(date).getUTCDay();
}

/** The nth (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = utc(year, month, 1).getUTCDay();
    return iso(utc(year, month, 1 + ((dow - first + 7) % 7) + (n - 1) * 7));
  }
  const lastDay = utc(year, month + 1, 0);
  return iso(utc(year, month, lastDay.getUTCDate() - ((lastDay.getUTCDay() - dow + 7) % 7)));
}

function fixed(year: number, month: number, day: number, name: string): FederalHoliday {
  const date = iso(utc(year, month, day));
  const dow = weekday(date);
  const observed = dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
  return { observed, date, name };
}

function floating(date: string, name: string): FederalHoliday {
  return { observed: date, date, name };
}

/** The statutory holidays of a calendar year, each with its observed day (which may fall in the year before). */
function holidaysOf(year: number): FederalHoliday[] {
  return [
    fixed(year, 1, 1, "New Year's Day"),
    floating(nthWeekday(year, 1, 1, 3), 'Birthday of Martin Luther King, Jr.'),
    floating(nthWeekday(year, 2, 1, 3), "Washington's Birthday"),
    floating(nthWeekday(year, 5, 1, -1), 'Memorial Day'),
    fixed(year, 6, 19, 'Juneteenth National Independence Day'),
    fixed(year, 7, 4, 'Independence Day'),
    floating(nthWeekday(year, 9, 1, 1), 'Labor Day'),
    floating(nthWeekday(year, 10, 1, 2), 'Columbus Day'),
    fixed(year, 11, 11, 'Veterans Day'),
    floating(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'),
    fixed(year, 12, 25, 'Christmas Day'),
  ];
}

/** Juneteenth became a legal public holiday on 17 June 2021 (Public Law 117-17). */
const JUNETEENTH_FROM = 2021;

/** The federal holidays observed within a calendar year, in date order. */
export function federalHolidays(year: number): FederalHoliday[] {
  return [...holidaysOf(year), ...holidaysOf(year + 1)]
    .filter(
      (h) =>
        h.name !== 'Juneteenth National Independence Day' || Number(h.date.slice(0, 4)) >= JUNETEENTH_FROM,
    )
    .filter((h) => h.observed.startsWith(`${year}-`))
    .sort((a, b) => a.observed.localeCompare(b.observed));
}

const holidayCache = new Map<number, ReadonlySet<string>>();

function observedSet(year: number): ReadonlySet<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(federalHolidays(year).map((h) => h.observed));
    holidayCache.set(year, set);
  }
  return set;
}

export function isFederalHoliday(date: string): boolean {
  return observedSet(Number(date.slice(0, 4))).has(date);
}

export function isBusinessDay(date: string): boolean {
  const dow = weekday(date);
  return dow !== 0 && dow !== 6 && !isFederalHoliday(date);
}

/** The date `n` business days after `date` (n ≥ 0; n = 0 is `date` itself). */
export function addBusinessDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left -= 1;
  }
  return d;
}

/** How many business days fall after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isBusinessDay(d)) count += 1;
  }
  return count;
}
