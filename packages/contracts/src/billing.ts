/**
 * API shapes of billing: the clinic's price list (a new price is a new row), charges (from a discharged dosing
 * session, a completed visit, or added by staff; voided with a reason), payments recorded by hand, the patient's
 * balance and the superbill's date range. Money is integer cents (`amountCents`).
 */
import { SERVICE_KEYS } from '@plasticity/clinical/billing';
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

export const ServiceKey = z.enum(SERVICE_KEYS);
export type ServiceKey = z.infer<typeof ServiceKey>;

const cents = z.number().int().min(0).max(100_000_000);
const reason = z.string().trim().min(1).max(500);

export const PriceListItem = z.object({
  id: Uuid,
  serviceKey: ServiceKey,
  label: z.string(),
  amountCents: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
export type PriceListItem = z.infer<typeof PriceListItem>;
/** Every price row, newest first per service; `current` is the row in force today per service. */
export const PriceList = z.object({ current: z.array(PriceListItem), items: z.array(PriceListItem) });
export type PriceList = z.infer<typeof PriceList>;

/** A new price for a service from a date on; the price in force before it ends the day before. */
export const SetPriceRequest = z
  .object({
    serviceKey: ServiceKey,
    label: z.string().trim().min(1).max(200).optional(),
    amountCents: cents,
    effectiveFrom: IsoDate,
  })
  .strict();
export type SetPriceRequest = z.infer<typeof SetPriceRequest>;

const procedureCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{5}$/, 'must be a five-character CPT or HCPCS code');
const diagnosisCode = z
  .string()
  .trim()
  .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'must be an ICD-10-CM code such as F33.1');
const modifier = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{2}$/, 'must be a two-character modifier');

export const ChargeSource = z.enum(['session', 'visit', 'manual']);

export const Charge = z.object({
  id: Uuid,
  patientId: Uuid,
  serviceDate: z.string(),
  serviceKey: ServiceKey,
  description: z.string(),
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.number().int(),
  icd10Codes: z.array(z.string()),
  placeOfService: z.string(),
  renderingClinician: z.object({ id: Uuid.nullable(), name: z.string(), npi: z.string().nullable() }),
  amountCents: z.number().int(),
  discountPercent: z.number(),
  discountCents: z.number().int(),
  /** What the patient owes for this line: amount less discount (0 once voided). */
  netCents: z.number().int(),
  source: ChargeSource,
  sessionId: Uuid.nullable(),
  appointmentId: Uuid.nullable(),
  createdAt: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type Charge = z.infer<typeof Charge>;
export const ChargeList = z.object({ items: z.array(Charge) });
export type ChargeList = z.infer<typeof ChargeList>;

/** A charge added by staff: the amount defaults to the price in force for the service on the date of service. */
export const AddChargeRequest = z
  .object({
    serviceDate: IsoDate,
    serviceKey: ServiceKey,
    code: procedureCode,
    modifiers: z.array(modifier).max(4).default([]),
    units: z.number().int().min(1).max(99).default(1),
    icd10Codes: z.array(diagnosisCode).max(12).default([]),
    amountCents: cents.optional(),
    renderingUserId: Uuid.optional(),
    description: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type AddChargeRequest = z.input<typeof AddChargeRequest>;

export const VoidRequest = z.object({ reason }).strict();
export type VoidRequest = z.infer<typeof VoidRequest>;

export const PaymentMethod = z.enum(['cash', 'card', 'hsa_fsa', 'cheque']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const Payment = z.object({
  id: Uuid,
  patientId: Uuid,
  amountCents: z.number().int(),
  method: PaymentMethod,
  receivedAt: z.string(),
  reference: z.string().nullable(),
  recordedBy: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type Payment = z.infer<typeof Payment>;
export const PaymentList = z.object({ items: z.array(Payment) });
export type PaymentList = z.infer<typeof PaymentList>;

export const RecordPaymentRequest = z
  .object({
    amountCents: z.number().int().min(1).max(100_000_000),
    method: PaymentMethod,
    receivedAt: IsoDateTime.optional(),
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type RecordPaymentRequest = z.input<typeof RecordPaymentRequest>;

/** Charged (net of discounts, voided lines excluded), paid (voided payments excluded) and what is owed. */
export const Balance = z.object({
  chargedCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
});
export type Balance = z.infer<typeof Balance>;

export const SuperbillQuery = z.object({ from: IsoDate, to: IsoDate });
export type SuperbillQuery = z.infer<typeof SuperbillQuery>;

export const ChargeParams = z.object({ id: Uuid, chargeId: Uuid });
export const PaymentParams = z.object({ id: Uuid, paymentId: Uuid });

/** A clinician as a rendering provider on superbills: name, role and NPI (null until an admin sets it). */
export const RenderingClinician = z.object({
  id: Uuid,
  name: z.string(),
  role: z.string(),
  npi: z.string().nullable(),
});
export type RenderingClinician = z.infer<typeof RenderingClinician>;
export const RenderingClinicianList = z.object({ items: z.array(RenderingClinician) });
export type RenderingClinicianList = z.infer<typeof RenderingClinicianList>;
/** Ten digits with a valid check digit (45 CFR 162.406; CMS NPI check digit), or null to clear it. */
export const SetNpiRequest = z
  .object({
    npi: z
      .string()
      .trim()
      .regex(/^[0-9]{10}$/, 'must be ten digits')
      .nullable(),
  })
  .strict();
export type SetNpiRequest = z.infer<typeof SetNpiRequest>;
