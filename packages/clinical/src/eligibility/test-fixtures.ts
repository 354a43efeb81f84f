/**
 * Test fixture: an intake with every safety answer explicitly "no" (eligible for any default protocol).
 * Sources: none (test data).
 */
import type { EligibilityContext, Intake } from './types.ts';

export function cleanIntake(): Intake {
  return {
    indications: {
      depression: {
        present: true,
        priorTrials: [
          { drug: 'Sertraline', dose: '150 mg daily', durationWeeks: 8, outcome: 'no_response' },
          { drug: 'Venlafaxine', dose: '225 mg daily', durationWeeks: 10, outcome: 'partial' },
          { drug: 'Bupropion', dose: '300 mg daily', durationWeeks: 6, outcome: 'no_response' },
        ],
        suicidalIdeation: false,
      },
    },
    psychiatric: {
      activePsychosis: false,
      psychosisHistory: false,
      activeMania: false,
      bipolarDisorder: false,
      suicideAttemptsLifetime: 0,
      suicideAttemptPast3Months: false,
    },
    medical: {
      hypertension: { present: false },
      cardiovascularDisease: { present: false },
      aneurysmalVascularDisease: false,
      arteriovenousMalformation: false,
      intracerebralHaemorrhageHistory: false,
      hyperthyroidism: { present: false },
      liverDisease: false,
      interstitialCystitis: false,
      seizureDisorder: false,
      pregnant: false,
      breastfeeding: false,
    },
    medications: {
      benzodiazepine: false,
      maoi: false,
      lamotrigine: false,
      psychostimulant: false,
      opioid: false,
    },
    substanceUse: { auditTotal: 3, dast10Total: 0, activeSubstanceUseDisorder: false },
    measurements: { heightCm: 175, weightKg: 70, baselineSbp: 120, baselineDbp: 80, baselineHr: 70 },
    allergies: [],
    ketamine: { priorUse: false, hypersensitivity: false, nonMedicalUse: false },
    escortAvailable: true,
  };
}

export type Patch<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : Patch<T[K]>) : T[K];
};

/** A clean intake with a deep patch applied (arrays and scalars replace; objects merge). */
export function intakeWith(patch: Patch<Intake> = {}): Intake {
  return merge(cleanIntake(), patch) as Intake;
}

function merge(base: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
  return out;
}

export const IV_CTX: EligibilityContext = {
  ageYears: 40,
  protocol: { drug: 'ketamine', route: 'iv', indications: ['trd'] },
};
export const ESK_CTX: EligibilityContext = {
  ageYears: 40,
  protocol: { drug: 'esketamine', route: 'intranasal', indications: ['trd'] },
};
export const KAP_CTX: EligibilityContext = {
  ageYears: 40,
  protocol: { drug: 'ketamine', route: 'sublingual', indications: ['depression', 'anxiety', 'ptsd'] },
};
