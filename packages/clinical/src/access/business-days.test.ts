/** Federal holidays (5 U.S.C. 6103) and business days (docs/clinical-sources.md#good-faith-estimates), table-driven. */
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  federalHolidays,
  isBusinessDay,
  isFederalHoliday,
  parseDate,
} from './business-days.ts';

describe('federal holidays', () => {
  it('lists the eleven observed holidays of 2026', () => {
    expect(federalHolidays(2026).map((h) => [h.observed, h.name])).toEqual([
      ['2026-01-01', "New Year's Day"],
      ['2026-01-19', 'Birthday of Martin Luther King, Jr.'],
      ['2026-02-16', "Washington's Birthday"],
      ['2026-05-25', 'Memorial Day'],
      ['2026-06-19', 'Juneteenth National Independence Day'],
      ['2026-07-03', 'Independence Day'],
      ['2026-09-07', 'Labor Day'],
      ['2026-10-12', 'Columbus Day'],
      ['2026-11-11', 'Veterans Day'],
      ['2026-11-26', 'Thanksgiving Day'],
      ['2026-12-25', 'Christmas Day'],
    ]);
  });

  it.each([
    // [date, holiday?, why]
    ['2026-07-03', true, 'July 4 2026 is a Saturday: observed Friday July 3'],
    ['2026-07-04', false, 'the Saturday itself is not a weekday holiday'],
    ['2027-07-05', true, 'July 4 2027 is a Sunday: observed Monday July 5'],
    ['2021-12-31', true, 'January 1 2022 is a Saturday: observed Friday December 31 2021'],
    ['2022-01-01', false, 'the Saturday New Year is not observed on its own date'],
    ['2023-01-02', true, 'January 1 2023 is a Sunday: observed Monday January 2'],
    ['2025-11-27', true, 'Thanksgiving 2025: fourth Thursday of November'],
    ['2026-11-26', true, 'Thanksgiving 2026'],
    ['2024-11-28', true, 'Thanksgiving 2024 (November has five Thursdays)'],
    ['2024-11-21', false, 'the third Thursday'],
    ['2025-05-26', true, 'Memorial Day 2025: last Monday of May'],
    ['2026-05-25', true, 'Memorial Day 2026'],
    ['2027-06-18', true, 'Juneteenth 2027 is a Saturday: observed Friday June 18'],
    ['2020-06-19', false, 'Juneteenth was not yet a legal public holiday in 2020'],
    ['2028-11-10', true, 'Veterans Day 2028 is a Saturday: observed Friday November 10'],
    ['2022-12-26', true, 'Christmas 2022 is a Sunday: observed Monday December 26'],
    ['2026-10-12', true, 'Columbus Day: second Monday of October'],
    ['2026-03-02', false, 'an ordinary Monday'],
  ])('%s → holiday %s (%s)', (date, holiday) => {
    expect(isFederalHoliday(date)).toBe(holiday);
  });

  it('every year 2020–2040 has its observed holidays, all on weekdays', () => {
    for (let year = 2020; year <= 2040; year += 1) {
      const list = federalHolidays(year);
      // A Saturday New Year's Day is observed on 31 December of the year before.
      const saturdayNewYear = (y: number) => parseDate(`${y}-01-01`).getUTCDay() === 6;
      const expected =
        (year === 2020 ? 10 : 11) + (saturdayNewYear(year + 1) ? 1 : 0) - (saturdayNewYear(year) ? 1 : 0);
      expect(list.length, String(year)).toBe(expected);
      for (const h of list) {
        expect([1, 2, 3, 4, 5]).toContain(parseDate(h.observed).getUTCDay());
      }
    }
  });
});

describe('business days', () => {
  it.each([
    ['2026-03-02', true, 'Monday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-11-26', false, 'Thanksgiving'],
    ['2026-11-27', true, 'the Friday after Thanksgiving is not a federal holiday'],
    ['2026-07-03', false, 'observed Independence Day'],
  ])('%s business day %s (%s)', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it.each([
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 1, '2026-03-03'],
    ['2026-03-06', 1, '2026-03-09'], // Friday → Monday
    ['2026-03-07', 1, '2026-03-09'], // Saturday → Monday
    ['2026-11-25', 1, '2026-11-27'], // over Thanksgiving
    ['2026-11-25', 3, '2026-12-01'],
    ['2026-07-02', 1, '2026-07-06'], // over observed July 4 and the weekend
    ['2026-12-31', 1, '2027-01-04'], // New Year 2027 is a Friday
    ['2021-12-30', 1, '2022-01-03'], // Dec 31 2021 observed New Year's Day
    ['2026-12-24', 3, '2026-12-30'], // over Christmas
  ])('%s + %d business days = %s', (from, n, to) => {
    expect(addBusinessDays(from, n)).toBe(to);
  });

  it.each([
    ['2026-03-02', '2026-03-05', 3],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-05', '2026-03-02', 0],
    ['2026-03-06', '2026-03-09', 1],
    ['2026-11-23', '2026-11-30', 4],
    ['2026-03-02', '2026-03-16', 10],
  ])('business days after %s up to %s = %d', (from, to, n) => {
    expect(businessDaysBetween(from, to)).toBe(n);
  });

  it('rejects a malformed date', () => {
    expect(() => parseDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseDate('2026-2-3')).toThrow(RangeError);
  });
});
