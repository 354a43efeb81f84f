/**
 * The intake fields a rule may test: a closed registry of names, types and accessors (no dynamic property
 * access, so a rule cannot reach anything outside the intake). Derived fields: `indication.addiction`
 * (alcohol or opioid use disorder is an indication) and `allergy.ketamine` (an allergy entry naming ketamine).
 *
 * Sources: intake content follows Sanacora et al., APA consensus statement (JAMA Psychiatry 2017), the SPRAVATO
 * REMS Patient Monitoring Form (concomitant medications) and
 * docs/clinical-sources.md#instruments-scoring-and-codes (AUDIT, DAST-10) and
 * docs/clinical-sources.md#contraindications.
 */
import { adequateFailedTrials, TRD_DEFAULTS } from '../medications/trials.ts';
import type { EligibilityContext, Intake } from './types.ts';

export type FieldType = 'boolean' | 'number';

interface FieldSpec {
  type: FieldType;
  get: (intake: Intake, ctx: EligibilityContext) => unknown;
}

const f = (type: FieldType, get: FieldSpec['get']): FieldSpec => ({ type, get });
const listOnly = (
  i: Intake,
  k: 'nonBenzodiazepineHypnotic' | 'naltrexone' | 'nmdaAntagonist',
): boolean | undefined =>
  i.medications && typeof i.medications === 'object' ? (i.medications[k] ?? false) : undefined;

/** Whether the hepatic impairment is of this class; false without liver disease; unknown when not graded. */
function hepatic(i: Intake, level: 'moderate' | 'severe'): boolean | undefined {
  const grade = i.medical?.hepaticImpairment;
  if (grade !== undefined) return grade === level;
  return i.medical?.liverDisease === false ? false : undefined;
}

