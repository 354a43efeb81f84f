/**
 * Intake form state ↔ the API body (IntakeRequest). Questions follow the APA consensus pre-treatment
 * evaluation (Sanacora et al., JAMA Psychiatry 2017) and the SPRAVATO REMS medication list
 * (docs/clinical-sources.md#contraindications).
 */
import type { IntakeRequest } from '@plasticity/contracts';

export interface MedRow {
  name: string;
  dose: string;
  frequency: string;
}
export interface AllergyRow {
  name: string;
  reaction: string;
}
export interface TrialRow {
  drug: string;
  dose: string;
  weeks: string;
  outcome: string;
}

export const emptyRow = {
  med: (): MedRow => ({ name: '', dose: '', frequency: '' }),
  allergy: (): AllergyRow => ({ name: '', reaction: '' }),
  trial: (): TrialRow => ({ drug: '', dose: '', weeks: '', outcome: '' }),
};

/** How a trial went, in the patient's words (the API's outcome codes are never shown). */
export const TRIAL_RESULTS = [
  { value: 'no_response', label: 'No improvement' },
  { value: 'partial', label: 'Some improvement, not enough' },
  { value: 'intolerance', label: 'Stopped because of side effects' },
  { value: 'response', label: 'Helped well' },
];

export interface YesNo {
  key: string;
  label: string;
}

export const INDICATIONS: YesNo[] = [
  { key: 'depression', label: 'Depression' },
  { key: 'anxiety', label: 'Anxiety' },
  { key: 'ptsd', label: 'PTSD' },
  { key: 'alcoholUseDisorder', label: 'Alcohol use disorder' },
  { key: 'opioidUseDisorder', label: 'Opioid use disorder' },
];
export const PSYCHIATRIC: YesNo[] = [
  { key: 'activePsychosis', label: 'Psychosis now (hearing or seeing things others do not)' },
  { key: 'psychosisHistory', label: 'Psychosis in the past' },
  { key: 'activeMania', label: 'Mania now' },
  { key: 'bipolarDisorder', label: 'Bipolar disorder' },
  { key: 'suicideAttemptPast3Months', label: 'Suicide attempt in the past 3 months' },
];
export const MEDICAL: YesNo[] = [
  { key: 'hypertension', label: 'High blood pressure' },
  { key: 'hypertensionUncontrolled', label: 'High blood pressure that is not controlled' },
  { key: 'cardiovascularDisease', label: 'Heart or blood-vessel disease' },
  { key: 'cardiovascularUnstable', label: 'Heart disease that is unstable' },
  { key: 'aneurysmalVascularDisease', label: 'Aneurysm' },
  { key: 'arteriovenousMalformation', label: 'Arteriovenous malformation' },
  { key: 'intracerebralHaemorrhageHistory', label: 'Bleeding in the brain (ever)' },
  { key: 'hyperthyroidism', label: 'Overactive thyroid' },
  { key: 'hyperthyroidismUntreated', label: 'Overactive thyroid, not treated' },
  { key: 'liverDisease', label: 'Liver disease' },
  { key: 'hepaticModerate', label: 'Liver disease, moderate (Child-Pugh B)' },
  { key: 'hepaticSevere', label: 'Liver disease, severe (Child-Pugh C)' },
  { key: 'interstitialCystitis', label: 'Interstitial cystitis or bladder pain' },
  { key: 'seizureDisorder', label: 'Seizures' },
  { key: 'pregnant', label: 'Pregnant or may be pregnant' },
  { key: 'breastfeeding', label: 'Breastfeeding' },
];
export const MEDICATIONS: YesNo[] = [
  { key: 'benzodiazepine', label: 'Benzodiazepine (e.g. lorazepam, clonazepam, alprazolam)' },
  { key: 'maoi', label: 'MAOI (e.g. phenelzine, tranylcypromine)' },
  { key: 'lamotrigine', label: 'Lamotrigine' },
  { key: 'psychostimulant', label: 'Stimulant (e.g. amphetamine, methylphenidate)' },
  { key: 'opioid', label: 'Opioid (e.g. oxycodone, buprenorphine, methadone)' },
];
export const OTHER: YesNo[] = [
  { key: 'activeSubstanceUseDisorder', label: 'Current problem with alcohol or drug use' },
  { key: 'priorUse', label: 'Have had ketamine before' },
  { key: 'hypersensitivity', label: 'Allergic or bad reaction to ketamine' },
  { key: 'nonMedicalUse', label: 'Have used ketamine outside medical care' },
  { key: 'escortAvailable', label: 'An adult can drive me home after each treatment' },
];

export interface IntakeFormState {
  checks: Record<string, boolean>;
  numbers: Record<string, string>;
  medications: MedRow[];
  allergies: AllergyRow[];
  trials: TrialRow[];
}

