/**
 * Eligibility types: the intake record, the declarative rule condition language, rules and results.
 *
 * Sources: Sanacora et al., APA consensus statement, JAMA Psychiatry 2017 (pre-treatment evaluation: diagnosis,
 * substance use and psychosis history, baseline severity, prior treatments, medical review); SPRAVATO US label
 * and REMS 386 (contraindications; concomitant benzodiazepines, psychostimulants, MAOIs, opioids); AUDIT (WHO)
 * and DAST-10 totals (docs/clinical-sources.md#instruments-scoring-and-codes); contraindications used in
 * practice (docs/clinical-sources.md#contraindications).
 */
import type { PriorTrial, TrialOutcome } from '../medications/trials.ts';
import type { Drug, Indication, Route } from '../protocols/types.ts';
import type { IntakeField } from './fields.ts';

/** What the patient reports and the clinic measures at intake. Required booleans force an explicit answer. */
export interface Intake {
  indications: {
    depression?: {
      present: boolean;
      /** A count without details (older intakes); the TRD rule reads `priorTrials`. */
      failedAntidepressantTrials?: number;
      /** Antidepressant trials in this episode: drug, dose, weeks, outcome. */
      priorTrials?: PriorTrial[];
      suicidalIdeation?: boolean;
    };
    anxiety?: boolean;
    ptsd?: boolean;
    alcoholUseDisorder?: boolean;
    opioidUseDisorder?: boolean;
  };
  psychiatric: {
    activePsychosis: boolean;
    psychosisHistory: boolean;
    activeMania: boolean;
    bipolarDisorder: boolean;
    suicideAttemptsLifetime?: number;
    suicideAttemptPast3Months?: boolean;
  };
  medical: {
    hypertension: { present: boolean; controlled?: boolean };
    cardiovascularDisease: { present: boolean; unstable?: boolean };
    aneurysmalVascularDisease: boolean;
    arteriovenousMalformation: boolean;
    intracerebralHaemorrhageHistory: boolean;
    hyperthyroidism: { present: boolean; untreated?: boolean };
    liverDisease: boolean;
    /** Hepatic impairment by Child-Pugh class: mild A, moderate B, severe C (SPRAVATO label section 8.6). */
    hepaticImpairment?: 'mild' | 'moderate' | 'severe';
    interstitialCystitis: boolean;
    seizureDisorder: boolean;
    pregnant: boolean;
    breastfeeding: boolean;
  };
  medications: {
    list?: string[];
    benzodiazepine: boolean;
    maoi: boolean;
    lamotrigine: boolean;
    psychostimulant: boolean;
    opioid: boolean;
    /** Set from the chart's medication list (the intake form asks the five classes above). */
    nonBenzodiazepineHypnotic?: boolean;
    naltrexone?: boolean;
    nmdaAntagonist?: boolean;
  };
  substanceUse: {
    auditTotal?: number;
    dast10Total?: number;
    activeSubstanceUseDisorder: boolean;
  };
  measurements: {
    heightCm?: number;
    weightKg?: number;
    baselineSbp?: number;
    baselineDbp?: number;
    baselineHr?: number;
  };
  allergies: string[];
  ketamine: {
    priorUse: boolean;
    hypersensitivity: boolean;
    nonMedicalUse?: boolean;
  };
  escortAvailable: boolean;
}

/** Computed context: age from date of birth, and the protocol under consideration (if any). */
export interface EligibilityContext {
  ageYears: number;
  /** When given, rules with `appliesTo` run only for matching protocols; when absent, all rules run. */
  protocol?: { drug: Drug; route: Route; indications?: Indication[] };
}

export type Scalar = boolean | number | string;

/**
 * Counts the distinct antidepressants with an adequate failed trial (see `medications/trials.ts`): at least
 * `minWeeks` weeks and an outcome in `outcomes` (default no response or partial response).
 */
export interface TrialsCount {
  minWeeks: number;
  outcomes?: TrialOutcome[];
}

/** Closed condition language; evaluated by a small interpreter, never `eval`. */
export type Condition =
  | { field: IntakeField; op: 'eq'; value: Scalar }
  | { trials: TrialsCount; op: 'gte' | 'lt'; value: number }
  | { field: IntakeField; op: 'gte' | 'lt'; value: number }
  | { field: IntakeField; op: 'in'; value: Scalar[] }
  | { field: IntakeField; op: 'true' }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Severity = 'absolute' | 'relative' | 'caution';

export interface AppliesTo {
  drugs?: Drug[];
  routes?: Route[];
  indications?: Indication[];
}

export interface EligibilityRule {
  id: string;
  version: number;
  description: string;
  severity: Severity;
  appliesTo?: AppliesTo;
  condition: Condition;
  /** Shown to the clinician when the rule fires; defaults to `description`. */
  message?: string;
  source: string;
}

export interface EligibilityRuleSet {
  id: string;
  version: number;
  rules: EligibilityRule[];
}

export interface EligibilityHit {
  ruleId: string;
  ruleVersion: number;
  severity: Severity;
  message: string;
  source: string;
}

export interface EligibilityResult {
  /** any absolute → 'no'; else any relative → 'review'; else 'yes' (caution hits are listed). */
  eligible: 'yes' | 'no' | 'review';
  hits: EligibilityHit[];
  /** Fields that rules read but the intake left empty; a rule on an unknown field does not fire. */
  unknownFields: IntakeField[];
}
