/**
 * Intake form state ↔ the API body (IntakeRequest). Questions follow the APA consensus pre-treatment
 * evaluation (Sanacora et al., JAMA Psychiatry 2017) and the SPRAVATO REMS medication list (REFERENCE.md §2).
 */
import type { IntakeRequest } from '@plasticity/contracts';

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
  medicationList: string;
  allergies: string;
}

export const emptyIntakeForm = (): IntakeFormState => ({
  checks: {},
  numbers: {},
  medicationList: '',
  allergies: '',
});

const list = (s: string) =>
  s
    .split(/[\n,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Builds the request; empty numbers are left out, non-numbers are sent as-is so the server names them. */
export function toIntakeRequest(f: IntakeFormState): IntakeRequest {
  const c = (k: string) => f.checks[k] === true;
  const n = (k: string): number | undefined => {
    const raw = f.numbers[k]?.trim();
    if (!raw) return undefined;
    const v = Number(raw);
    return (Number.isFinite(v) ? v : raw) as number;
  };
  const opt = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    indications: opt({
      depression: c('depression')
        ? opt({
            present: true,
            failedAntidepressantTrials: n('failedTrials'),
            suicidalIdeation: c('suicidalIdeation'),
          })
        : undefined,
      anxiety: c('anxiety'),
      ptsd: c('ptsd'),
      alcoholUseDisorder: c('alcoholUseDisorder'),
      opioidUseDisorder: c('opioidUseDisorder'),
    }),
    psychiatric: opt({
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
    medications: opt({
      list: list(f.medicationList).length ? list(f.medicationList) : undefined,
      benzodiazepine: c('benzodiazepine'),
      maoi: c('maoi'),
      lamotrigine: c('lamotrigine'),
      psychostimulant: c('psychostimulant'),
      opioid: c('opioid'),
    }),
    substanceUse: opt({
      auditTotal: n('auditTotal'),
      dast10Total: n('dast10Total'),
      activeSubstanceUseDisorder: c('activeSubstanceUseDisorder'),
    }),
    measurements: opt({
      heightCm: n('heightCm'),
      weightKg: n('weightKg'),
      baselineSbp: n('baselineSbp'),
      baselineDbp: n('baselineDbp'),
      baselineHr: n('baselineHr'),
    }),
    allergies: list(f.allergies),
    ketamine: {
      priorUse: c('priorUse'),
      hypersensitivity: c('hypersensitivity'),
      nonMedicalUse: c('nonMedicalUse'),
    },
    escortAvailable: c('escortAvailable'),
  };
}
