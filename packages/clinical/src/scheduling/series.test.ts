import { describe, expect, it } from 'vitest';
import { type WeeklySeriesInput, weeklySeries } from './series.ts';

const NY = 'America/New_York';
const iso = (input: WeeklySeriesInput): string[] => weeklySeries(input).map((d) => d.toISOString());

describe('weeklySeries', () => {
  it('keeps 10:00 local across spring-forward: 15:00Z before 2027-03-14, 14:00Z after', () => {
    expect(iso({ firstDate: '2027-03-02', time: '10:00', weekdays: [2], count: 4, timeZone: NY })).toEqual([
      '2027-03-02T15:00:00.000Z',
      '2027-03-09T15:00:00.000Z',
      '2027-03-16T14:00:00.000Z',
      '2027-03-23T14:00:00.000Z',
    ]);
  });

  it('keeps 10:00 local across fall-back: 14:00Z before 2027-11-07, 15:00Z after', () => {
    expect(iso({ firstDate: '2027-10-26', time: '10:00', weekdays: [2], count: 4, timeZone: NY })).toEqual([
      '2027-10-26T14:00:00.000Z',
      '2027-11-02T14:00:00.000Z',
      '2027-11-09T15:00:00.000Z',
      '2027-11-16T15:00:00.000Z',
    ]);
  });

  it.each([
    // [firstDate (weekday), weekdays, count, expected local dates]
    ['2027-03-02', [2], 1, ['2027-03-02']], // starts on a matching day
    ['2027-03-03', [2], 1, ['2027-03-09']], // the day after: next week
    ['2027-03-01', [1, 3, 5], 4, ['2027-03-01', '2027-03-03', '2027-03-05', '2027-03-08']],
    ['2027-03-01', [5, 1], 3, ['2027-03-01', '2027-03-05', '2027-03-08']], // order of weekdays irrelevant
    ['2027-03-06', [7], 2, ['2027-03-07', '2027-03-14']], // Sunday = 7
    ['2027-03-01', [2], 0, []],
  ])('from %s on %j × %i', (firstDate, weekdays, count, dates) => {
    const got = weeklySeries({ firstDate, time: '00:00', weekdays, count, timeZone: 'UTC' });
    expect(got.map((d) => d.toISOString().slice(0, 10))).toEqual(dates);
  });

  it.each([
    [{ weekdays: [] as number[] }],
    [{ weekdays: [0] }],
    [{ weekdays: [8] }],
    [{ count: -1 }],
    [{ count: 1.5 }],
    [{ time: '25:00' }],
  ])('rejects %j', (bad) => {
    const base = { firstDate: '2027-03-01', time: '10:00', weekdays: [1], count: 2, timeZone: NY };
    expect(() => weeklySeries({ ...base, ...bad })).toThrow(RangeError);
  });
});
