import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  localDate,
  toDayNumber,
} from './dates.ts';

describe('isIsoDate', () => {
  it.each([
    ['2025-01-01', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-1', false],
    ['2025-01-01T00:00:00Z', false],
    ['0999-01-01', false],
    ['', false],
    [20250101, false],
  ] as const)('%s → %s', (v, ok) => expect(isIsoDate(v)).toBe(ok));
});

describe('day arithmetic', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-09', 45, '2025-04-23'],
    ['2025-01-01', 365, '2026-01-01'],
  ] as const)('addDays(%s, %i) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it.each([
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-06-15', -1, '2024-06-15'],
  ] as const)('addYears(%s, %i) = %s', (d, n, out) => expect(addYears(d, n)).toBe(out));

  it('days between, day of week, comparisons, round trips', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
    expect(dayOfWeek('2025-07-04')).toBe(5);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
    expect(isWeekend('2025-07-05') && isWeekend('2025-07-06') && !isWeekend('2025-07-07')).toBe(true);
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(fromDayNumber(toDayNumber('2031-08-17'))).toBe('2031-08-17');
  });

  it('throws on invalid input', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-02-01', 1.5)).toThrow(RangeError);
    expect(() => compareDates('x', '2025-01-01')).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it.each([
    ['2025-03-01T03:00:00Z', 'America/New_York', '2025-02-28'],
    ['2025-03-01T05:00:00Z', 'America/New_York', '2025-03-01'],
    ['2025-07-04T06:30:00Z', 'America/Los_Angeles', '2025-07-03'],
    ['2025-07-04T06:30:00Z', 'Pacific/Honolulu', '2025-07-03'],
    ['2025-12-31T23:30:00-10:00', 'America/New_York', '2026-01-01'],
    ['2025-11-02T05:30:00Z', 'America/Chicago', '2025-11-02'],
    ['2025-06-01', 'America/Denver', '2025-06-01'],
  ])('%s in %s → %s', (instant, tz, out) => expect(localDate(instant, tz)).toBe(out));

  it('accepts a Date and refuses ambiguous or bad input', () => {
    expect(localDate(new Date('2025-03-01T03:00:00Z'), 'UTC')).toBe('2025-03-01');
    expect(() => localDate('2025-03-01T03:00:00', 'UTC')).toThrow(RangeError);
    expect(() => localDate('yesterday', 'UTC')).toThrow(RangeError);
    expect(() => localDate('2025-03-01T03:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});
