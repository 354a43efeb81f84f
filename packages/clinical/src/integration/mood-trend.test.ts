import { describe, expect, it } from 'vitest';
import { latestPerLocalDay } from './mood-trend.ts';

const c = (iso: string, score: number) => ({ score, recordedAt: new Date(iso) });

describe('mood trend: the latest check-in per clinic-local day', () => {
  it.each([
    ['no check-ins', [], 'America/New_York', []],
    [
      'two on one day: the later one',
      [c('2026-03-10T14:00:00Z', 3), c('2026-03-10T20:00:00Z', 6)],
      'America/New_York',
      [['2026-03-10', 6]],
    ],
    [
      'late evening in New York is still that day (UTC is already the next)',
      [c('2026-03-10T14:00:00Z', 3), c('2026-03-11T03:30:00Z', 8)],
      'America/New_York',
      [['2026-03-10', 8]],
    ],
    [
      'the same instants split across two days in UTC',
      [c('2026-03-10T14:00:00Z', 3), c('2026-03-11T03:30:00Z', 8)],
      'UTC',
      [
        ['2026-03-10', 3],
        ['2026-03-11', 8],
      ],
    ],
    [
      'given out of order: oldest day first',
      [c('2026-03-12T15:00:00Z', 7), c('2026-03-10T15:00:00Z', 2), c('2026-03-11T15:00:00Z', 5)],
      'America/Chicago',
      [
        ['2026-03-10', 2],
        ['2026-03-11', 5],
        ['2026-03-12', 7],
      ],
    ],
    [
      'out of order within a day: still the latest',
      [c('2026-03-10T22:00:00Z', 9), c('2026-03-10T13:00:00Z', 1)],
      'America/New_York',
      [['2026-03-10', 9]],
    ],
  ] as const)('%s', (_case, checkIns, tz, expected) => {
    const days = latestPerLocalDay(checkIns, tz);
    expect(days.map((d) => [d.date, d.score])).toEqual(expected);
  });

  it('keeps the time of the check-in it shows', () => {
    const [day] = latestPerLocalDay([c('2026-03-10T14:00:00Z', 3)], 'America/New_York');
    expect(day?.recordedAt.toISOString()).toBe('2026-03-10T14:00:00.000Z');
  });
});
