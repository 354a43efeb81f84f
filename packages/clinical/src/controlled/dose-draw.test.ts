import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import { type DoseDrawInput, planDoseDraw, productIsDrug } from './dose-draw.ts';

describe('productIsDrug', () => {
  it.each<[string, string, boolean]>([
    ['Ketamine HCl', 'ketamine', true],
    ['ketamine hydrochloride', 'ketamine', true],
    ['KETALAR (ketamine)', 'ketamine', true],
    ['Ketalar', 'ketamine', true],
    ['Esketamine (Spravato)', 'esketamine', true],
    ['Spravato', 'esketamine', true],
    ['Esketamine (Spravato)', 'ketamine', false],
    ['Spravato', 'ketamine', false],
    ['Ketamine HCl', 'esketamine', false],
    ['Ketamine-HCl', 'ketamine', true],
    ['Midazolam', 'ketamine', false],
    ['Ketamine HCl', '', false],
  ])('%s is %s: %s', (product, drug, expected) => {
    expect(productIsDrug(product, drug)).toBe(expected);
  });
});

const vial = (over: Partial<DoseDrawInput> = {}): DoseDrawInput => ({
  unit: 'mL',
  concentrationMgPerMl: Decimal.of(50),
  doseMg: 35,
  volumeMl: 0.7,
  ...over,
});
const plan = (input: DoseDrawInput) => {
  const r = planDoseDraw(input);
  return r.ok
    ? `${r.draw.drawn.toString()}/${r.draw.given.toString()}/${r.draw.waste.toString()} ${r.draw.unit}`
    : r.errors.map((e) => e.field).join(',');
};

describe('planDoseDraw', () => {
  it.each<[string, DoseDrawInput, string]>([
    ['drawn defaults to given: no waste', vial(), '0.7/0.7/0 mL'],
    ['remainder is waste', vial({ drawnMl: 0.8 }), '0.8/0.7/0.1 mL'],
    [
      'decimal strings are exact',
      vial({ doseMg: '33.3', volumeMl: '0.666', drawnMl: '1' }),
      '1/0.666/0.334 mL',
    ],
    ['100 mg/mL vial', vial({ concentrationMgPerMl: Decimal.of(100), volumeMl: 0.35 }), '0.35/0.35/0 mL'],
    ['volume × concentration ≠ dose', vial({ volumeMl: 0.8 }), 'volumeMl'],
    ['volume missing for a vial', vial({ volumeMl: undefined }), 'volumeMl'],
    ['drawn below given', vial({ drawnMl: 0.5 }), 'drawnMl'],
    [
      'stated concentration is not the product’s',
      vial({ statedConcentrationMgPerMl: 100 }),
      'concentrationMgPerMl',
    ],
    ['stated concentration matches', vial({ statedConcentrationMgPerMl: '50' }), '0.7/0.7/0 mL'],
    ['product without concentration', vial({ concentrationMgPerMl: null }), 'containerId'],
    ['negative drawn', vial({ drawnMl: -1 }), 'drawnMl'],
    ['malformed volume', vial({ volumeMl: '0,7' }), 'volumeMl'],
    ['mg container: the dose itself', { unit: 'mg', concentrationMgPerMl: null, doseMg: 56 }, '56/56/0 mg'],
    [
      'mg container refuses volumes',
      { unit: 'mg', concentrationMgPerMl: null, doseMg: 56, drawnMl: 1, volumeMl: 1 },
      'drawnMl,volumeMl',
    ],
    ['counted in each', { unit: 'each', concentrationMgPerMl: null, doseMg: 56 }, 'containerId'],
  ])('%s', (_name, input, expected) => {
    expect(plan(input)).toBe(expected);
  });

  it('names the volume that matches the dose when they disagree', () => {
    const r = planDoseDraw(vial({ volumeMl: 0.8 }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]?.message).toBe('0.8 mL at 50 mg/mL is 40 mg, not the 35 mg dose (35 mg is 0.7 mL)');
  });
});
