/**
 * Medication-list and prior-trial rules, table-driven. Sources: SPRAVATO US prescribing information §7.1–7.3
 * (CNS depressants, psychostimulants, MAOIs) and §1/§14 (TRD); KETALAR US prescribing information §7.2–7.3;
 * Anand et al. 2000 (lamotrigine); Andrashko et al. 2020 and Feeney et al. 2023 (benzodiazepines);
 * Williams et al. 2018 (naltrexone); Popova et al. 2019 and the MGH ATRQ (6-week trials).
 */
import { describe, expect, it } from 'vitest';
import { applyMedicationList } from '../medications/apply-list.ts';
import type { PriorTrial } from '../medications/trials.ts';
import { defaultEligibilityRules } from './default-rules.ts';
import { evaluateEligibility } from './evaluate.ts';
import { medicationRules } from './medication-rules.ts';
import { cleanIntake, ESK_CTX as ESK, IV_CTX as IV, intakeWith, KAP_CTX as KAP } from './test-fixtures.ts';
import type { EligibilityContext, Intake, Severity } from './types.ts';
import { validateEligibilityRules } from './validate.ts';

const rules = defaultEligibilityRules();
const listed = (...names: string[]): Intake =>
  applyMedicationList(cleanIntake(), { medications: names.map((name) => ({ name })), allergies: [] });
const trials = (...t: Array<Partial<PriorTrial>>): Intake =>
  intakeWith({
    indications: {
      depression: {
        present: true,
        priorTrials: t.map((x) => ({ drug: 'Sertraline', durationWeeks: 8, outcome: 'no_response', ...x })),
      },
    },
  } as never);
const noTrialsRecorded = (): Intake =>
  intakeWith({ indications: { depression: { present: true, priorTrials: undefined } } });

// rule id, severity, intake, context, fires?
const table: Array<[string, Severity, Intake, EligibilityContext, boolean]> = [
  // SPRAVATO §7.3 MAOIs; KETALAR §7.2.
  ['maoi', 'relative', listed('Phenelzine 15 mg'), ESK, true],
  ['maoi', 'relative', listed('Nardil'), IV, true],
  ['maoi', 'relative', listed('Emsam patch'), ESK, true],
  ['maoi', 'relative', listed('Sertraline 100 mg'), ESK, false],
  ['maoi', 'relative', intakeWith({ medications: { maoi: true } }), KAP, true],
  // SPRAVATO §7.2 psychostimulants.
  ['psychostimulant', 'relative', listed('Adderall XR 20 mg'), ESK, true],
  ['psychostimulant', 'relative', listed('lisdexamfetamine'), IV, true],
  ['psychostimulant', 'relative', listed('Modafinil'), ESK, true],
  ['psychostimulant', 'relative', listed('Atomoxetine'), ESK, false],
  // SPRAVATO §7.1 CNS depressants; KETALAR §7.3; blunted effect: Andrashko 2020, Feeney 2023.
  ['benzodiazepine', 'relative', listed('Lorazepam 1 mg at night'), IV, true],
  ['benzodiazepine', 'relative', listed('Klonopin'), ESK, true],
  ['benzodiazepine', 'relative', listed('Buspirone'), IV, false],
  ['non_benzodiazepine_hypnotic', 'relative', listed('Zolpidem 10 mg'), ESK, true],
  ['non_benzodiazepine_hypnotic', 'relative', listed('Lunesta'), IV, true],
  ['non_benzodiazepine_hypnotic', 'relative', listed('Melatonin'), IV, false],
  ['opioid', 'relative', listed('Oxycodone 5 mg'), IV, true],
  ['opioid', 'relative', listed('Suboxone film'), ESK, true],
  ['opioid', 'relative', listed('Naltrexone'), ESK, false],
  // Anand 2000 (secondary evidence).
  ['lamotrigine', 'relative', listed('Lamictal 200 mg'), IV, true],
  ['lamotrigine', 'relative', listed('Levetiracetam'), IV, false],
  // Williams 2018 (one small study): caution.
  ['naltrexone', 'caution', listed('Vivitrol'), IV, true],
  ['nmda_antagonist', 'caution', listed('Memantine 10 mg'), IV, true],
  // TRD: ≥ 2 distinct antidepressants, ≥ 6 weeks, no or partial response (SPRAVATO §1/§14; MGH ATRQ).
  ['trd_fewer_than_2_failed_trials', 'relative', trials({}), IV, true],
  ['trd_fewer_than_2_failed_trials', 'relative', trials({}, { drug: 'Escitalopram' }), IV, false],
  ['trd_fewer_than_2_failed_trials', 'relative', trials({}, { drug: 'Zoloft' }), IV, true],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Escitalopram', durationWeeks: 5 }),
    IV,
    true,
  ],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Escitalopram', durationWeeks: 6 }),
    IV,
    false,
  ],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Paroxetine', outcome: 'partial' }),
    ESK,
    false,
  ],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Paroxetine', outcome: 'intolerance' }),
    ESK,
    true,
  ],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Paroxetine', outcome: 'response' }),
    ESK,
    true,
  ],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Paroxetine', adequateDose: false }),
    ESK,
    true,
  ],
  [
    'trd_fewer_than_2_failed_trials',
    'relative',
    trials({}, { drug: 'Paroxetine', durationWeeks: undefined }),
    ESK,
    true,
  ],
  ['trd_fewer_than_2_failed_trials', 'relative', noTrialsRecorded(), IV, true],
  ['trd_fewer_than_2_failed_trials', 'relative', trials(), KAP, false],
];

