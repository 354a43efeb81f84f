/**
 * API shapes of good-faith estimates for uninsured and self-pay patients (No Surprises Act, 45 CFR 149.610): the
 * patient's coverage status, estimates with their lines (grouped by provider on the PDF), the due list and the
 * flag when a provider's billed charges are $400 or more above its expected charges on an estimate (45 CFR
 * 149.620). Money is integer cents.
 */
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

export const CoverageStatus = z.enum(['self_pay', 'uninsured', 'insured_not_billing', 'insured']);
export type CoverageStatus = z.infer<typeof CoverageStatus>;

export const SetCoverageRequest = z.object({ status: CoverageStatus }).strict();
export type SetCoverageRequest = z.infer<typeof SetCoverageRequest>;

export const Coverage = z.object({
  status: CoverageStatus,
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  /** True for self-pay and uninsured patients, to whom estimates are owed. */
  estimateRequired: z.boolean(),
});
export type Coverage = z.infer<typeof Coverage>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const EstimateLineInput = z
  .object({
    serviceCode: text(20),
    description: text(300),
    diagnosisCodes: z.array(text(10)).max(12).default([]),
    quantity: z.number().int().min(1).max(1000).default(1),
    unitChargeCents: z.number().int().min(0).max(100_000_000),
    /** A clinician of the clinic as provider; absent → the clinic itself. */
    providerUserId: Uuid.optional(),
    /** The provider's NPI and TIN as printed (absent → the clinic's). */
    providerNpi: z
      .string()
      .trim()
      .regex(/^\d{10}$/, 'must be 10 digits')
      .optional(),
    providerTin: z
      .string()
      .trim()
      .regex(/^\d{2}-\d{7}$/, 'must be XX-XXXXXXX')
      .optional(),
    /** Expected before or after the primary service and scheduled separately (listed, not in the total). */
    separateScheduling: z.boolean().default(false),
  })
  .strict();
export type EstimateLineInput = z.input<typeof EstimateLineInput>;

export const EstimateTriggerKind = z.enum(['scheduled', 'requested']);
export type EstimateTriggerKind = z.infer<typeof EstimateTriggerKind>;

export const CreateEstimateRequest = z
  .object({
    primaryService: text(300),
    /** What starts the deadline: the service was scheduled, or the patient asked. */
    trigger: EstimateTriggerKind,
    /** The booked visit of the primary service (its date and booking date are then taken from it). */
    appointmentId: Uuid.optional(),
    /** The primary service's scheduled date, when there is no appointment. */
    scheduledOn: IsoDate.optional(),
    /** The day the patient asked (trigger 'requested'); defaults to today in the clinic's zone. */
    requestedOn: IsoDate.optional(),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    lines: z.array(EstimateLineInput).min(1).max(100),
    /** Issue at once (otherwise a draft). */
    issue: z.boolean().default(false),
  })
  .strict();
export type CreateEstimateRequest = z.input<typeof CreateEstimateRequest>;

export const EstimateLine = z.object({
  id: Uuid,
  providerUserId: Uuid.nullable(),
  providerName: z.string(),
  providerNpi: z.string().nullable(),
  providerTin: z.string().nullable(),
  serviceCode: z.string(),
  description: z.string(),
  diagnosisCodes: z.array(z.string()),
  quantity: z.number().int(),
  unitChargeCents: z.number().int(),
  amountCents: z.number().int(),
  separateScheduling: z.boolean(),
});
export type EstimateLine = z.infer<typeof EstimateLine>;

/**
 * One provider's (or the clinic's) charges billed for the estimate's period against its expected charges on the
 * estimate (45 CFR 149.620(a)(2)(ii)): a charge counts for the clinician who rendered it when that clinician is a
 * provider on the estimate's totalled lines, otherwise for the clinic (the facility and billing provider).
 */
export const EstimateProviderComparison = z.object({
  /** The clinician, or null for the clinic itself. */
  providerUserId: Uuid.nullable(),
  providerName: z.string(),
  expectedCents: z.number().int(),
  billedCents: z.number().int(),
  /** Billed minus expected (negative when under). */
  overByCents: z.number().int(),
  /** True when this provider's billed charges are $400 or more above its expected charges. */
  exceedsByDisputeThreshold: z.boolean(),
});
export type EstimateProviderComparison = z.infer<typeof EstimateProviderComparison>;

export const EstimateStatus = z.enum(['draft', 'issued', 'entered_in_error']);
export type EstimateStatus = z.infer<typeof EstimateStatus>;

export const Estimate = z.object({
  id: Uuid,
  patientId: Uuid,
  primaryService: z.string(),
  scheduledOn: z.string().nullable(),
  appointmentId: Uuid.nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  trigger: EstimateTriggerKind,
  triggerOn: z.string(),
  /** The last day to issue it (45 CFR 149.610(b)(1)), null when none is required. */
  dueBy: z.string().nullable(),
  status: EstimateStatus,
  totalCents: z.number().int(),
  issuedAt: z.string().nullable(),
  createdAt: z.string(),
  enteredInErrorReason: z.string().nullable(),
  lines: z.array(EstimateLine),
  /** Charges billed for the period so far, all providers together. */
  billedCents: z.number().int(),
  /** The comparison per provider, in the estimate's order (a provider billed without expected charges last). */
  byProvider: z.array(EstimateProviderComparison),
  /** True when an issued estimate has a provider whose billed charges are $400 or more above its expected ones. */
  exceedsByDisputeThreshold: z.boolean(),
});
export type Estimate = z.infer<typeof Estimate>;

export const PatientEstimates = z.object({
  coverage: Coverage.nullable(),
  items: z.array(Estimate),
});
export type PatientEstimates = z.infer<typeof PatientEstimates>;

export const EnterEstimateInErrorRequest = z.object({ reason: text(500) }).strict();

export const EstimateDueKind = z.enum(['scheduled', 'requested']);

/** One estimate the clinic owes: a booked visit with no estimate covering it, or a request not yet issued. */
export const EstimateDueItem = z.object({
  kind: EstimateDueKind,
  patientId: Uuid,
  patientName: z.string(),
  coverage: CoverageStatus,
  appointmentId: Uuid.nullable(),
  estimateId: Uuid.nullable(),
  serviceOn: z.string().nullable(),
  triggerOn: z.string(),
  dueBy: z.string(),
  overdue: z.boolean(),
});
export type EstimateDueItem = z.infer<typeof EstimateDueItem>;
export const EstimatesDue = z.object({ items: z.array(EstimateDueItem) });
export type EstimatesDue = z.infer<typeof EstimatesDue>;
