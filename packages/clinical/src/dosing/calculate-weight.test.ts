/**
 * Dosing weight, mg caps, checks of a given dose, and the esketamine label doses in `calculateDose`.
 * Sources: Devine 1974 (ideal body weight), Traynor 1995 (adjusted = ideal + 0.4 × excess), Sanacora et al.
 * 2017 (ideal body weight at BMI ≥ 30); IV ceiling 1.0 mg/kg (Fava et al., Mol Psychiatry 2020), max 0.75
 * (Andrade 2017), cap 100 mg (product default); SPRAVATO US label (56/84 mg; 28 mg only under the non-US
 * label option, EU SmPC).
 */
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../protocols/types.ts';
import { calculateDose } from './calculate.ts';
import { adult, ctx, esk, iv, NOW, OK } from './test-fixtures.ts';
import type { DoseInput } from './types.ts';
import { adjustedBodyWeightKg, bodyMassIndex, idealBodyWeightKg } from './weight.ts';

describe('body weights (Devine 1974; Traynor 1995)', () => {
  it.each<[string, number, 'male' | 'female' | 'other' | undefined, number]>([
    ['male 175 cm', 175, 'male', 70.5],
    ['female 165 cm', 165, 'female', 56.9],
    ['male exactly 5 ft (152.4 cm)', 152.4, 'male', 50],
    ['female exactly 5 ft', 152.4, 'female', 45.5],
    ['male 200 cm', 200, 'male', 93.1],
    ['other 175 cm → female formula', 175, 'other', 66],
    ['sex unknown 175 cm → female formula', 175, undefined, 66],
  ])('ideal body weight, %s → %s kg', (_n, cm, sex, kg) => {
    expect(idealBodyWeightKg(cm, sex)).toBe(kg);
  });

  it.each<[number, number, number]>([
    [120, 175, 39.2],
    [70, 175, 22.9],
    [120, 200, 30],
    [119.6, 200, 29.9],
  ])('BMI of %s kg at %s cm = %s', (kg, cm, bmi) => {
    expect(bodyMassIndex(kg, cm)).toBe(bmi);
  });

  it('adjusted body weight = ideal + 0.4 × (actual − ideal)', () => {
    expect(adjustedBodyWeightKg(120, 70.5, 0.4)).toBe(90.3);
  });
});

const withRule = (rule: 'actual' | 'ideal' | 'adjusted'): Protocol => {
  if (iv.dose.kind !== 'weight_based' || !iv.dose.dosingWeight) throw new Error('fixture');
  return { ...iv, dose: { ...iv.dose, dosingWeight: { ...iv.dose.dosingWeight, obeseBasis: rule } } };
};

