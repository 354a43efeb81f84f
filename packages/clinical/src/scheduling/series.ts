/**
 * Weekly repeating appointments at a fixed LOCAL time (a standing therapy slot, a maintenance dosing day).
 *
 * The local time is kept across daylight-saving changes: Tuesday 10:00 stays 10:00 on the clinic's wall clock,
 * so the UTC time moves by an hour. DST gap and overlap rules are those of `localToInstant` (zoned.ts).
 */
import { addDays, isoWeekday, localToInstant, parseTime } from './zoned.ts';

export interface WeeklySeriesInput {
  /** `YYYY-MM-DD`: the first occurrence is on or after this date. */
  firstDate: string;
  /** `HH:MM` local time of every occurrence. */
  time: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday); at least one. */
  weekdays: number[];
  /** How many occurrences (a whole number ≥ 0). */
  count: number;
  /** The clinic's IANA time zone. */
  timeZone: string;
}

/**
 * The first `count` occurrences, on the given weekdays at the given local time, from `firstDate` on, in order.
 * RangeError for no weekday, a weekday outside 1–7, a negative or fractional count, a bad date or time.
 *
 * @example
 * weeklySeries({ firstDate: '2027-03-02', time: '10:00', weekdays: [2], count: 3, timeZone: 'America/New_York' })
 *   .map((d) => d.toISOString());
 * // ['2027-03-02T15:00:00.000Z', '2027-03-09T15:00:00.000Z', '2027-03-16T14:00:00.000Z']
 */
export function weeklySeries(input: WeeklySeriesInput): Date[] {
  const { firstDate, time, weekdays, count, timeZone } = input;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (weekdays.length === 0) throw new RangeError('weekdays must name at least one day');
  for (const w of weekdays) {
    if (!Number.isInteger(w) || w < 1 || w > 7) throw new RangeError(`weekday must be 1–7, got ${w}`);
  }
  parseTime(time);
  const wanted = new Set(weekdays);
  const out: Date[] = [];
  for (let day = firstDate; out.length < count; day = addDays(day, 1)) {
    if (wanted.has(isoWeekday(day))) out.push(localToInstant(day, time, timeZone));
  }
  return out;
}
