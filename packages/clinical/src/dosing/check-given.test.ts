/**
 * `checkGivenDose`: a dose given in mg judged by the calculator's own rules. Limits are read from the
 * protocol under test (the default IV and IM protocols and a copy with explicit limits), never restated here
 * except as the expected verdicts. Sources: see `calculate.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../protocols/types.ts';
import { checkGivenDose, reasonInWords } from './check-given.ts';
import { adult, ctx, esk, iv, OK } from './test-fixtures.ts';

/** IV with a protocol maximum of 0.75 mg/kg below a ceiling of 1.0 mg/kg. */
const ivLowMax: Protocol = {
  ...iv,
  dose: { ...iv.dose, protocolMaxMgPerKg: 0.75, absoluteCeilingMgPerKg: 1.0 } as Protocol['dose'],
};

describe('checkGivenDose: weight-based doses given in mg', () => {
  it.each<[string, number, number, boolean, number, boolean]>([
    // name, doseMg, weightKg, blocked, mgPerKg, overrideWouldAllow
    ['0.5 mg/kg: 36 mg for 72 kg', 36, 72, false, 0.5, false],
    ['exactly at the maximum: 54 mg for 72 kg', 54, 72, false, 0.75, false],
    ['just above the maximum (mg ÷ kg exactly): 54.1 mg for 72 kg', 54.1, 72, true, 0.75, true],
    ['above the maximum, below the ceiling: 0.9 mg/kg', 64.8, 72, true, 0.9, true],
    ['exactly at the ceiling (1.0 × 72)', 72, 72, true, 1, true],
    ['above the ceiling: 200 mg for 72 kg', 200, 72, true, 2.78, false],
  ])('%s', (_name, doseMg, weightKg, blocked, mgPerKg, overrideWouldAllow) => {
    const r = checkGivenDose({ doseMg, weightKg, ...adult }, ivLowMax, ctx);
    expect(r.result.blocked).toBe(blocked);
    expect(r.mgPerKg).toBe(mgPerKg);
    expect(r.result.doseMg).toBe(doseMg);
    expect(r.overrideWouldAllow).toBe(overrideWouldAllow);
  });

  it('names the limit that is exceeded', () => {
    const max = checkGivenDose({ doseMg: 64.8, weightKg: 72, ...adult }, ivLowMax, ctx).result.reasons;
    expect(max.join(' ')).toMatch(/protocol maximum of 0\.75 mg\/kg/);
    const ceiling = checkGivenDose({ doseMg: 200, weightKg: 72, ...adult }, iv, ctx).result.reasons;
    expect(ceiling.join(' ')).toMatch(/2\.78 mg\/kg .*ceiling/);
  });

  it('allows a dose above the maximum only with a verified override, never above the ceiling', () => {
    expect(
      checkGivenDose({ doseMg: 64.8, weightKg: 72, ...adult, override: OK }, ivLowMax, ctx).result,
    ).toMatchObject({ blocked: false, overridden: true });
    const unverified = { reason: 'partial response', verified: false };
    expect(
      checkGivenDose({ doseMg: 64.8, weightKg: 72, ...adult, override: unverified }, ivLowMax, ctx).result
        .blocked,
    ).toBe(true);
    expect(
      checkGivenDose({ doseMg: 200, weightKg: 72, ...adult, override: OK }, iv, ctx).result.blocked,
    ).toBe(true);
  });

  it('refuses without a weight, and applies the calculator’s age and weight-recency rules', () => {
    expect(checkGivenDose({ doseMg: 36, ...adult }, iv, ctx).result.blocked).toBe(true);
    expect(checkGivenDose({ doseMg: 36, weightKg: 72, ageYears: 16 }, iv, ctx).result.blocked).toBe(true);
    const stale = { ...ctx, weightMeasuredAt: '2025-01-01T00:00:00Z' };
    expect(checkGivenDose({ doseMg: 36, weightKg: 72, ...adult }, iv, stale).result.blocked).toBe(true);
  });

  it('gives the calculator’s volume and rate for the dose given', () => {
    const r = checkGivenDose(
      { doseMg: 35, weightKg: 70, concentrationMgPerMl: 10, ...adult },
      iv,
      ctx,
    ).result;
    expect(r).toMatchObject({ blocked: false, volumeMl: 3.5, rateMlPerHour: 5.3 });
  });
});

describe('checkGivenDose: fixed doses', () => {
  it.each<[number, boolean]>([
    [56, false],
    [84, false],
    [60, true],
  ])('esketamine %s mg → blocked %s', (doseMg, blocked) => {
    const r = checkGivenDose({ doseMg, ...adult }, esk, ctx);
    expect(r.result.blocked).toBe(blocked);
    expect(r.mgPerKg).toBeNull();
    expect(r.overrideWouldAllow).toBe(false);
  });
});

describe('reasonInWords', () => {
  it.each<[string, string]>([
    [
      'mgPerKg 2.778 exceeds the absolute ceiling of 2 mg/kg: cannot be overridden',
      '2.778 mg/kg is above the absolute ceiling of 2 mg/kg: cannot be overridden',
    ],
    [
      'mgPerKg 0.9 mg/kg exceeds the protocol maximum of 0.75 mg/kg',
      '0.9 mg/kg is above the protocol maximum of 0.75 mg/kg',
    ],
    ['dose 63 mg exceeds the absolute maximum of 60 mg', '63 mg is above the absolute maximum of 60 mg'],
    [
      'fixedMg 60 is not an allowed dose (28, 56, 84 mg only)',
      '60 mg is not an allowed dose (28, 56, 84 mg only)',
    ],
    ['weightKg is required for weight-based dosing', 'the weight is required for weight-based dosing'],
  ])('%s', (reason, words) => {
    expect(reasonInWords(reason)).toBe(words);
  });
});
