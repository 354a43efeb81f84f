/**
 * API shapes of the sliding scale: evaluating a household against the HHS poverty guidelines and the clinic's
 * tiers, the clinic's versioned tiers, the guideline years (shipped and added by an admin), and a patient's
 * assessments (evidence seen, approval, expiry). Rules: `@plasticity/clinical/sliding-scale`
 * (docs/clinical-sources.md#hhs-poverty-guidelines, #sliding-scale-tiers). Money in requests and answers is
 * integer cents, except the evaluate route, whose shape (`annualIncome`, `guideline` in dollars) is fixed.
 */
import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A two-letter state code (upper or lower case; answered in upper case). */
export const StateCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter state code')
  .transform((s) => s.toUpperCase());

const HouseholdSize = z.number().int().min(1).max(50);
const GuidelineYearNumber = z.number().int().min(1990).max(2200);

export const EvaluateSlidingScaleRequest = z
  .object({
    householdSize: HouseholdSize,
    /** Annual household income in US dollars (cents allowed). */
    annualIncome: z
      .number()
      .finite()
      .nonnegative()
      .max(100_000_000)
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'must be whole cents'),
    state: StateCode,
    year: GuidelineYearNumber,
  })
  .strict();
export type EvaluateSlidingScaleRequest = z.input<typeof EvaluateSlidingScaleRequest>;

export const SlidingScaleEvaluation = z.object({
  /** The poverty guideline for the household, in dollars. */
  guideline: z.number(),
  /** Income as a percent of the guideline, one decimal. */
  percentOfPoverty: z.number(),
  /** The clinic's tier label. */
  tier: z.string(),
  discountPercent: z.number(),
});
export type SlidingScaleEvaluation = z.infer<typeof SlidingScaleEvaluation>;

export const SlidingScaleTierInput = z
  .object({
    label: text(40),
    /** Upper bound in percent of poverty (inclusive); null for the open top band. */
    maxPercent: z.number().positive().max(10_000).nullable(),
    discountPercent: z.number().int().min(0).max(100),
  })
  .strict();

export const SaveSlidingScaleTiersRequest = z
  .object({
    tiers: z.array(SlidingScaleTierInput).min(1).max(20),
    /** Months an approved assessment stays valid. */
    assessmentValidMonths: z.number().int().min(1).max(36),
  })
  .strict();
export type SaveSlidingScaleTiersRequest = z.input<typeof SaveSlidingScaleTiersRequest>;

export const SlidingScaleTierSet = z.object({
  /** 0 for the product's defaults (the clinic has saved none). */
  version: z.number().int(),
  tiers: z.array(
    z.object({ label: z.string(), maxPercent: z.number().nullable(), discountPercent: z.number() }),
  ),
  assessmentValidMonths: z.number().int(),
  effectiveFrom: IsoDateTime.nullable(),
  createdByName: z.string().nullable(),
});
export type SlidingScaleTierSet = z.infer<typeof SlidingScaleTierSet>;

export const SlidingScaleTierSets = z.object({
  current: SlidingScaleTierSet,
  /** Every saved version, newest first. */
  versions: z.array(SlidingScaleTierSet),
});
export type SlidingScaleTierSets = z.infer<typeof SlidingScaleTierSets>;

const Dollars = z.number().int().positive().max(10_000_000);

export const AddPovertyGuidelineYearRequest = z
  .object({
    year: GuidelineYearNumber,
    citation: text(200),
    /** 48 contiguous states and DC: households of 1 … 8 persons, in dollars. */
    contiguous: z.array(Dollars).length(8),
    contiguousExtra: Dollars,
    alaskaOne: Dollars,
    alaskaExtra: Dollars,
    hawaiiOne: Dollars,
    hawaiiExtra: Dollars,
  })
  .strict();
export type AddPovertyGuidelineYearRequest = z.input<typeof AddPovertyGuidelineYearRequest>;

export const PovertyGuidelineYearView = z.object({
  year: z.number().int(),
  citation: z.string(),
  contiguous: z.array(z.number()),
  contiguousExtra: z.number(),
  alaskaOne: z.number(),
  alaskaExtra: z.number(),
  hawaiiOne: z.number(),
  hawaiiExtra: z.number(),
  /** Shipped with the product, or added by the clinic (a clinic's year replaces a shipped one). */
  source: z.enum(['shipped', 'clinic']),
  addedAt: IsoDateTime.nullable(),
});
export type PovertyGuidelineYearView = z.infer<typeof PovertyGuidelineYearView>;
export const PovertyGuidelineYearList = z.object({ items: z.array(PovertyGuidelineYearView) });
export type PovertyGuidelineYearList = z.infer<typeof PovertyGuidelineYearList>;

export const CreateSlidingScaleAssessmentRequest = z
  .object({
    householdSize: HouseholdSize,
    annualIncomeCents: z.number().int().nonnegative().max(10_000_000_000),
    state: StateCode,
    year: GuidelineYearNumber,
    /** What was seen, e.g. "2025 tax return, two pay stubs". */
    evidence: text(1000),
    /** The person recording approves the assessment (required). */
    approve: z.literal(true, { error: 'must be ticked to approve the assessment' }),
  })
  .strict();
export type CreateSlidingScaleAssessmentRequest = z.input<typeof CreateSlidingScaleAssessmentRequest>;

export const AssessmentEnteredInErrorRequest = z.object({ reason: text(500) }).strict();
export type AssessmentEnteredInErrorRequest = z.input<typeof AssessmentEnteredInErrorRequest>;

export const SlidingScaleAssessmentStatus = z.enum(['active', 'superseded', 'expired', 'entered_in_error']);
export type SlidingScaleAssessmentStatus = z.infer<typeof SlidingScaleAssessmentStatus>;

export const SlidingScaleAssessment = z.object({
  id: Uuid,
  householdSize: z.number().int(),
  annualIncomeCents: z.number().int(),
  state: z.string(),
  year: z.number().int(),
  guideline: z.number(),
  percentOfPoverty: z.number(),
  tierLabel: z.string(),
  discountPercent: z.number().int(),
  tierSetVersion: z.number().int(),
  evidence: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: IsoDateTime,
  expiresAt: IsoDateTime,
  status: SlidingScaleAssessmentStatus,
  enteredInErrorAt: IsoDateTime.nullable(),
  enteredInErrorReason: z.string().nullable(),
});
export type SlidingScaleAssessment = z.infer<typeof SlidingScaleAssessment>;

export const SlidingScaleAssessmentList = z.object({
  /** Newest first. */
  items: z.array(SlidingScaleAssessment),
  /** The assessment whose discount applies now, if any. */
  activeId: Uuid.nullable(),
});
export type SlidingScaleAssessmentList = z.infer<typeof SlidingScaleAssessmentList>;

export const SlidingScaleAssessmentParams = z.object({ id: Uuid, assessmentId: Uuid });
