/**
 * API shapes of treatment plans and the dose calculator: the prescribed dose, plans and their transitions,
 * dose overrides and the calculation. Intake and eligibility (`intake.ts`), the protocol library
 * (`protocols.ts`) and consent (`consent.ts`) have their own files.
 */
import { z } from 'zod';
import { Uuid } from './common.ts';
import { ConsentKind } from './consent.ts';
import { ProtocolDrug, ProtocolRoute } from './protocols.ts';

const shortText = (max: number) => z.string().trim().min(1).max(max);

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
