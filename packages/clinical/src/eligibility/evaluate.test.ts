import { describe, expect, it } from 'vitest';
import { defaultEligibilityRules } from './default-rules.ts';
import { evaluateEligibility } from './evaluate.ts';
import { cleanIntake, IV_CTX as IV, intakeWith, type Patch } from './test-fixtures.ts';
import type { EligibilityRule, Intake, Severity } from './types.ts';

const rules = defaultEligibilityRules();
const mk = (
  id: string,
  severity: Severity,
  field: 'med.maoi' | 'med.opioid' | 'medical.pregnant',
): EligibilityRule => ({
  id,
  version: 1,
  description: id,
  severity,
  condition: { field, op: 'true' },
  source: 'test',
});
const set = [
  mk('a', 'absolute', 'medical.pregnant'),
  mk('r', 'relative', 'med.opioid'),
  mk('c', 'caution', 'med.maoi'),
];
const MAOI = { maoi: true };
const OPIOID = { opioid: true };

describe('evaluateEligibility: combination logic', () => {
  it.each<[string, Patch<Intake>, 'yes' | 'no' | 'review', string[]]>([
    ['none', {}, 'yes', []],
    ['caution only → yes with hits', { medications: MAOI }, 'yes', ['c']],
    ['relative → review', { medications: OPIOID }, 'review', ['r']],
    ['relative + caution → review', { medications: { ...MAOI, ...OPIOID } }, 'review', ['r', 'c']],
    ['absolute → no', { medical: { pregnant: true } }, 'no', ['a']],
    ['absolute + caution → no', { medical: { pregnant: true }, medications: MAOI }, 'no', ['a', 'c']],
    [
      'all three → no, every hit listed',
      { medical: { pregnant: true }, medications: { ...MAOI, ...OPIOID } },
      'no',
      ['a', 'r', 'c'],
    ],
  ])('%s', (_n, patch, eligible, hitIds) => {
    const r = evaluateEligibility(set, intakeWith(patch), IV);
    expect(r.eligible).toBe(eligible);
    expect(r.hits.map((h) => h.ruleId)).toEqual(hitIds);
  });

  it('an empty rule list is eligible', () => {
    expect(evaluateEligibility([], cleanIntake(), IV)).toEqual({
      eligible: 'yes',
      hits: [],
      unknownFields: [],
    });
  });

  it('uses the rule message when given, else the description, and carries the source', () => {
    const r = evaluateEligibility(
      [{ ...mk('m', 'caution', 'med.maoi'), message: 'custom' }],
      intakeWith({ medications: MAOI }),
      IV,
    );
    expect(r.hits).toEqual([
      { ruleId: 'm', ruleVersion: 1, severity: 'caution', message: 'custom', source: 'test' },
    ]);
  });

  it('filters by drug, route and indication when a protocol is given', () => {
    const rule: EligibilityRule = {
      ...mk('f', 'relative', 'med.maoi'),
      appliesTo: { drugs: ['ketamine'], routes: ['im'] },
    };
    const i = intakeWith({ medications: MAOI });
    expect(evaluateEligibility([rule], i, IV).hits).toEqual([]);
    const im = { ageYears: 40, protocol: { drug: 'ketamine' as const, route: 'im' as const } };
    expect(evaluateEligibility([rule], i, im).hits.map((h) => h.ruleId)).toEqual(['f']);
    const byIndication: EligibilityRule = { ...rule, appliesTo: { indications: ['ptsd'] } };
    expect(evaluateEligibility([byIndication], i, IV).hits).toEqual([]);
  });

  it('runs protocol-filtered rules when no protocol is given (conservative screen)', () => {
    const i = intakeWith({ medical: { arteriovenousMalformation: true } });
    const hits = evaluateEligibility(rules, i, { ageYears: 40 }).hits.map((h) => h.ruleId);
    expect(hits).toEqual(
      expect.arrayContaining(['esketamine_arteriovenous_malformation', 'ketamine_bp_rise_hazard']),
    );
  });

  it('reports unknown fields and does not fire rules on them', () => {
    const i = cleanIntake();
    delete i.measurements.baselineSbp;
    (i.medical as { pregnant?: unknown }).pregnant = 'no';
    const r = evaluateEligibility(rules, i, IV);
    expect(r.unknownFields).toEqual(expect.arrayContaining(['medical.pregnant', 'vitals.baselineSbp']));
    expect(r.eligible).toBe('yes');
  });

  it('does not report sub-questions that were not needed (no hypertension → "controlled?" not asked)', () => {
    expect(evaluateEligibility(rules, cleanIntake(), IV).unknownFields).toEqual([]);
  });

  it('does not throw on an empty intake object or malformed rule data', () => {
    expect(evaluateEligibility(rules, {} as Intake, IV).unknownFields.length).toBeGreaterThan(10);
    const junk = [{ ...mk('j', 'absolute', 'med.maoi'), condition: null } as unknown as EligibilityRule];
    expect(evaluateEligibility(junk, cleanIntake(), IV).eligible).toBe('yes');
  });
});
