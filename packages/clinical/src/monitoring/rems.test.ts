/**
 * SPRAVATO REMS Patient Monitoring Form pre-fill. BP about 40 min after the dose: SPRAVATO US prescribing
 * information sections 2 and 5 (BP before dosing and about 40 minutes after); the 30–50 minute window is
 * Plasticity's. Concomitant classes: SPRAVATO US prescribing information section 7.
 */
import { describe, expect, it } from 'vitest';
import { type BpReading, remsBpAbout40Min } from './rems.ts';

const T0 = '2026-03-02T15:00:00.000Z';
const at = (min: number) => new Date(Date.parse(T0) + min * 60_000).toISOString();
const bp = (min: number, sbp: number | null = 120 + min, dbp: number | null = 80): BpReading => ({
  at: at(min),
  sbp,
  dbp,
});

describe('remsBpAbout40Min', () => {
  it.each<[string, BpReading[], number | null]>([
    ['20, 35, 44, 60 min → 44 (4 min from 40; 35 is 5 away)', [bp(20), bp(35), bp(44), bp(60)], 44],
    ['first reading after the dose is not taken: 5, 45 → 45', [bp(5), bp(45)], 45],
    ['30 min counts (window start inclusive)', [bp(30)], 30],
    ['50 min counts (window end inclusive)', [bp(50)], 50],
    ['29.9 and 50.1 min are outside', [bp(29.9), bp(50.1)], null],
    ['a tie takes the earlier reading: 38, 42 → 38', [bp(42), bp(38)], 38],
    ['a reading without systolic BP is skipped', [bp(40, null, 80), bp(47)], 47],
    ['readings before the dose never count', [bp(-40), bp(-5)], null],
    ['none → blank', [bp(20), bp(60)], null],
    ['no readings → blank', [], null],
  ])('%s', (_name, readings, expectedMin) => {
    const r = remsBpAbout40Min(readings, T0);
    expect(r.reading?.minutesAfterFirstDevice ?? null).toBe(
      expectedMin === null ? null : Math.round(expectedMin),
    );
    if (expectedMin === null)
      expect(r.flag).toBe('no blood pressure recorded 30–50 minutes after the first device');
    else expect(r.flag).toBeNull();
  });

  it('returns the reading’s own values and time', () => {
    expect(remsBpAbout40Min([bp(41, 150, 95)], new Date(T0)).reading).toEqual({
      at: at(41),
      sbp: 150,
      dbp: 95,
      minutesAfterFirstDevice: 41,
    });
  });

  it('without a dose there is nothing to measure from', () => {
    expect(remsBpAbout40Min([bp(40)], null)).toEqual({ reading: null, flag: 'no dose recorded yet' });
  });
});
