import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantToLocal, isoWeekday, localToInstant, parseTime } from './zoned.ts';

const NY = 'America/New_York';

describe('localToInstant', () => {
  it.each([
    // [zone, date, time, expected instant, why]
    [NY, '2027-03-13', '10:00', '2027-03-13T15:00:00.000Z', 'EST day before spring-forward'],
    [NY, '2027-03-14', '01:59', '2027-03-14T06:59:00.000Z', 'last minute before the gap'],
    [NY, '2027-03-14', '02:00', '2027-03-14T07:00:00.000Z', 'gap start → 03:00 EDT'],
    [NY, '2027-03-14', '02:30', '2027-03-14T07:30:00.000Z', 'in the gap → 03:30 EDT'],
    [NY, '2027-03-14', '02:59', '2027-03-14T07:59:00.000Z', 'last gap minute → 03:59 EDT'],
    [NY, '2027-03-14', '03:00', '2027-03-14T07:00:00.000Z', 'gap end, real time'],
    [NY, '2027-03-14', '10:00', '2027-03-14T14:00:00.000Z', 'EDT after the change'],
    [NY, '2027-11-07', '00:59', '2027-11-07T04:59:00.000Z', 'before the overlap'],
    [NY, '2027-11-07', '01:00', '2027-11-07T05:00:00.000Z', 'overlap start: first (EDT) occurrence'],
    [NY, '2027-11-07', '01:30', '2027-11-07T05:30:00.000Z', 'overlap: first (EDT) occurrence'],
    [NY, '2027-11-07', '01:59', '2027-11-07T05:59:00.000Z', 'overlap end: first occurrence'],
    [NY, '2027-11-07', '02:00', '2027-11-07T07:00:00.000Z', 'after the overlap (EST)'],
    [NY, '2027-11-07', '10:00', '2027-11-07T15:00:00.000Z', 'EST after the change'],
    ['Europe/London', '2027-03-28', '01:30', '2027-03-28T01:30:00.000Z', 'London gap → 02:30 BST'],
    ['Europe/London', '2027-03-28', '02:00', '2027-03-28T01:00:00.000Z', 'London after gap'],
    ['Europe/London', '2027-10-31', '01:30', '2027-10-31T00:30:00.000Z', 'London overlap: BST occurrence'],
    ['Europe/London', '2027-07-01', '09:00', '2027-07-01T08:00:00.000Z', 'London summer'],
    ['Europe/London', '2027-01-04', '09:00', '2027-01-04T09:00:00.000Z', 'London winter'],
    ['Australia/Lord_Howe', '2027-10-03', '02:15', '2027-10-02T15:45:00.000Z', '30-min gap → 02:45 (+11)'],
    ['Australia/Lord_Howe', '2027-10-03', '02:30', '2027-10-02T15:30:00.000Z', 'after the 30-min gap'],
    ['Australia/Lord_Howe', '2027-04-04', '01:45', '2027-04-03T14:45:00.000Z', '30-min overlap: +11 first'],
    ['Australia/Lord_Howe', '2027-04-04', '02:00', '2027-04-03T15:30:00.000Z', 'after overlap (+10:30)'],
    ['Asia/Kolkata', '2027-03-14', '02:30', '2027-03-13T21:00:00.000Z', 'no DST, +05:30'],
    ['Asia/Kolkata', '2027-01-01', '00:00', '2026-12-31T18:30:00.000Z', 'midnight crosses back a year'],
    ['UTC', '2027-03-14', '02:30', '2027-03-14T02:30:00.000Z', 'UTC'],
    ['UTC', '2028-02-29', '23:59', '2028-02-29T23:59:00.000Z', 'leap day'],
  ])('%s %s %s → %s (%s)', (zone, date, time, expected) => {
    expect(localToInstant(date, time, zone).toISOString()).toBe(expected);
  });

  it('the shifted gap time reads back as the time after the gap', () => {
    expect(instantToLocal(localToInstant('2027-03-14', '02:30', NY), NY).time).toBe('03:30');
    expect(
      instantToLocal(localToInstant('2027-10-03', '02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe')
        .time,
    ).toBe('02:45');
  });

  it.each([
    ['2027-3-14', '10:00', NY],
    ['2027-02-29', '10:00', NY],
    ['2027-13-01', '10:00', NY],
    ['2027-03-14', '24:00', NY],
    ['2027-03-14', '10:60', NY],
    ['2027-03-14', '9:00', NY],
    ['2027-03-14', '10:00', 'Mars/Olympus'],
  ])('rejects %s %s %s', (date, time, zone) => {
    expect(() => localToInstant(date, time, zone)).toThrow(RangeError);
  });
});

describe('instantToLocal', () => {
  it.each([
    ['2027-03-16T14:00:00Z', NY, { date: '2027-03-16', time: '10:00', weekday: 2, minutes: 600 }],
    ['2027-03-14T06:59:00Z', NY, { date: '2027-03-14', time: '01:59', weekday: 7, minutes: 119 }],
    ['2027-03-14T07:00:00Z', NY, { date: '2027-03-14', time: '03:00', weekday: 7, minutes: 180 }],
    ['2027-11-07T05:30:00Z', NY, { date: '2027-11-07', time: '01:30', weekday: 7, minutes: 90 }],
    ['2027-11-07T06:30:00Z', NY, { date: '2027-11-07', time: '01:30', weekday: 7, minutes: 90 }],
    ['2027-03-01T04:59:59Z', NY, { date: '2027-02-28', time: '23:59', weekday: 7, minutes: 1439 }],
    ['2027-03-01T05:00:00Z', NY, { date: '2027-03-01', time: '00:00', weekday: 1, minutes: 0 }],
    ['2026-12-31T18:30:00Z', 'Asia/Kolkata', { date: '2027-01-01', time: '00:00', weekday: 5, minutes: 0 }],
    ['2027-06-30T23:45:00Z', 'UTC', { date: '2027-06-30', time: '23:45', weekday: 3, minutes: 1425 }],
  ])('%s in %s', (iso, zone, expected) => {
    expect(instantToLocal(new Date(iso), zone)).toEqual(expected);
  });

  it('rejects an invalid instant', () => {
    expect(() => instantToLocal(new Date('nope'), NY)).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2027-02-27', 2, '2027-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2027-03-14', 0, '2027-03-14'],
    ['2027-03-01', 180, '2027-08-28'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('addDays rejects a fraction', () => {
    expect(() => addDays('2027-03-01', 0.5)).toThrow(RangeError);
  });

  it.each([
    ['2027-03-01', 1],
    ['2027-03-02', 2],
    ['2027-03-06', 6],
    ['2027-03-07', 7],
    ['2027-03-14', 7],
    ['2028-02-29', 2],
  ])('isoWeekday(%s) = %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });

  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
  ])('parseTime(%s) = %i', (time, expected) => {
    expect(parseTime(time)).toBe(expected);
  });
});
