import { describe, expect, it } from 'vitest';
import { defaultEligibilityRuleSet, defaultEligibilityRules } from './default-rules.ts';
import { evaluateEligibility } from './evaluate.ts';
import { medicationRules } from './medication-rules.ts';
import {
  cleanIntake,
  ESK_CTX as ESK,
  IV_CTX as IV,
  intakeWith,
  KAP_CTX as KAP,
  type Patch,
} from './test-fixtures.ts';
import type { EligibilityContext, Intake, Severity } from './types.ts';
import { validateEligibilityRules } from './validate.ts';

const rules = defaultEligibilityRules();
/** Rules changed in rule-set version 2 (Ketalar BP contraindication). */
const RULE_VERSION_2 = [
  'uncontrolled_hypertension',
  'unstable_cardiovascular_disease',
  'ketamine_bp_rise_hazard',
  'cardiovascular_disease',
];
const age = (ageYears: number, base = IV): EligibilityContext => ({ ...base, ageYears });
const med = (m: Patch<Intake['medical']>): Patch<Intake> => ({ medical: m });
const psych = (p: Patch<Intake['psychiatric']>): Patch<Intake> => ({ psychiatric: p });
const subs = (s: Patch<Intake['substanceUse']>): Patch<Intake> => ({ substanceUse: s });
const bp = (m: Patch<Intake['measurements']>): Patch<Intake> => ({ measurements: m });
const AUD = { indications: { alcoholUseDisorder: true } };
const OUD = { indications: { opioidUseDisorder: true } };

describe('default rules', () => {
  it('are valid, uniquely identified, versioned and each cites a source', () => {
    expect(validateEligibilityRules(rules).ok).toBe(true);
    for (const r of rules) expect(r.source.length).toBeGreaterThan(10);
    expect(defaultEligibilityRuleSet()).toMatchObject({ id: 'plasticity-default-eligibility', version: 2 });
  });

  it.each([
    ['IV', IV],
    ['esketamine', ESK],
    ['KAP', KAP],
    ['no protocol', { ageYears: 40 }],
  ] as const)('a clean intake has no hits (%s)', (_n, ctx) => {
    expect(evaluateEligibility(rules, cleanIntake(), ctx)).toEqual({
      eligible: 'yes',
      hits: [],
      unknownFields: [],
    });
  });
});

