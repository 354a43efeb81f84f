import { describe, expect, it } from 'vitest';
import { isBusinessDay, nextBusinessDay, usFederalHolidays } from './holidays.ts';

const dates = (year: number) => usFederalHolidays(year).map((h) => h.date);

describe('usFederalHolidays (5 U.S.C. 6103, observed dates per OPM)', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-20',
        '2025-02-17',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-10-13',
        '2025-11-11',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    // 2027: Juneteenth and Christmas on Saturday → Friday; 4 July on Sunday → Monday; 1 Jan 2028 (Saturday) → 31 Dec 2027.
    [
      2027,
      [
        '2027-01-01',
        '2027-01-18',
        '2027-02-15',
        '2027-05-31',
        '2027-06-18',
        '2027-07-05',
        '2027-09-06',
        '2027-10-11',
        '2027-11-11',
        '2027-11-25',
        '2027-12-24',
        '2027-12-31',
      ],
    ],
    // 2022: 1 Jan on Saturday was observed on 31 Dec 2021, so 2022 has no January 1 closure.
    [
      2022,
      [
        '2022-01-17',
        '2022-02-21',
        '2022-05-30',
        '2022-06-20',
        '2022-07-04',
        '2022-09-05',
        '2022-10-10',
        '2022-11-11',
        '2022-11-24',
        '2022-12-26',
      ],
    ],
    // Before Juneteenth became a federal holiday (Pub. L. 117-17, 2021).
    [
      2020,
      [
        '2020-01-01',
        '2020-01-20',
        '2020-02-17',
        '2020-05-25',
        '2020-07-03',
        '2020-09-07',
        '2020-10-12',
        '2020-11-11',
        '2020-11-26',
        '2020-12-25',
      ],
    ],
  ])('%i', (year, expected) => expect(dates(year)).toEqual(expected));

  it('2021 carries 31 December as the observed New Year of 2022', () => {
    expect(dates(2021)).toContain('2021-12-31');
    expect(usFederalHolidays(2021).find((h) => h.date === '2021-12-31')?.name).toBe("New Year's Day");
  });
});

describe('business days', () => {
  it.each([
    ['2025-07-04', [], false],
    ['2025-07-05', [], false],
    ['2025-07-07', [], true],
    ['2025-12-24', [], true],
    ['2025-12-24', ['2025-12-24'], false],
    ['2026-07-03', [], false],
  ] as const)('isBusinessDay(%s, %j) = %s', (d, extra, out) => expect(isBusinessDay(d, extra)).toBe(out));

  it.each([
    ['2025-03-03', '2025-03-04'],
    ['2025-03-07', '2025-03-10'],
    ['2025-03-08', '2025-03-10'],
    ['2025-07-03', '2025-07-07'],
    ['2025-11-26', '2025-11-28'],
    ['2025-12-31', '2026-01-02'],
    ['2027-12-30', '2028-01-03'],
  ])('nextBusinessDay(%s) = %s', (d, out) => expect(nextBusinessDay(d)).toBe(out));
});