describe('calculateDose: dosing weight (default IV: actual below BMI 30, ideal at BMI ≥ 30)', () => {
  it.each<[string, Protocol, DoseInput, { basis: string; kg: number; doseMg: number; reason: RegExp }]>([
    [
      'BMI 22.9 → actual weight',
      iv,
      { weightKg: 70, heightCm: 175, sex: 'male' },
      { basis: 'actual', kg: 70, doseMg: 35, reason: /BMI 22\.9 < 30: actual body weight/ },
    ],
    [
      'BMI 39.2, male 175 cm → ideal 70.5 kg, 0.5 mg/kg = 35.3 mg',
      iv,
      { weightKg: 120, heightCm: 175, sex: 'male' },
      { basis: 'ideal', kg: 70.5, doseMg: 35.3, reason: /BMI 39\.2 ≥ 30: ideal body weight/ },
    ],
    [
      'BMI exactly 30 → ideal (inclusive)',
      iv,
      { weightKg: 120, heightCm: 200, sex: 'male' },
      { basis: 'ideal', kg: 93.1, doseMg: 46.6, reason: /BMI 30 ≥ 30/ },
    ],
    [
      'BMI 29.9 → actual',
      iv,
      { weightKg: 119.6, heightCm: 200, sex: 'male' },
      { basis: 'actual', kg: 119.6, doseMg: 59.8, reason: /BMI 29\.9 < 30/ },
    ],
    [
      'clinic chooses adjusted at BMI ≥ 30 → 90.3 kg',
      withRule('adjusted'),
      { weightKg: 120, heightCm: 175, sex: 'male' },
      { basis: 'adjusted', kg: 90.3, doseMg: 45.2, reason: /adjusted body weight/ },
    ],
    [
      'clinic chooses actual at BMI ≥ 30',
      withRule('actual'),
      { weightKg: 120, heightCm: 175, sex: 'male' },
      { basis: 'actual', kg: 120, doseMg: 60, reason: /BMI 39\.2 ≥ 30: actual body weight/ },
    ],
    [
      'no height → actual weight, said in a warning',
      iv,
      { weightKg: 120 },
      { basis: 'actual', kg: 120, doseMg: 60, reason: /no height recorded/ },
    ],
  ])('%s', (_n, protocol, input, want) => {
    const r = calculateDose({ ...adult, ...input }, protocol, ctx);
    expect(r.blocked).toBe(false);
    expect(r.doseMg).toBe(want.doseMg);
    expect(r.dosingWeight).toMatchObject({ basis: want.basis, kg: want.kg });
    expect(r.dosingWeight?.reason).toMatch(want.reason);
  });

  it('without a height the request still works and warns', () => {
    const r = calculateDose({ ...adult, weightKg: 70 }, iv, ctx);
    expect(r).toMatchObject({ blocked: false, doseMg: 35 });
    expect(r.warnings.join()).toMatch(/no height recorded: the actual body weight was used/);
  });

  it('a stored protocol version without a rule uses the actual weight and says so', () => {
    if (iv.dose.kind !== 'weight_based') throw new Error('fixture');
    const { dosingWeight: _w, ...dose } = iv.dose;
    const r = calculateDose({ ...adult, weightKg: 120, heightCm: 175 }, { ...iv, dose }, ctx);
    expect(r).toMatchObject({ blocked: false, doseMg: 60, dosingWeight: { basis: 'actual', kg: 120 } });
    expect(r.warnings.join()).toMatch(/no dosing-weight rule/);
  });

  it('the weight used is never above the actual weight (tall and light patient, clinic rule "ideal")', () => {
    if (iv.dose.kind !== 'weight_based' || !iv.dose.dosingWeight) throw new Error('fixture');
    const p = {
      ...iv,
      dose: { ...iv.dose, dosingWeight: { ...iv.dose.dosingWeight, basis: 'ideal' as const } },
    };
    const r = calculateDose({ ...adult, weightKg: 60, heightCm: 190, sex: 'male' }, p, ctx);
    expect(r.dosingWeight).toMatchObject({ basis: 'actual', kg: 60 });
    expect(r.dosingWeight?.reason).toMatch(/above the actual weight/);
  });

  it('an invalid sex is refused naming the field', () => {
    const r = calculateDose({ ...adult, weightKg: 70, sex: 'x' as never }, iv, ctx);
    expect(r.reasons.join()).toMatch(/^sex must be one of/);
  });
});