describe('medication and prior-trial rules', () => {
  it('are valid default rules, each citing a primary source and no internal note file', () => {
    expect(validateEligibilityRules(medicationRules()).ok).toBe(true);
    for (const r of medicationRules()) {
      expect(rules.map((x) => x.id)).toContain(r.id);
      expect(r.source).not.toMatch(/REFERENCE\.md/);
      expect(r.source).toMatch(/label|prescribing information|et al\.|UNVERIFIED/);
    }
  });

  it.each(table.map((row, n) => [`${row[0]} #${n} fires=${row[4]}`, ...row] as const))(
    '%s',
    (_label, id, severity, intake, ctx, fires) => {
      const hit = evaluateEligibility(rules, intake, ctx).hits.find((h) => h.ruleId === id);
      expect(Boolean(hit)).toBe(fires);
      if (hit) expect(hit.severity).toBe(severity);
    },
  );

  it('every medication rule fires somewhere in the table', () => {
    const fired = new Set(table.filter((r) => r[4]).map((r) => r[0]));
    expect(
      medicationRules()
        .filter((r) => !fired.has(r.id))
        .map((r) => r.id),
    ).toEqual([]);
  });

  it('a medicine on the list sends a clean intake to review; the TRD leaf reports an unrecorded trial list', () => {
    expect(evaluateEligibility(rules, listed('phenelzine'), ESK).eligible).toBe('review');
    expect(evaluateEligibility(rules, noTrialsRecorded(), IV).unknownFields).toContain(
      'indication.depression.priorTrialCount',
    );
  });

  it('a rule set written before the trial list (reading the count) still counts the listed trials', () => {
    const v1 = {
      all: [
        { field: 'indication.depression', op: 'true' },
        { field: 'indication.depression.failedTrials', op: 'lt', value: 2 },
      ],
    };
    const old = rules.map((r) =>
      r.id === 'trd_fewer_than_2_failed_trials' ? { ...r, version: 1, condition: v1 } : r,
    );
    expect(validateEligibilityRules(old).ok).toBe(true);
    const fires = (i: Intake) =>
      evaluateEligibility(old as never, i, IV).hits.some(
        (h) => h.ruleId === 'trd_fewer_than_2_failed_trials',
      );
    expect(fires(trials({}))).toBe(true);
    expect(fires(cleanIntake())).toBe(false);
    expect(
      fires(intakeWith({ indications: { depression: { present: true, failedAntidepressantTrials: 1 } } })),
    ).toBe(true);
  });

  it('the clinic sets the count and the weeks in its rule data', () => {
    const strict = rules.map((r) =>
      r.id === 'trd_fewer_than_2_failed_trials'
        ? {
            ...r,
            condition: { all: [{ trials: { minWeeks: 8 }, op: 'lt' as const, value: 3 }] },
          }
        : r,
    );
    expect(validateEligibilityRules(strict).ok).toBe(true);
    const hit = (i: Intake) =>
      evaluateEligibility(strict, i, IV).hits.some((h) => h.ruleId === 'trd_fewer_than_2_failed_trials');
    expect(hit(cleanIntake())).toBe(true); // 3 trials, but one lasted 6 weeks
    expect(hit(trials({}, { drug: 'Paroxetine' }, { drug: 'Bupropion', durationWeeks: 12 }))).toBe(false);
  });

  it.each([
    [{ trials: { minWeeks: -1 }, op: 'lt', value: 2 }, '[0].condition.trials.minWeeks'],
    [
      { trials: { minWeeks: 6, outcomes: ['maybe'] }, op: 'lt', value: 2 },
      '[0].condition.trials.outcomes[0]',
    ],
    [{ trials: { minWeeks: 6 }, op: 'eq', value: 2 }, '[0].condition.op'],
    [{ trials: { minWeeks: 6 }, op: 'lt', value: 1.5 }, '[0].condition.value'],
    [{ trials: { minWeeks: 6, extra: 1 }, op: 'lt', value: 2 }, '[0].condition.trials'],
  ])('the validator names a malformed trials condition (%#)', (condition, path) => {
    const v = validateEligibilityRules([
      { id: 'x', version: 1, description: 'd', severity: 'relative', condition, source: 'source text' },
    ]);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.map((e) => e.path)).toContain(path);
  });
});
