/**
 * API shapes of the plans module: intake, eligibility, consent, protocol library, treatment plans and
 * the dose calculator. The intake body mirrors `Intake` in @plasticity/clinical/eligibility (same
 * nesting and names; units in field names: `heightCm`, `weightKg`, `baselineSbp` in mmHg), plus the
 * optional AUDIT and DAST-10 answers scored on the server and `weightMeasuredAt`.
 *
 * Sources for the content: Sanacora et al., APA consensus statement, JAMA Psychiatry 2017 (pre-treatment
 * evaluation) and docs/clinical-sources.md#contraindications.
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

export const ProtocolRoute = z.enum(['iv', 'im', 'sublingual', 'oral', 'intranasal']);
export const ProtocolDrug = z.enum(['ketamine', 'esketamine']);
export const ProtocolItem = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  route: ProtocolRoute,
  drug: ProtocolDrug,
  version: z.number(),
  status: z.enum(['active', 'draft', 'retired']),
  active: z.boolean(),
  isDefault: z.boolean(),
  current: z.boolean(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  protocol: z.record(z.string(), z.unknown()),
});
export type ProtocolItem = z.infer<typeof ProtocolItem>;
export const ProtocolList = z.object({ items: z.array(ProtocolItem) });
export const ProtocolListQuery = z.object({ history: z.enum(['true', 'false']).optional() });
/** An edit of a protocol line: the full protocol data (validated by validateProtocol) → a new version. */
export const UpdateProtocolRequest = z
  .object({
    protocol: z.record(z.string(), z.unknown()),
    changeNote: shortText(500),
    makeDefault: z.boolean().optional(),
  })
  .strict();

export const ConsentKind = z.enum([
  'off_label_ketamine',
  'kap',
  'esketamine_rems',
  'telehealth',
  'financial',
]);
/** What people call each consent kind (screens and server messages). */
export type ConsentKind = z.infer<typeof ConsentKind>;
export const CONSENT_KIND_LABELS: Readonly<Record<z.infer<typeof ConsentKind>, string>> = {
  off_label_ketamine: 'Off-label ketamine',
  kap: 'Ketamine-assisted psychotherapy',
  esketamine_rems: 'Esketamine REMS enrollment',
  telehealth: 'Telehealth',
  financial: 'Financial policy',
};

export const ConsentDocument = z.object({
  id: Uuid,
  kind: ConsentKind,
  version: z.number(),
  title: z.string(),
  body: z.string(),
  bodySha256: z.string(),
  createdAt: z.string(),
});
export type ConsentDocument = z.infer<typeof ConsentDocument>;
export const ConsentDocumentList = z.object({ items: z.array(ConsentDocument) });
export const UpdateConsentDocumentRequest = z
  .object({ title: shortText(200), body: shortText(50_000) })
  .strict();
export const ConsentKindParams = z.object({ kind: ConsentKind });
export const ConsentSignedVia = z.enum(['portal', 'clinic_device']);
export type ConsentSignedVia = z.infer<typeof ConsentSignedVia>;
export const ConsentSignature = z.object({
  id: Uuid,
  patientId: Uuid,
  documentId: Uuid,
  kind: ConsentKind,
  documentVersion: z.number(),
  typedName: z.string(),
  signedAt: z.string(),
  sourceAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  textSha256: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  /** `portal`: the patient's own account; `clinic_device`: in the clinic, on a device staff handed over. */
  signedVia: ConsentSignedVia,
  /** Who handed the clinic device to the patient (null for portal signatures). */
  handedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
});
export type ConsentSignature = z.infer<typeof ConsentSignature>;
export const PatientConsents = z.object({
  documents: z.array(ConsentDocument),
  signatures: z.array(ConsentSignature),
});
export type PatientConsents = z.infer<typeof PatientConsents>;
export const SignConsentRequest = z
  .object({
    documentId: Uuid,
    typedName: shortText(200),
    /** Optional: the SHA-256 the browser computed of the text it showed; must match the stored text. */
    textSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256')
      .optional(),
    agree: z.literal(true),
  })
  .strict();
export type SignConsentRequest = z.infer<typeof SignConsentRequest>;
export const SignatureParams = z.object({ id: Uuid, signatureId: Uuid });
export const WithdrawConsentRequest = z.object({ reason: shortText(1000) }).strict();

/**
 * The dose a plan prescribes: mg/kg (weight-based protocols) or mg (fixed and flat-range protocols), the
 * infusion's duration (IV) and how often. The route is the protocol's. Limits are the protocol's and are
 * checked by the dose calculator when it is set and again when a dose is given.
 */
export const PrescribedDose = z
  .object({
    mgPerKg: z.number().positive().max(100).optional(),
    fixedMg: z.number().positive().max(10_000).optional(),
    durationMin: z.number().positive().max(1440).optional(),
    frequency: shortText(200),
  })
  .strict()
  .refine((d) => (d.mgPerKg === undefined) !== (d.fixedMg === undefined), {
    message: 'give either mgPerKg or fixedMg',
    path: ['mgPerKg'],
  });
export type PrescribedDose = z.infer<typeof PrescribedDose>;
export const PrescribedDoseView = z.object({
  mgPerKg: z.number().nullable(),
  fixedMg: z.number().nullable(),
  durationMin: z.number().nullable(),
  frequency: z.string(),
  route: z.string(),
  /** The prescriber who approved this dose (null while the plan awaits approval). */
  approvedBy: Uuid.nullable(),
  approvedAt: z.string().nullable(),
});
export type PrescribedDoseView = z.infer<typeof PrescribedDoseView>;

