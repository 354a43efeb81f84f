import { describe, expect, it } from 'vitest';
import { defaultAlertThresholds } from '../protocols/default-building-blocks.ts';
import type { VitalParameter } from '../protocols/types.ts';
import { evaluateReading, invalidReadingFields } from './reading.ts';
import type { VitalsReading } from './types.ts';

const t = defaultAlertThresholds();

describe('evaluateReading boundaries (defaults: SpO2 < 92, SBP ≥ 180, DBP ≥ 110, HR > 130 / < 45, RR < 10, MOAA/S ≤ 2)', () => {
  it.each<[VitalParameter, number, number | null, 'above' | 'below' | null]>([
    // parameter, value, threshold crossed (null = none), direction
    ['spo2', 92, null, null],
    ['spo2', 91.9, 92, 'below'],
    ['spo2', 91, 92, 'below'],
    ['spo2', 100, null, null],
    ['sbp', 179, null, null],
    ['sbp', 179.9, null, null],
    ['sbp', 180, 180, 'above'],
    ['sbp', 200, 180, 'above'],
    ['dbp', 109, null, null],
    ['dbp', 110, 110, 'above'],
    ['hr', 130, null, null],
    ['hr', 130.1, 130, 'above'],
    ['hr', 131, 130, 'above'],
    ['hr', 45, null, null],
    ['hr', 44, 45, 'below'],
    ['rr', 10, null, null],
    ['rr', 9, 10, 'below'],
    ['moaas', 3, null, null],
    ['moaas', 2, 2, 'below'],
    ['moaas', 0, 2, 'below'],
    ['moaas', 5, null, null],
  ])('%s %s → %s', (parameter, value, threshold, direction) => {
    const out = evaluateReading(t, { [parameter]: value });
    if (threshold === null) expect(out).toEqual([]);
    else expect(out).toEqual([{ parameter, value, threshold, direction, severity: 'alert' }]);
  });

  it('reports every crossing in a fixed order', () => {
    const r: VitalsReading = { spo2: 88, sbp: 190, dbp: 115, hr: 140, rr: 8, moaas: 1 };
    expect(evaluateReading(t, r).map((c) => c.parameter)).toEqual([
      'spo2',
      'sbp',
      'dbp',
      'hr',
      'rr',
      'moaas',
    ]);
  });

  it('uses thresholds passed in, and per-parameter severity', () => {
    const custom = { ...t, spo2Below: 94, severity: { spo2: 'critical' as const } };
    expect(evaluateReading(custom, { spo2: 93 })).toEqual([
      { parameter: 'spo2', value: 93, threshold: 94, direction: 'below', severity: 'critical' },
    ]);
  });

  it('skips parameters with no threshold or no finite value', () => {
    expect(evaluateReading({ source: 'x' }, { spo2: 50, sbp: 250 })).toEqual([]);
    expect(evaluateReading(t, { spo2: Number.NaN, sbp: '200' as unknown as number })).toEqual([]);
    expect(evaluateReading(t, {})).toEqual([]);
  });
});

describe('invalidReadingFields', () => {
  it.each<[VitalsReading, VitalParameter[]]>([
    [{ spo2: 98, sbp: 120, dbp: 80, hr: 70, rr: 14, moaas: 5 }, []],
    [{ spo2: 101 }, ['spo2']],
    [{ hr: Number.NaN }, ['hr']],
    [{ moaas: 2.5 }, ['moaas']],
    [{ moaas: 6 }, ['moaas']],
    [{ sbp: -1, dbp: '80' as unknown as number }, ['sbp', 'dbp']],
  ])('%j → %j', (reading, bad) => {
    expect(invalidReadingFields(reading)).toEqual(bad);
  });
});
