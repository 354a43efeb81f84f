/**
 * API shapes of the plans module's intake and eligibility: the intake questionnaire, weights, eligibility
 * decisions and the eligibility rule set. The intake body mirrors `Intake` in @plasticity/clinical/eligibility
 * (same nesting and names; units in field names: `heightCm`, `weightKg`, `baselineSbp` in mmHg), plus the
 * optional AUDIT and DAST-10 answers scored on the server and `weightMeasuredAt`.
 *
 * Sources for the content: Sanacora et al., APA consensus statement, JAMA Psychiatry 2017 (pre-treatment
 * evaluation); see docs/clinical-sources.md.
 */
import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';
import { IntakeAllergyRow, IntakeMedicationRow, PriorTrialRow } from './medications.ts';

const bool = z.boolean();
const count = (max: number) => z.number().int().min(0).max(max);
const measure = (min: number, max: number) => z.number().min(min).max(max);
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const IntakeRequest = z
  .object({
    indications: z
      .object({
        depression: z
          .object({
            present: bool,
            failedAntidepressantTrials: count(50).optional(),
            /** Antidepressant trials in this episode; the TRD rule counts the adequate failed ones. */
            priorTrials: z.array(PriorTrialRow).max(30).optional(),
            suicidalIdeation: bool.optional(),
          })
          .strict()
          .optional(),
        anxiety: bool.optional(),
        ptsd: bool.optional(),
        alcoholUseDisorder: bool.optional(),
        opioidUseDisorder: bool.optional(),
      })
      .strict(),
    psychiatric: z
      .object({
        activePsychosis: bool,
        psychosisHistory: bool,
        activeMania: bool,
        bipolarDisorder: bool,
        suicideAttemptsLifetime: count(100).optional(),
        suicideAttemptPast3Months: bool.optional(),
      })
      .strict(),
    medical: z
      .object({
        hypertension: z.object({ present: bool, controlled: bool.optional() }).strict(),
        cardiovascularDisease: z.object({ present: bool, unstable: bool.optional() }).strict(),
        aneurysmalVascularDisease: bool,
        arteriovenousMalformation: bool,
        intracerebralHaemorrhageHistory: bool,
        hyperthyroidism: z.object({ present: bool, untreated: bool.optional() }).strict(),
        liverDisease: bool,
        /** Child-Pugh class of hepatic impairment (SPRAVATO label section 8.6), when known. */
        hepaticImpairment: z.enum(['mild', 'moderate', 'severe']).optional(),
        interstitialCystitis: bool,
        seizureDisorder: bool,
        pregnant: bool,
        breastfeeding: bool,
      })
      .strict(),
    medications: z
      .object({
        list: z.array(shortText(200)).max(100).optional(),
        /** Structured rows; each lands on the chart's medication list as patient-reported, not reconciled. */
        entries: z.array(IntakeMedicationRow).max(100).optional(),
        benzodiazepine: bool,
        maoi: bool,
        lamotrigine: bool,
        psychostimulant: bool,
        opioid: bool,
      })
      .strict(),
    substanceUse: z
      .object({
        auditTotal: count(40).optional(),
        dast10Total: count(10).optional(),
        /** The ten AUDIT answers (option values 0–4); scored on the server, total must agree if both given. */
        auditAnswers: z.array(z.number().int().min(0).max(4)).length(10).optional(),
        /** The ten DAST-10 answers (0 = no, 1 = yes, as presented); scored on the server. */
        dast10Answers: z.array(z.number().int().min(0).max(1)).length(10).optional(),
        activeSubstanceUseDisorder: bool,
      })
      .strict(),
    measurements: z
      .object({
        heightCm: measure(50, 260).optional(),
        /** Measured body weight in kg; stored as a weight observation for the dose calculator. */
        weightKg: measure(20, 400).optional(),
        /** When the weight was measured; defaults to the submission time. */
        weightMeasuredAt: IsoDateTime.optional(),
        baselineSbp: measure(50, 300).optional(),
        baselineDbp: measure(20, 200).optional(),
        baselineHr: measure(20, 250).optional(),
      })
      .strict(),
    allergies: z.array(shortText(200)).max(100),
    /** Structured rows; each lands on the chart's allergy list as patient-reported, not reconciled. */
    allergyEntries: z.array(IntakeAllergyRow).max(100).optional(),
    ketamine: z.object({ priorUse: bool, hypersensitivity: bool, nonMedicalUse: bool.optional() }).strict(),
    escortAvailable: bool,
  })
  .strict();
export type IntakeRequest = z.infer<typeof IntakeRequest>;

export const IntakeRecord = z.object({
  id: Uuid,
  patientId: Uuid,
  intake: z.record(z.string(), z.unknown()),
  submittedRole: z.string(),
  createdAt: z.string(),
});
export type IntakeRecord = z.infer<typeof IntakeRecord>;
export const IntakeList = z.object({ items: z.array(IntakeRecord) });

export const WeightRequest = z
  .object({ weightKg: measure(20, 400), measuredAt: IsoDateTime.optional() })
  .strict();

export const EligibilitySeverity = z.enum(['absolute', 'relative', 'caution']);
export const EligibilityHit = z.object({
  ruleId: z.string(),
  ruleVersion: z.number(),
  severity: EligibilitySeverity,
  message: z.string(),
  source: z.string(),
});
export const EligibilityRequest = z.object({ protocolId: Uuid.optional() }).strict();
export const EligibilityDecision = z.object({
  id: Uuid,
  patientId: Uuid,
  intakeId: Uuid,
  eligible: z.enum(['yes', 'no', 'review']),
  hits: z.array(EligibilityHit),
  unknownFields: z.array(z.string()),
  ruleSetVersion: z.number(),
  protocolId: Uuid.nullable(),
  ageYears: z.number(),
  evaluatedAt: z.string(),
  decision: z.enum(['approved', 'declined']).nullable(),
  override: z.boolean(),
  decisionReason: z.string().nullable(),
  decidedBy: Uuid.nullable(),
  decidedAt: z.string().nullable(),
});
export type EligibilityDecision = z.infer<typeof EligibilityDecision>;
export const EligibilityList = z.object({ items: z.array(EligibilityDecision) });
export const SignEligibilityRequest = z
  .object({ decision: z.enum(['approved', 'declined']), reason: shortText(1000).optional() })
  .strict();
export const EligibilityParams = z.object({ id: Uuid, decisionId: Uuid });

export const RuleSet = z.object({
  id: Uuid,
  version: z.number(),
  rules: z.array(z.record(z.string(), z.unknown())),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
});
export const UpdateRuleSetRequest = z
  .object({ rules: z.array(z.record(z.string(), z.unknown())).min(1).max(500), changeNote: shortText(500) })
  .strict();
export const IntakeParams = z.object({ id: Uuid, intakeId: Uuid });
export const WeightParams = z.object({ id: Uuid, weightId: Uuid });
