import { describe, expect, it } from 'vitest';
import { nextVitalsDueAt, vitalsOverdue } from './overdue.ts';

const LAST = '2025-06-01T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(LAST) + ms).toISOString();

describe('vitalsOverdue', () => {
  it.each<[string, number, Date | string | null | undefined, string, boolean]>([
    ['14:59 after, cadence 15', 15, LAST, at(14 * 60_000 + 59_000), false],
    ['exactly 15:00 after → due, not overdue', 15, LAST, at(15 * 60_000), false],
    ['15:00.001 after → overdue', 15, LAST, at(15 * 60_000 + 1), true],
    ['cadence 10, 10:01 after', 10, LAST, at(10 * 60_000 + 1000), true],
    ['Date objects work', 10, new Date(LAST), at(5 * 60_000), false],
    ['no reading yet → overdue', 15, null, LAST, true],
    ['undefined reading → overdue', 15, undefined, LAST, true],
    ['reading in the future → not overdue', 15, at(60_000), LAST, false],
    ['invalid last date → overdue', 15, 'garbage', LAST, true],
    ['invalid now → overdue', 15, LAST, 'garbage', true],
    ['cadence 0 → overdue', 0, LAST, LAST, true],
    ['cadence NaN → overdue', Number.NaN, LAST, LAST, true],
  ])('%s', (_n, cadence, last, now, overdue) => {
    expect(vitalsOverdue(cadence, last, now)).toBe(overdue);
  });
});

describe('nextVitalsDueAt', () => {
  it('adds the cadence to the last reading', () => {
    expect(nextVitalsDueAt(15, LAST)).toBe('2025-06-01T10:15:00.000Z');
    expect(nextVitalsDueAt(15, null)).toBeNull();
    expect(nextVitalsDueAt(-1, LAST)).toBeNull();
  });
});
