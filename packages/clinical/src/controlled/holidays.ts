/**
 * U.S. federal holidays, for the "one business day" notice deadline of 21 CFR 1301.76(b).
 *
 * Source: 5 U.S.C. 6103(a) lists the eleven legal public holidays — New Year's Day (1 Jan), Birthday of
 * Martin Luther King Jr. (3rd Monday of January), Washington's Birthday (3rd Monday of February), Memorial
 * Day (last Monday of May), Juneteenth National Independence Day (19 June, added by Pub. L. 117-17 in 2021),
 * Independence Day (4 July), Labor Day (1st Monday of September), Columbus Day (2nd Monday of October),
 * Veterans Day (11 November), Thanksgiving Day (4th Thursday of November) and Christmas Day (25 December).
 * Observance: a holiday falling on a Saturday is observed the Friday before, on a Sunday the Monday after
 * (5 U.S.C. 6103(b) and Executive Order 11582; OPM "Federal Holidays" pages). A 1 January on a Saturday is
 * therefore observed on 31 December of the previous year. One-off closures by executive order (for example
 * 24 December 2024) are not predictable: pass them as extra holidays.
 */

import { addDays, dayOfWeek, type IsoDate } from './dates.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** The `n`th (1-based) `weekday` (0 = Sunday) of a month, or the last one when `n` is -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n === -1) {
    const last = addDays(month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1), -1);
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = ymd(year, month, 1);
  return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + 7 * (n - 1));
}

/** Saturday → Friday before, Sunday → Monday after. */
function observed(date: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  return dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
}

export interface FederalHoliday {
  readonly name: string;
  /** The day the holiday is observed (federal offices closed). */
  readonly date: IsoDate;
}

/**
 * Observed federal holidays whose observed date falls in `year` (so 31 Dec may carry the next New Year's).
 * @example usFederalHolidays(2026).find((h) => h.name === 'Independence Day')?.date // '2026-07-03'
 */
export function usFederalHolidays(year: number): FederalHoliday[] {
  const forYear = (y: number): FederalHoliday[] => {
    const list: FederalHoliday[] = [
      { name: "New Year's Day", date: observed(ymd(y, 1, 1)) },
      { name: 'Birthday of Martin Luther King, Jr.', date: nthWeekday(y, 1, 1, 3) },
      { name: "Washington's Birthday", date: nthWeekday(y, 2, 1, 3) },
      { name: 'Memorial Day', date: nthWeekday(y, 5, 1, -1) },
      { name: 'Independence Day', date: observed(ymd(y, 7, 4)) },
      { name: 'Labor Day', date: nthWeekday(y, 9, 1, 1) },
      { name: 'Columbus Day', date: nthWeekday(y, 10, 1, 2) },
      { name: 'Veterans Day', date: observed(ymd(y, 11, 11)) },
      { name: 'Thanksgiving Day', date: nthWeekday(y, 11, 4, 4) },
      { name: 'Christmas Day', date: observed(ymd(y, 12, 25)) },
    ];
    if (y >= 2021) list.push({ name: 'Juneteenth National Independence Day', date: observed(ymd(y, 6, 19)) });
    return list;
  };
  return [...forYear(year), ...forYear(year + 1)]
    .filter((h) => h.date.startsWith(`${year}-`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * True on Saturdays, Sundays, observed federal holidays and any `extraHolidays`.
 * @example isBusinessDay('2025-11-27') // false (Thanksgiving)
 */
export function isBusinessDay(date: IsoDate, extraHolidays: Iterable<IsoDate> = []): boolean {
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return false;
  if (new Set(extraHolidays).has(date)) return false;
  return !usFederalHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/**
 * The first business day strictly after `date`.
 * @example nextBusinessDay('2025-07-03') // '2025-07-07' (4 July holiday, then the weekend)
 */
export function nextBusinessDay(date: IsoDate, extraHolidays: Iterable<IsoDate> = []): IsoDate {
  const extra = [...extraHolidays];
  let d = addDays(date, 1);
  while (!isBusinessDay(d, extra)) d = addDays(d, 1);
  return d;
}
