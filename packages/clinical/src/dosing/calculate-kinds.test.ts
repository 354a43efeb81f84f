import { describe, expect, it } from 'vitest';
import type { Protocol } from '../protocols/types.ts';
import { calculateDose } from './calculate.ts';
import { adult, ctx, esk, im, NOW, OK, oral, sl } from './test-fixtures.ts';
import type { DoseInput } from './types.ts';

describe('calculateDose: IM (absolute 60 mg)', () => {
  it.each<[string, DoseInput, boolean, number, boolean?]>([
    ['0.75 × 80 = 60 mg exactly → allowed', { weightKg: 80, mgPerKg: 0.75 }, false, 60],
    [
      '0.75 × 80.06 = 60.045 → 60.0 mg (rounded dose compared) → allowed',
      { weightKg: 80.06, mgPerKg: 0.75 },
      false,
      60,
    ],
    ['0.75 × 80.1 = 60.075 → 60.1 mg → blocked', { weightKg: 80.1, mgPerKg: 0.75 }, true, 60.1],
    [
      '0.8 mg/kg above max 0.75 with override → allowed',
      { weightKg: 70, mgPerKg: 0.8, override: OK },
      false,
      56,
      true,
    ],
    [
      '0.8 × 80 = 64 mg with override → still blocked by 60 mg cap',
      { weightKg: 80, mgPerKg: 0.8, override: OK },
      true,
      64,
      true,
    ],
    ['IM has no rate: volume only', { weightKg: 70, concentrationMgPerMl: 50 }, false, 35],
  ])('%s', (_name, input, blocked, doseMg, overridden = false) => {
    const r = calculateDose({ ...adult, ...input }, im, ctx);
    expect(r.blocked).toBe(blocked);
    expect(r.doseMg).toBe(doseMg);
    expect(r.overridden).toBe(overridden);
    expect(r.rateMlPerHour).toBeUndefined();
    if (blocked) expect(r.reasons.join()).toMatch(/absolute maximum of 60 mg/);
  });

  it('IM volume is computed; duration is ignored with a warning', () => {
    const r = calculateDose({ ...adult, weightKg: 70, concentrationMgPerMl: 50, durationMin: 5 }, im, ctx);
    expect(r.volumeMl).toBe(0.7);
    expect(r.warnings.join()).toMatch(/durationMin is not used/);
  });
});

describe('calculateDose: esketamine fixed devices', () => {
  it.each<[unknown, boolean, number | undefined]>([
    // SPRAVATO US label: 56 and 84 mg; 28 mg is refused while the non-US label option is off (default).
    [28, true, undefined],
    [56, false, 2],
    [84, false, 3],
    [42, true, undefined],
    [112, true, undefined],
    [56.1, true, undefined],
    [55.99, true, undefined],
    [0, true, undefined],
    [-56, true, undefined],
    [Number.NaN, true, undefined],
  ])('fixedMg %s → blocked %s, devices %s', (fixedMg, blocked, devices) => {
    const r = calculateDose({ fixedMg: fixedMg as number, ageYears: 40 }, esk, { now: NOW });
    expect(r.blocked).toBe(blocked);
    expect(r.devices).toBe(devices);
    if (blocked) expect(r.reasons.join()).toMatch(/fixedMg/);
    else expect(r.doseMg).toBe(fixedMg);
  });

  it('needs no weight; weight and mg/kg are ignored with a warning', () => {
    const r = calculateDose({ fixedMg: 84, ageYears: 40, weightKg: 70, mgPerKg: 1 }, esk, { now: NOW });
    expect(r).toMatchObject({ blocked: false, doseMg: 84, devices: 3 });
    expect(r.warnings.join()).toMatch(/weightKg is not used/);
  });

  it('defaults to 56 mg with a warning; override never unlocks other doses', () => {
    expect(calculateDose({ ageYears: 40 }, esk, { now: NOW })).toMatchObject({
      doseMg: 56,
      devices: 2,
      blocked: false,
    });
    const r = calculateDose({ fixedMg: 112, ageYears: 40, override: OK }, esk, { now: NOW });
    expect(r).toMatchObject({ blocked: true, overridden: false });
  });

  it('age 17 is blocked', () => {
    expect(calculateDose({ fixedMg: 56, ageYears: 17 }, esk, { now: NOW }).blocked).toBe(true);
  });
});

describe('calculateDose: flat ranges (sublingual 100–400 mg, oral 25–300 mg)', () => {
  const custom: Protocol = {
    ...sl,
    dose: { ...sl.dose, maxMg: 300, absoluteMaxMg: 400 } as Protocol['dose'],
  };
  it.each<[string, Protocol, DoseInput, boolean, number, boolean?]>([
    ['sublingual 400 mg exactly → allowed', sl, { fixedMg: 400 }, false, 400],
    ['sublingual 400.1 mg → blocked (absolute)', sl, { fixedMg: 400.1 }, true, 400.1],
    ['sublingual 401 mg with override → still blocked', sl, { fixedMg: 401, override: OK }, true, 401],
    ['sublingual 50 mg → allowed with warning', sl, { fixedMg: 50 }, false, 50],
    ['oral 300 mg → allowed', oral, { fixedMg: 300 }, false, 300],
    ['oral 301 mg → blocked', oral, { fixedMg: 301 }, true, 301],
    ['oral 25 mg → allowed', oral, { fixedMg: 25 }, false, 25],
    ['oral 150.25 mg → rounded to 150.3', oral, { fixedMg: 150.25 }, false, 150.3],
    ['custom max 300: 350 mg without override → blocked', custom, { fixedMg: 350 }, true, 350],
    [
      'custom max 300: 350 mg with override → allowed',
      custom,
      { fixedMg: 350, override: OK },
      false,
      350,
      true,
    ],
  ])('%s', (_name, protocol, input, blocked, doseMg, overridden = false) => {
    const r = calculateDose({ ...adult, ...input }, protocol, { now: NOW });
    expect(r.blocked).toBe(blocked);
    expect(r.doseMg).toBe(doseMg);
    expect(r.overridden).toBe(overridden);
  });

  it('oral solution volume from concentration', () => {
    expect(
      calculateDose({ ...adult, fixedMg: 100, concentrationMgPerMl: 30 }, oral, { now: NOW }).volumeMl,
    ).toBe(3.33);
  });
});