// rule id, severity, intake patch, context, fires?
const table: Array<[string, Severity, Patch<Intake>, EligibilityContext, boolean]> = [
  ['active_psychosis_or_mania', 'absolute', psych({ activePsychosis: true }), IV, true],
  ['active_psychosis_or_mania', 'absolute', psych({ activeMania: true }), IV, true],
  ['active_psychosis_or_mania', 'absolute', psych({ psychosisHistory: true }), IV, false],
  [
    'uncontrolled_hypertension',
    'absolute',
    med({ hypertension: { present: true, controlled: false } }),
    IV,
    true,
  ],
  ['uncontrolled_hypertension', 'absolute', med({ hypertension: { present: true } }), IV, true],
  [
    'uncontrolled_hypertension',
    'absolute',
    med({ hypertension: { present: true, controlled: true } }),
    IV,
    false,
  ],
  ['baseline_bp_at_or_above_160_100', 'absolute', bp({ baselineSbp: 160 }), IV, true],
  ['baseline_bp_at_or_above_160_100', 'absolute', bp({ baselineSbp: 159 }), IV, false],
  ['baseline_bp_at_or_above_160_100', 'absolute', bp({ baselineDbp: 100 }), IV, true],
  ['baseline_bp_at_or_above_160_100', 'absolute', bp({ baselineDbp: 99 }), IV, false],
  [
    'unstable_cardiovascular_disease',
    'absolute',
    med({ cardiovascularDisease: { present: true, unstable: true } }),
    IV,
    true,
  ],
  [
    'unstable_cardiovascular_disease',
    'absolute',
    med({ cardiovascularDisease: { present: true, unstable: false } }),
    IV,
    false,
  ],
  [
    'untreated_hyperthyroidism',
    'absolute',
    med({ hyperthyroidism: { present: true, untreated: true } }),
    IV,
    true,
  ],
  ['untreated_hyperthyroidism', 'absolute', med({ hyperthyroidism: { present: true } }), IV, true],
  [
    'untreated_hyperthyroidism',
    'absolute',
    med({ hyperthyroidism: { present: true, untreated: false } }),
    IV,
    false,
  ],
  ['pregnancy', 'absolute', med({ pregnant: true }), IV, true],
  ['breastfeeding', 'absolute', med({ breastfeeding: true }), KAP, true],
  ['age_under_18', 'absolute', {}, age(17.99), true],
  ['age_under_18', 'absolute', {}, age(18), false],
  ['ketamine_hypersensitivity', 'absolute', { ketamine: { hypersensitivity: true } }, IV, true],
  ['ketamine_hypersensitivity', 'absolute', { allergies: ['Penicillin', 'Ketamine (rash)'] }, IV, true],
  ['ketamine_hypersensitivity', 'absolute', { allergies: ['penicillin'] }, IV, false],
  ['esketamine_aneurysmal_vascular_disease', 'absolute', med({ aneurysmalVascularDisease: true }), ESK, true],
  ['esketamine_aneurysmal_vascular_disease', 'absolute', med({ aneurysmalVascularDisease: true }), IV, false],
  ['esketamine_arteriovenous_malformation', 'absolute', med({ arteriovenousMalformation: true }), ESK, true],
  ['esketamine_arteriovenous_malformation', 'absolute', med({ arteriovenousMalformation: true }), KAP, false],
  [
    'esketamine_intracerebral_haemorrhage',
    'absolute',
    med({ intracerebralHaemorrhageHistory: true }),
    ESK,
    true,
  ],
  [
    'esketamine_intracerebral_haemorrhage',
    'absolute',
    med({ intracerebralHaemorrhageHistory: true }),
    IV,
    false,
  ],
  // Ketalar US label section 4: contraindicated where a significant BP rise would be a serious hazard —
  // absolute for racemic ketamine (esketamine has its own label contraindications).
  ['ketamine_bp_rise_hazard', 'absolute', med({ intracerebralHaemorrhageHistory: true }), IV, true],
  ['ketamine_bp_rise_hazard', 'absolute', med({ aneurysmalVascularDisease: true }), IV, true],
  ['ketamine_bp_rise_hazard', 'absolute', med({ arteriovenousMalformation: true }), KAP, true],
  ['ketamine_bp_rise_hazard', 'absolute', med({ aneurysmalVascularDisease: true }), ESK, false],
  ['active_substance_use_disorder', 'relative', subs({ activeSubstanceUseDisorder: true }), IV, true],
  [
    'active_substance_use_disorder',
    'relative',
    { ...subs({ activeSubstanceUseDisorder: true }), ...AUD },
    IV,
    false,
  ],
  [
    'active_substance_use_disorder_addiction_indication',
    'caution',
    { ...subs({ activeSubstanceUseDisorder: true }), ...OUD },
    IV,
    true,
  ],
  [
    'active_substance_use_disorder_addiction_indication',
    'caution',
    subs({ activeSubstanceUseDisorder: true }),
    IV,
    false,
  ],
  ['substance_screen_positive', 'relative', subs({ auditTotal: 20 }), IV, true],
  ['substance_screen_positive', 'relative', subs({ auditTotal: 19 }), IV, false],
  ['substance_screen_positive', 'relative', subs({ dast10Total: 6 }), IV, true],
  ['substance_screen_positive', 'relative', subs({ dast10Total: 5 }), IV, false],
  ['substance_screen_positive', 'relative', { ...subs({ auditTotal: 25 }), ...AUD }, IV, false],
  [
    'substance_screen_positive_addiction_indication',
    'caution',
    { ...subs({ auditTotal: 25 }), ...AUD },
    IV,
    true,
  ],
  ['ketamine_nonmedical_use', 'relative', { ketamine: { nonMedicalUse: true } }, IV, true],
  ['psychosis_history', 'relative', psych({ psychosisHistory: true }), IV, true],
  ['bipolar_disorder', 'caution', psych({ bipolarDisorder: true }), IV, true],
  ['suicide_attempt_past_3_months', 'relative', psych({ suicideAttemptPast3Months: true }), IV, true],
  ['suicide_attempt_history', 'caution', psych({ suicideAttemptsLifetime: 1 }), IV, true],
  ['suicide_attempt_history', 'caution', psych({ suicideAttemptsLifetime: 0 }), IV, false],
  ['cardiovascular_disease', 'relative', med({ cardiovascularDisease: { present: true } }), IV, true],
  [
    'cardiovascular_disease',
    'relative',
    med({ cardiovascularDisease: { present: true, unstable: false } }),
    IV,
    true,
  ],
  [
    'controlled_hypertension',
    'caution',
    med({ hypertension: { present: true, controlled: true } }),
    IV,
    true,
  ],
  ['esketamine_baseline_bp_above_140_90', 'caution', bp({ baselineSbp: 141 }), ESK, true],
  ['esketamine_baseline_bp_above_140_90', 'caution', bp({ baselineSbp: 140.5 }), ESK, true],
  ['esketamine_baseline_bp_above_140_90', 'caution', bp({ baselineSbp: 140 }), ESK, false],
  ['esketamine_baseline_bp_above_140_90', 'caution', bp({ baselineDbp: 91 }), ESK, true],
  ['esketamine_baseline_bp_above_140_90', 'caution', bp({ baselineDbp: 90 }), ESK, false],
  ['esketamine_baseline_bp_above_140_90', 'caution', bp({ baselineSbp: 150 }), IV, false],
  ['interstitial_cystitis', 'caution', med({ interstitialCystitis: true }), IV, true],
  ['liver_disease', 'caution', med({ liverDisease: true }), IV, true],
  // SPRAVATO US label section 8.6: severe (Child-Pugh C) not recommended → prescriber review; moderate
  // (Child-Pugh B) → longer monitoring (caution). Racemic ketamine: only the general liver caution.
  [
    'esketamine_severe_hepatic_impairment',
    'relative',
    med({ liverDisease: true, hepaticImpairment: 'severe' }),
    ESK,
    true,
  ],
  [
    'esketamine_severe_hepatic_impairment',
    'relative',
    med({ liverDisease: true, hepaticImpairment: 'moderate' }),
    ESK,
    false,
  ],
  [
    'esketamine_severe_hepatic_impairment',
    'relative',
    med({ liverDisease: true, hepaticImpairment: 'severe' }),
    IV,
    false,
  ],
  [
    'esketamine_moderate_hepatic_impairment',
    'caution',
    med({ liverDisease: true, hepaticImpairment: 'moderate' }),
    ESK,
    true,
  ],
  [
    'esketamine_moderate_hepatic_impairment',
    'caution',
    med({ liverDisease: true, hepaticImpairment: 'mild' }),
    ESK,
    false,
  ],
  ['seizure_disorder', 'caution', med({ seizureDisorder: true }), IV, true],
  ['esketamine_age_65_or_over', 'caution', {}, age(65, ESK), true],
  ['esketamine_age_65_or_over', 'caution', {}, age(64.9, ESK), false],
  ['esketamine_age_65_or_over', 'caution', {}, age(70, IV), false],
  ['no_escort', 'relative', { escortAvailable: false }, IV, true],
];

describe('each default rule fires and does not fire', () => {
  it.each(table.map((row, n) => [`${row[0]} #${n} fires=${row[4]}`, ...row] as const))(
    '%s',
    (_label, id, severity, patch, ctx, fires) => {
      const hit = evaluateEligibility(rules, intakeWith(patch), ctx).hits.find((h) => h.ruleId === id);
      expect(Boolean(hit)).toBe(fires);
      if (hit) {
        expect(hit.severity).toBe(severity);
        expect(hit.message.length).toBeGreaterThan(0);
        expect(hit.ruleVersion).toBe(rules.find((r) => r.id === id)?.version);
      }
    },
  );

  it('every default rule appears as firing in the table (medication rules: medication-rules.test.ts)', () => {
    const fired = new Set([
      ...table.filter((r) => r[4]).map((r) => r[0]),
      ...medicationRules().map((r) => r.id),
    ]);
    expect(rules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});

describe('rule versions', () => {
  it.each(RULE_VERSION_2)('%s carries version 2 (changed in rule set 2)', (id) => {
    expect(rules.find((r) => r.id === id)?.version).toBe(2);
  });
});