export const INTAKE_FIELDS = {
  ageYears: f('number', (_i, c) => c?.ageYears),
  'indication.depression': f('boolean', (i) => i.indications?.depression?.present),
  // The count given on older intakes; otherwise the adequate failed trials of the list under the default
  // criteria (so a rule set written before the trial list keeps working).
  'indication.depression.failedTrials': f('number', (i) => {
    const d = i.indications?.depression;
    if (typeof d?.failedAntidepressantTrials === 'number') return d.failedAntidepressantTrials;
    return Array.isArray(d?.priorTrials)
      ? adequateFailedTrials(d.priorTrials, { minWeeks: TRD_DEFAULTS.minWeeks }).length
      : undefined;
  }),
  'indication.depression.priorTrialCount': f('number', (i) => {
    const t = i.indications?.depression?.priorTrials;
    return Array.isArray(t) ? t.length : undefined;
  }),
  'indication.depression.suicidalIdeation': f('boolean', (i) => i.indications?.depression?.suicidalIdeation),
  'indication.anxiety': f('boolean', (i) => i.indications?.anxiety),
  'indication.ptsd': f('boolean', (i) => i.indications?.ptsd),
  'indication.alcoholUseDisorder': f('boolean', (i) => i.indications?.alcoholUseDisorder),
  'indication.opioidUseDisorder': f('boolean', (i) => i.indications?.opioidUseDisorder),
  'indication.addiction': f(
    'boolean',
    (i) => i.indications?.alcoholUseDisorder === true || i.indications?.opioidUseDisorder === true,
  ),
  'psych.activePsychosis': f('boolean', (i) => i.psychiatric?.activePsychosis),
  'psych.psychosisHistory': f('boolean', (i) => i.psychiatric?.psychosisHistory),
  'psych.activeMania': f('boolean', (i) => i.psychiatric?.activeMania),
  'psych.bipolarDisorder': f('boolean', (i) => i.psychiatric?.bipolarDisorder),
  'psych.suicideAttemptsLifetime': f('number', (i) => i.psychiatric?.suicideAttemptsLifetime),
  'psych.suicideAttemptPast3Months': f('boolean', (i) => i.psychiatric?.suicideAttemptPast3Months),
  'medical.hypertension': f('boolean', (i) => i.medical?.hypertension?.present),
  'medical.hypertension.controlled': f('boolean', (i) => i.medical?.hypertension?.controlled),
  'medical.cardiovascularDisease': f('boolean', (i) => i.medical?.cardiovascularDisease?.present),
  'medical.cardiovascularDisease.unstable': f('boolean', (i) => i.medical?.cardiovascularDisease?.unstable),
  'medical.aneurysmalVascularDisease': f('boolean', (i) => i.medical?.aneurysmalVascularDisease),
  'medical.arteriovenousMalformation': f('boolean', (i) => i.medical?.arteriovenousMalformation),
  'medical.intracerebralHaemorrhageHistory': f('boolean', (i) => i.medical?.intracerebralHaemorrhageHistory),
  'medical.hyperthyroidism': f('boolean', (i) => i.medical?.hyperthyroidism?.present),
  'medical.hyperthyroidism.untreated': f('boolean', (i) => i.medical?.hyperthyroidism?.untreated),
  'medical.liverDisease': f('boolean', (i) => i.medical?.liverDisease),
  'medical.hepaticImpairment.moderate': f('boolean', (i) => hepatic(i, 'moderate')),
  'medical.hepaticImpairment.severe': f('boolean', (i) => hepatic(i, 'severe')),
  'medical.interstitialCystitis': f('boolean', (i) => i.medical?.interstitialCystitis),
  'medical.seizureDisorder': f('boolean', (i) => i.medical?.seizureDisorder),
  'medical.pregnant': f('boolean', (i) => i.medical?.pregnant),
  'medical.breastfeeding': f('boolean', (i) => i.medical?.breastfeeding),
  'med.benzodiazepine': f('boolean', (i) => i.medications?.benzodiazepine),
  'med.maoi': f('boolean', (i) => i.medications?.maoi),
  'med.lamotrigine': f('boolean', (i) => i.medications?.lamotrigine),
  'med.psychostimulant': f('boolean', (i) => i.medications?.psychostimulant),
  'med.opioid': f('boolean', (i) => i.medications?.opioid),
  // Classes only the chart's medication list sets: absent means none listed.
  'med.nonBenzodiazepineHypnotic': f('boolean', (i) => listOnly(i, 'nonBenzodiazepineHypnotic')),
  'med.naltrexone': f('boolean', (i) => listOnly(i, 'naltrexone')),
  'med.nmdaAntagonist': f('boolean', (i) => listOnly(i, 'nmdaAntagonist')),
  'substance.auditTotal': f('number', (i) => i.substanceUse?.auditTotal),
  'substance.dast10Total': f('number', (i) => i.substanceUse?.dast10Total),
  'substance.activeSud': f('boolean', (i) => i.substanceUse?.activeSubstanceUseDisorder),
  'vitals.baselineSbp': f('number', (i) => i.measurements?.baselineSbp),
  'vitals.baselineDbp': f('number', (i) => i.measurements?.baselineDbp),
  'vitals.baselineHr': f('number', (i) => i.measurements?.baselineHr),
  'body.weightKg': f('number', (i) => i.measurements?.weightKg),
  'body.heightCm': f('number', (i) => i.measurements?.heightCm),
  'allergy.ketamine': f('boolean', (i) =>
    Array.isArray(i.allergies)
      ? i.allergies.some((a) => typeof a === 'string' && /ketamine/i.test(a))
      : undefined,
  ),
  'ketamine.priorUse': f('boolean', (i) => i.ketamine?.priorUse),
  'ketamine.hypersensitivity': f('boolean', (i) => i.ketamine?.hypersensitivity),
  'ketamine.nonMedicalUse': f('boolean', (i) => i.ketamine?.nonMedicalUse),
  'logistics.escortAvailable': f('boolean', (i) => i.escortAvailable),
} as const; // every value is a FieldSpec (made by `f`); the literal's keys give IntakeField

export type IntakeField = keyof typeof INTAKE_FIELDS;

export function isIntakeField(name: unknown): name is IntakeField {
  return typeof name === 'string' && Object.hasOwn(INTAKE_FIELDS, name);
}

/**
 * A field's value, or undefined when missing or of the wrong type (a string where a number belongs, NaN).
 *
 * @example
 * readField('ageYears', intake, { ageYears: 40 }); // 40
 */
export function readField(
  field: IntakeField,
  intake: Intake,
  ctx: EligibilityContext,
): boolean | number | undefined {
  if (!isIntakeField(field)) return undefined;
  const spec = INTAKE_FIELDS[field];
  const v = spec.get((intake ?? {}) as Intake, ctx);
  if (spec.type === 'boolean') return typeof v === 'boolean' ? v : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