describe('calculateDose: a given dose in mg (what is actually given), IV defaults', () => {
  it.each<[string, DoseInput, { blocked: boolean; overridden?: boolean; reason?: RegExp; mgPerKg?: number }]>(
    [
      [
        '54 mg for 72 kg = 0.75 mg/kg → allowed',
        { weightKg: 72, doseMg: 54 },
        { blocked: false, mgPerKg: 0.75 },
      ],
      [
        '60 mg for 72 kg = 0.83 mg/kg → needs an override',
        { weightKg: 72, doseMg: 60 },
        {
          blocked: true,
          reason: /dose 60 mg \(0\.83 mg\/kg of 72 kg\) is above the protocol maximum of 0\.75 mg\/kg/,
        },
      ],
      [
        '60 mg for 72 kg with a verified override → allowed',
        { weightKg: 72, doseMg: 60, override: OK },
        { blocked: false, overridden: true },
      ],
      [
        '200 mg for 72 kg = 2.78 mg/kg with a verified override → refused (ceiling and cap)',
        { weightKg: 72, doseMg: 200, override: OK },
        {
          blocked: true,
          overridden: false,
          reason: /above the absolute ceiling of 1 mg\/kg: cannot be overridden/,
        },
      ],
      [
        '72 mg for 72 kg = exactly the ceiling, with override → allowed',
        { weightKg: 72, doseMg: 72, override: OK },
        { blocked: false, overridden: true, mgPerKg: 1 },
      ],
      [
        'obese patient: 70 mg for 120 kg at 175 cm is 0.99 mg/kg of the ideal 70.5 kg → needs an override',
        { weightKg: 120, heightCm: 175, sex: 'male', doseMg: 70 },
        { blocked: true, reason: /0\.99 mg\/kg of 70\.5 kg/ },
      ],
    ],
  )('%s', (_n, input, want) => {
    const r = calculateDose({ ...adult, ...input }, iv, ctx);
    expect(r.blocked).toBe(want.blocked);
    if (want.overridden !== undefined) expect(r.overridden).toBe(want.overridden);
    if (want.reason) expect(r.reasons.join('\n')).toMatch(want.reason);
    if (want.mgPerKg !== undefined) expect(r.inputs.mgPerKg).toBe(want.mgPerKg);
  });

  it('200 mg is also above the 100 mg cap', () => {
    const r = calculateDose({ ...adult, weightKg: 72, doseMg: 200, override: OK }, iv, ctx);
    expect(r.reasons.join('\n')).toMatch(/absolute maximum of 100 mg/);
  });
});

describe('calculateDose: esketamine label doses (SPRAVATO US label; 28 mg non-US option off by default)', () => {
  if (esk.dose.kind !== 'fixed') throw new Error('fixture');
  const stored: Protocol = { ...esk, dose: { ...esk.dose, allowedMg: [28, 56, 84] } };
  delete (stored.dose as { nonUsLabelDosesAllowed?: boolean }).nonUsLabelDosesAllowed;
  const nonUs: Protocol = {
    ...esk,
    dose: { ...esk.dose, allowedMg: [28, 56, 84], nonUsLabelDosesAllowed: true },
  };
  it.each<[string, Protocol, number, boolean, RegExp | null]>([
    ['default protocol, 28 mg → refused', esk, 28, true, /not an allowed dose/],
    ['default protocol, 56 mg → allowed', esk, 56, false, null],
    ['default protocol, 84 mg → allowed', esk, 84, false, null],
    [
      'stored version listing 28 mg, option absent → refused by the label rule',
      stored,
      28,
      true,
      /not a dose of the US label/,
    ],
    ['stored version listing 28 mg, 56 mg → allowed', stored, 56, false, null],
    ['non-US label option on, 28 mg → allowed (1 device)', nonUs, 28, false, null],
  ])('%s', (_n, protocol, mg, blocked, reason) => {
    const r = calculateDose({ fixedMg: mg, ageYears: 40 }, protocol, { now: NOW });
    expect(r.blocked).toBe(blocked);
    if (reason) expect(r.reasons.join()).toMatch(reason);
    else expect(r.devices).toBe(mg / 28);
  });

  it('a protocol listing a dose above its mg cap is invalid and blocks every dose', () => {
    const capped: Protocol = { ...esk, dose: { ...esk.dose, absoluteMaxMg: 56 } };
    const r = calculateDose({ fixedMg: 84, ageYears: 40 }, capped, { now: NOW });
    expect(r.blocked).toBe(true);
    expect(r.reasons.join()).toMatch(/above the mg cap/);
  });
});
