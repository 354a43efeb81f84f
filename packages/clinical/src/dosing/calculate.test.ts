import { describe, expect, it } from 'vitest';
import type { Protocol } from '../protocols/types.ts';
import { calculateDose } from './calculate.ts';
import { adult, ctx, iv } from './test-fixtures.ts';
import type { DoseContext, DoseInput } from './types.ts';

describe('calculateDose: weight-based arithmetic (IV)', () => {
  it.each<[string, DoseInput, number, number | undefined, number | undefined]>([
    // name, input, doseMg, volumeMl, rateMlPerHour
    [
      'default 0.5 mg/kg × 70 kg, 10 mg/mL, 100 mL bag',
      { weightKg: 70, concentrationMgPerMl: 10, bagVolumeMl: 100 },
      35,
      3.5,
      150,
    ],
    [
      'drug volume over 40 min (3.5 mL → 5.25 → 5.3 mL/h)',
      { weightKg: 70, concentrationMgPerMl: 10 },
      35,
      3.5,
      5.3,
    ],
    ['0.5 × 70.1 = 35.05 → 35.1 (half up, exact)', { weightKg: 70.1 }, 35.1, undefined, undefined],
    [
      '0.15 × 67 = 10.05 → 10.1 (float would give 10.0)',
      { weightKg: 67, mgPerKg: 0.15 },
      10.1,
      undefined,
      undefined,
    ],
    [
      '0.55 × 72.3 = 39.765 → 39.8; 39.8/50 = 0.796 → 0.80',
      { weightKg: 72.3, mgPerKg: 0.55, concentrationMgPerMl: 50 },
      39.8,
      0.8,
      1.2,
    ],
    ['volume half up: 40.5/100 = 0.405 → 0.41', { weightKg: 81, concentrationMgPerMl: 100 }, 40.5, 0.41, 0.6],
    [
      'rate from exact volume: 33.3/50 = 0.666 mL → 0.999 → 1.0 mL/h',
      { weightKg: 66.6, concentrationMgPerMl: 50 },
      33.3,
      0.67,
      1,
    ],
    [
      'bag 100 mL over 45 min = 133.3 mL/h',
      { weightKg: 70, concentrationMgPerMl: 50, bagVolumeMl: 100, durationMin: 45 },
      35,
      0.7,
      133.3,
    ],
    ['bag 250 mL over default 40 min = 375 mL/h', { weightKg: 80, bagVolumeMl: 250 }, 40, undefined, 375],
    [
      'max 0.75 mg/kg × 120 kg = 90 mg (under the 100 mg cap)',
      { weightKg: 120, mgPerKg: 0.75 },
      90,
      undefined,
      undefined,
    ],
  ])('%s', (_name, input, doseMg, volumeMl, rate) => {
    const r = calculateDose({ ...adult, ...input }, iv, ctx);
    expect(r.blocked).toBe(false);
    expect(r.reasons).toEqual([]);
    expect(r.doseMg).toBe(doseMg);
    expect(r.volumeMl).toBe(volumeMl);
    expect(r.rateMlPerHour).toBe(rate);
    expect(r.overridden).toBe(false);
  });

  it('records the inputs used, including defaults', () => {
    const r = calculateDose({ weightKg: 70, ageYears: 40, concentrationMgPerMl: 10 }, iv, ctx);
    expect(r.inputs).toMatchObject({
      protocolId: iv.id,
      protocolVersion: 1,
      doseKind: 'weight_based',
      weightKg: 70,
      mgPerKg: 0.5,
      mgPerKgFrom: 'protocol_default',
      durationMin: 40,
      durationFrom: 'protocol',
      maxWeightAgeDays: 30,
      weightAgeDays: 1,
    });
  });
});
function numbersIn(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v !== 'object' || v === null) return [];
  return Object.values(v).flatMap(numbersIn);
}

describe('calculateDose: invalid numbers name the field and never yield NaN', () => {
  const fields = [
    'weightKg',
    'mgPerKg',
    'concentrationMgPerMl',
    'durationMin',
    'bagVolumeMl',
    'ageYears',
  ] as const;
  const bad: unknown[] = [
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    '70',
    null,
    true,
    {},
  ];
  const rows = fields.flatMap((f) => bad.map((v) => [f, v] as const));
  it.each(rows)('%s = %s → blocked', (field, value) => {
    const input = {
      weightKg: 70,
      ageYears: 40,
      concentrationMgPerMl: 10,
      [field]: value,
    } as unknown as DoseInput;
    const r = calculateDose(input, iv, ctx);
    expect(r.blocked).toBe(true);
    expect(r.reasons.some((m) => m.includes(field))).toBe(true);
    expect(numbersIn(r).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(r.doseMg)).toBe(true);
  });

  it('non-object input and missing ctx are blocked, not thrown', () => {
    expect(calculateDose(null as unknown as DoseInput, iv, ctx).blocked).toBe(true);
    expect(calculateDose({ weightKg: 70 }, iv, undefined as unknown as DoseContext).blocked).toBe(true);
  });

  it('an invalid protocol blocks with its validation errors', () => {
    const broken = { ...iv, dose: { ...iv.dose, protocolMaxMgPerKg: 5 } } as Protocol;
    const r = calculateDose({ weightKg: 70, ageYears: 40 }, broken, ctx);
    expect(r.blocked).toBe(true);
    expect(r.reasons[0]).toMatch(/protocol invalid at dose.protocolMaxMgPerKg/);
  });
});