export const emptyIntakeForm = (): IntakeFormState => ({
  checks: {},
  numbers: {},
  medications: [],
  allergies: [],
  trials: [],
});

const opt = (v: string) => (v.trim() ? v.trim() : undefined);
const drop = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
/** A number, or the text as typed so the server names the field; empty → undefined. */
const num = (raw: string): number | undefined => {
  const t = raw.trim();
  if (!t) return undefined;
  const v = Number(t);
  return (Number.isFinite(v) ? v : t) as number;
};

/** Builds the request; empty numbers are left out, non-numbers are sent as-is so the server names them. */
export function toIntakeRequest(f: IntakeFormState): IntakeRequest {
  const c = (k: string) => f.checks[k] === true;
  const n = (k: string): number | undefined => {
    const raw = f.numbers[k]?.trim();
    if (!raw) return undefined;
    const v = Number(raw);
    return (Number.isFinite(v) ? v : raw) as number;
  };
  const rows = f.medications.filter((m) => m.name.trim() || m.dose.trim() || m.frequency.trim());
  const allergyRows = f.allergies.filter((a) => a.name.trim() || a.reaction.trim());
  return {
    indications: drop({
      depression: c('depression')
        ? drop({
            present: true,
            priorTrials: f.trials
              .filter((t) => t.drug.trim() || t.dose.trim() || t.weeks.trim() || t.outcome)
              .map((t) =>
                drop({
                  drug: t.drug.trim(),
                  dose: opt(t.dose),
                  durationWeeks: num(t.weeks),
                  outcome: t.outcome as 'no_response',
                }),
              ),
            suicidalIdeation: c('suicidalIdeation'),
          })
        : undefined,
      anxiety: c('anxiety'),
      ptsd: c('ptsd'),
      alcoholUseDisorder: c('alcoholUseDisorder'),
      opioidUseDisorder: c('opioidUseDisorder'),
    }),
    psychiatric: drop({
      activePsychosis: c('activePsychosis'),
      psychosisHistory: c('psychosisHistory'),
      activeMania: c('activeMania'),
      bipolarDisorder: c('bipolarDisorder'),
      suicideAttemptsLifetime: n('suicideAttemptsLifetime'),
      suicideAttemptPast3Months: c('suicideAttemptPast3Months'),
    }),
    medical: {
      hypertension: {
        present: c('hypertension') || c('hypertensionUncontrolled'),
        controlled: !c('hypertensionUncontrolled'),
      },
      cardiovascularDisease: {
        present: c('cardiovascularDisease') || c('cardiovascularUnstable'),
        unstable: c('cardiovascularUnstable'),
      },
      aneurysmalVascularDisease: c('aneurysmalVascularDisease'),
      arteriovenousMalformation: c('arteriovenousMalformation'),
      intracerebralHaemorrhageHistory: c('intracerebralHaemorrhageHistory'),
      hyperthyroidism: {
        present: c('hyperthyroidism') || c('hyperthyroidismUntreated'),
        untreated: c('hyperthyroidismUntreated'),
      },
      liverDisease: c('liverDisease') || c('hepaticModerate') || c('hepaticSevere'),
      ...(c('hepaticSevere')
        ? { hepaticImpairment: 'severe' as const }
        : c('hepaticModerate')
          ? { hepaticImpairment: 'moderate' as const }
          : {}),
      interstitialCystitis: c('interstitialCystitis'),
      seizureDisorder: c('seizureDisorder'),
      pregnant: c('pregnant'),
      breastfeeding: c('breastfeeding'),
    },
    medications: drop({
      entries: rows.length
        ? rows.map((m) => drop({ name: m.name.trim(), dose: opt(m.dose), frequency: opt(m.frequency) }))
        : undefined,
      benzodiazepine: c('benzodiazepine'),
      maoi: c('maoi'),
      lamotrigine: c('lamotrigine'),
      psychostimulant: c('psychostimulant'),
      opioid: c('opioid'),
    }),
    substanceUse: drop({
      auditTotal: n('auditTotal'),
      dast10Total: n('dast10Total'),
      activeSubstanceUseDisorder: c('activeSubstanceUseDisorder'),
    }),
    measurements: drop({
      heightCm: n('heightCm'),
      weightKg: n('weightKg'),
      baselineSbp: n('baselineSbp'),
      baselineDbp: n('baselineDbp'),
      baselineHr: n('baselineHr'),
    }),
    allergies: [],
    ...(allergyRows.length
      ? { allergyEntries: allergyRows.map((a) => drop({ name: a.name.trim(), reaction: opt(a.reaction) })) }
      : {}),
    ketamine: {
      priorUse: c('priorUse'),
      hypersensitivity: c('hypersensitivity'),
      nonMedicalUse: c('nonMedicalUse'),
    },
    escortAvailable: c('escortAvailable'),
  };
}