export const PlanStatus = z.enum(['draft', 'approved', 'active', 'completed', 'stopped']);
export const TreatmentPlan = z.object({
  id: Uuid,
  patientId: Uuid,
  protocolId: Uuid,
  protocolVersion: z.number(),
  protocolName: z.string(),
  route: ProtocolRoute,
  drug: ProtocolDrug,
  indications: z.array(z.string()),
  targetInstruments: z.array(z.string()),
  plannedSessions: z.number(),
  sessionsCompleted: z.number(),
  progressPct: z.number(),
  eligibilityDecisionId: Uuid.nullable(),
  notes: z.string().nullable(),
  prescribedDose: PrescribedDoseView.nullable(),
  status: PlanStatus,
  statusReason: z.string().nullable(),
  requiredConsents: z.array(ConsentKind),
  missingConsents: z.array(ConsentKind),
  approvedBy: Uuid.nullable(),
  approvedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), reason: z.string().nullable(), at: z.string() }),
  ),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;
export const TreatmentPlanList = z.object({ items: z.array(TreatmentPlan) });
const Indication = z.enum([
  'trd',
  'mdd_with_suicidal_ideation',
  'depression',
  'anxiety',
  'ptsd',
  'alcohol_use_disorder',
  'opioid_use_disorder',
]);
export const CreatePlanRequest = z
  .object({
    protocolId: Uuid,
    indications: z.array(Indication).min(1).max(7),
    targetInstruments: z
      .array(z.string().regex(/^[a-z0-9_]{2,40}$/))
      .max(20)
      .optional(),
    plannedSessions: z.number().int().min(1).max(200).optional(),
    eligibilityDecisionId: Uuid.optional(),
    notes: z.string().trim().max(5000).optional(),
    /** Defaults to the protocol's default dose, duration and schedule. */
    prescribedDose: PrescribedDose.optional(),
  })
  .strict();
export const PlanParams = z.object({ id: Uuid, planId: Uuid });
export const PlanTransitionRequest = z
  .object({ to: z.enum(['approved', 'active', 'completed', 'stopped']), reason: shortText(1000).optional() })
  .strict();

const positive = z.number().positive().max(1_000_000);
export const DoseOverrideRequest = z
  .object({
    reason: shortText(1000),
    verifierEmail: z.string().trim().toLowerCase().pipe(z.email()),
    verifierPassword: z.string().min(1).max(500).optional(),
    verifierTotp: z
      .string()
      .regex(/^\d{6}$/, 'must be 6 digits')
      .optional(),
  })
  .strict()
  .refine((o) => (o.verifierPassword === undefined) !== (o.verifierTotp === undefined), {
    message: 'give exactly one of verifierPassword or verifierTotp',
    path: ['verifierPassword'],
  });
export const DoseCalculateRequest = z
  .object({
    protocolId: Uuid,
    patientId: Uuid.optional(),
    weightKg: positive.optional(),
    mgPerKg: positive.optional(),
    fixedMg: positive.optional(),
    concentrationMgPerMl: positive.optional(),
    durationMin: positive.optional(),
    bagVolumeMl: positive.optional(),
    ageYears: z.number().min(0).max(150).optional(),
    /** Height for BMI and ideal/adjusted body weight; with `patientId` the latest intake height is used. */
    heightCm: z.number().min(50).max(260).optional(),
    /** For the ideal-body-weight formula when no patient is given. */
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    override: DoseOverrideRequest.optional(),
  })
  .strict();
export type DoseCalculateRequest = z.infer<typeof DoseCalculateRequest>;
/** Which weight a weight-based dose was calculated on, and why. */
export const DosingWeightUsed = z.object({
  basis: z.enum(['actual', 'ideal', 'adjusted']),
  kg: z.number(),
  actualKg: z.number(),
  heightCm: z.number().nullable(),
  bmi: z.number().nullable(),
  idealKg: z.number().nullable(),
  adjustedKg: z.number().nullable(),
  reason: z.string(),
});
export type DosingWeightUsed = z.infer<typeof DosingWeightUsed>;
export const DoseCalculateResponse = z.object({
  calculationId: Uuid,
  protocolId: Uuid,
  protocolVersion: z.number(),
  doseMg: z.number(),
  volumeMl: z.number().optional(),
  rateMlPerHour: z.number().optional(),
  devices: z.number().optional(),
  warnings: z.array(z.string()),
  blocked: z.boolean(),
  reasons: z.array(z.string()),
  overridden: z.boolean(),
  weightKg: z.number().nullable(),
  weightMeasuredAt: z.string().nullable(),
  mgPerKg: z.number().nullable(),
  /** Weight-based protocols: the dosing weight (actual, ideal or adjusted) and why. */
  dosingWeight: DosingWeightUsed.optional(),
  /** Where the height came from: the request or the latest intake. */
  heightFrom: z.enum(['request', 'intake']).optional(),
});
export type DoseCalculateResponse = z.infer<typeof DoseCalculateResponse>;

/** Correction of a clinical record: it is kept, marked "entered in error" with a reason, and no longer used. */
export const PlanEnteredInErrorRequest = z.object({ reason: shortText(1000) }).strict();
export const IntakeParams = z.object({ id: Uuid, intakeId: Uuid });
export const WeightParams = z.object({ id: Uuid, weightId: Uuid });
