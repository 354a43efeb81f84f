/**
 * Recognising listed medicines, the REMS concomitant answers, and the TRD trial count. Sources: see
 * `drug-table.ts` (SPRAVATO §7, KETALAR §7, SPRAVATO REMS Patient Monitoring Form) and `trials.ts`.
 */
import { describe, expect, it } from 'vitest';
import { cleanIntake } from '../eligibility/test-fixtures.ts';
import { applyMedicationList, remsConcomitant } from './apply-list.ts';
import { classesOf, drugOf, lookupDrug, suggestDrugs } from './classify.ts';
import { DRUG_TABLE } from './drug-table.ts';
import { adequateFailedTrials, type PriorTrial } from './trials.ts';

describe('drug table', () => {
  it('has unique names and codes, lower-case names and numeric RXCUIs', () => {
    const names = DRUG_TABLE.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const codes = DRUG_TABLE.flatMap((d) => (d.rxcui ? [d.rxcui] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of DRUG_TABLE) {
      expect(d.name).toBe(d.name.toLowerCase());
      if (d.rxcui) expect(d.rxcui).toMatch(/^\d{2,8}$/);
    }
  });

  it.each([
    ['phenelzine', '8123'],
    ['tranylcypromine', '10734'],
    ['isocarboxazid', '6011'],
    ['selegiline', '9639'],
    ['lorazepam', '6470'],
    ['lamotrigine', '28439'],
    ['zolpidem', '39993'],
    ['naltrexone', '7243'],
  ])('lists %s with RxNorm ingredient %s', (name, rxcui) => {
    expect(DRUG_TABLE.find((d) => d.name === name)?.rxcui).toBe(rxcui);
  });
});

describe('recognising a listed medicine', () => {
  it.each([
    ['Lorazepam 1 mg at night', 'lorazepam', ['benzodiazepine']],
    ['ATIVAN', 'lorazepam', ['benzodiazepine']],
    ['Adderall XR', 'amphetamine', ['psychostimulant']],
    ['Focalin 10mg', 'dexmethylphenidate', ['psychostimulant']],
    ['dextroamphetamine', 'dextroamphetamine', ['psychostimulant']],
    ['Emsam 6 mg/24 h patch', 'selegiline', ['maoi', 'antidepressant']],
    ['Lamictal', 'lamotrigine', ['lamotrigine']],
    ['Suboxone', 'buprenorphine', ['opioid']],
  ])('%s → %s', (text, name, classes) => {
    expect(lookupDrug(text)?.name).toBe(name);
    expect(classesOf({ name: text })).toEqual(classes);
  });

  it.each(['Vitamin D', 'my blue pill', 'Xanaxish', 'ambienteer', ''])('%s is free text', (text) => {
    expect(lookupDrug(text)).toBeUndefined();
    expect(classesOf({ name: text })).toEqual([]);
  });

  it('a code wins over the words', () => {
    expect(drugOf({ name: 'something', rxcui: '8123' })?.name).toBe('phenelzine');
    expect(drugOf({ name: 'Lorazepam', rxcui: '999999' })?.name).toBe('lorazepam');
  });

  it('suggests ingredients, naming the brand that matched', () => {
    expect(suggestDrugs('lor')).toEqual(['Lorazepam']);
    expect(suggestDrugs('xan')).toEqual(['Alprazolam (Xanax)']);
    expect(suggestDrugs('l')).toEqual([]);
  });
});

describe('the chart lists on the intake and the REMS form', () => {
  it('a listed class sets the intake answer, a "no" at intake never hides it; allergies join', () => {
    const i = applyMedicationList(cleanIntake(), {
      medications: [{ name: 'Lorazepam 0.5 mg' }, { name: 'Vitamin D' }],
      allergies: [{ name: 'Ketamine' }],
    });
    expect(i.medications).toMatchObject({ benzodiazepine: true, maoi: false, opioid: false });
    expect(i.medications.list).toEqual(['Lorazepam 0.5 mg', 'Vitamin D']);
    expect(i.allergies).toEqual(['Ketamine']);
    expect(cleanIntake().medications.benzodiazepine).toBe(false);
  });

  it.each([
    [['Lorazepam'], { benzodiazepines: true }],
    [['Zolpidem'], { nonBenzodiazepineHypnotics: true }],
    [['Ritalin'], { psychostimulants: true }],
    [['Parnate'], { maois: true }],
    [['Tramadol'], { opioids: true }],
    [['Sertraline', 'Vitamin D'], {}],
    [['Lorazepam 0.5 mg as needed'], { benzodiazepines: true }],
    [['Ambien (zolpidem) 10 mg'], { nonBenzodiazepineHypnotics: true }],
    [['amphetamine/dextroamphetamine ER'], { psychostimulants: true }],
    [['Modafinil'], { psychostimulants: true }],
    [['phenelzine sulfate'], { maois: true }],
    [['notdiazepamlike'], {}],
  ])('REMS concomitant answers for %j', (names, yes) => {
    const none = {
      benzodiazepines: false,
      nonBenzodiazepineHypnotics: false,
      psychostimulants: false,
      maois: false,
      opioids: false,
    };
    expect(remsConcomitant(names.map((name) => ({ name })))).toEqual({ ...none, ...yes });
  });
});

describe('adequate failed antidepressant trials (SPRAVATO §1/§14; MGH ATRQ 6 weeks)', () => {
  const t = (x: Partial<PriorTrial>): PriorTrial => ({
    drug: 'Sertraline',
    durationWeeks: 8,
    outcome: 'no_response',
    ...x,
  });
  it.each([
    [[t({})], 1],
    [[t({}), t({ drug: 'sertraline 200 mg' })], 1],
    [[t({}), t({ drug: 'Zoloft' })], 1],
    [[t({}), t({ drug: 'Fluoxetine', outcome: 'partial' })], 2],
    [[t({ durationWeeks: 5.9 })], 0],
    [[t({ durationWeeks: 6 })], 1],
    [[t({ outcome: 'intolerance' })], 0],
    [[t({ outcome: 'response' })], 0],
    [[t({ adequateDose: false })], 0],
    [[t({ adequateDose: true })], 1],
    [[t({ durationWeeks: undefined })], 0],
  ])('%j → %i', (trials, n) => {
    expect(adequateFailedTrials(trials, { minWeeks: 6 })).toHaveLength(n);
  });

  it('counts intolerance when the clinic says so', () => {
    expect(
      adequateFailedTrials([t({ outcome: 'intolerance' })], { minWeeks: 6, outcomes: ['intolerance'] }),
    ).toHaveLength(1);
  });
});
