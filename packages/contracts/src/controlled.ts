/**
 * Controlled-substance register API shapes. Quantities travel as canonical decimal strings
 * (or are accepted as JSON numbers) and are parsed exactly on the server; never binary floating point.
 * Field choices follow 21 CFR 1304.22(c), DEA-41 and DEA-106
 * (docs/clinical-sources.md#controlled-substances).
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ControlledUnit = z.enum(['mg', 'mL']);
export const ControlledMovementType = z.enum([
  'receipt',
  'open',
  'draw',
  'administer',
  'waste',
  'return',
  'transfer',
  'adjust',
  'destroy',
]);
export type ControlledMovementType = z.infer<typeof ControlledMovementType>;

/** A quantity: a JSON number or a decimal string ("2.5", "-1" for adjustments); parsed exactly on the server. */
export const QuantityValue = z.union([z.number().finite(), z.string().trim().min(1).max(40)]);

/** A second user's co-signature: their email plus a fresh password or a current TOTP code. */
export const WitnessSignature = z
  .object({
    email: z.string().trim().toLowerCase().min(3).max(320),
    password: z.string().min(1).max(256).optional(),
    totp: z.string().trim().min(6).max(16).optional(),
  })
  .strict()
  .refine((w) => Boolean(w.password) !== Boolean(w.totp), 'give either password or totp');
export type WitnessSignature = z.infer<typeof WitnessSignature>;

const DeaRegistrant = z.object({ name: text(200), address: text(400), deaNumber: text(20) }).strict();

export const Dea41Input = z
  .object({
    destroyedOn: IsoDate,
    method: text(300),
    witnessNames: z.tuple([text(200), text(200)]).optional(),
    form: text(100).optional(),
    location: z.string().trim().max(200).optional(),
  })
  .strict();

export const CreateMovementRequest = z
  .object({
    type: ControlledMovementType,
    containerId: Uuid,
    quantity: QuantityValue.optional(),
    unit: ControlledUnit.optional(),
    patientId: Uuid.optional(),
    sessionId: Uuid.optional(),
    reason: z.string().trim().min(1).max(1000).optional(),
    witness: WitnessSignature.optional(),
    /** Destruction needs a second witness (DEA-41: two authorized employees). */
    witness2: WitnessSignature.optional(),
    /** administer, and waste from a draw: the ledger id of the draw. */
    drawId: Uuid.optional(),
    /** waste: from a draw's remainder (default when drawId is given) or straight from the container. */
    from: z.enum(['draw', 'container']).optional(),
    route: z.string().trim().max(60).optional(),
    toLocationId: Uuid.optional(),
    supplierId: Uuid.optional(),
    invoice: z.string().trim().max(100).optional(),
    recipient: DeaRegistrant.optional(),
    dea41: Dea41Input.optional(),
    occurredAt: IsoDateTime.optional(),
    /**
     * Chosen by the client (e.g. a UUID per form): a retry with the same key in the same clinic gets the
     * first successful answer back and records nothing; the same key on a different request is 409.
     */
    idempotencyKey: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[\x21-\x7e]+$/, 'use letters, digits and punctuation only, without spaces')
      .optional(),
  })
  .strict();
export type CreateMovementRequest = z.infer<typeof CreateMovementRequest>;

export const ControlledLedgerEntry = z.object({
  id: Uuid,
  seq: z.number(),
  containerId: Uuid,
  type: ControlledMovementType,
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  containerDelta: z.string(),
  drawId: z.string().nullable(),
  patientId: z.string().nullable(),
  sessionId: z.string().nullable(),
  wasteFrom: z.string().nullable(),
  reason: z.string().nullable(),
  witnessUserId: z.string().nullable(),
  witness2UserId: z.string().nullable(),
  fromLocationId: z.string().nullable(),
  toLocationId: z.string().nullable(),
  supplierId: z.string().nullable(),
  invoice: z.string().nullable(),
  correctsEntryId: z.string().nullable(),
  correctionKind: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedBy: Uuid,
  recordedByName: z.string().optional(),
  witnessName: z.string().nullable().optional(),
  /** Container balance after this entry (ledger order). */
  balance: z.string(),
});
export type ControlledLedgerEntry = z.infer<typeof ControlledLedgerEntry>;

export const MovementResponse = z.object({
  entry: ControlledLedgerEntry,
  balance: z.string(),
  unit: ControlledUnit,
});

export const CorrectionRequest = z
  .object({
    reason: text(1000),
    witness: WitnessSignature,
    /** Omit to reverse the entry; give the right quantity to amend it. */
    quantity: QuantityValue.optional(),
  })
  .strict();

export const LedgerQuery = z.object({
  from: z.union([IsoDate, IsoDateTime]).optional(),
  to: z.union([IsoDate, IsoDateTime]).optional(),
  containerId: Uuid.optional(),
  patientId: Uuid.optional(),
  /** Draws and administrations of one dosing session (the session module links them by this id). */
  sessionId: Uuid.optional(),
});
export const LedgerList = z.object({ items: z.array(ControlledLedgerEntry) });

export const ContainerStatusValue = z.enum(['sealed', 'open', 'empty', 'expired', 'quarantined']);
export const StockItem = z.object({
  id: Uuid,
  product: z.string(),
  productId: Uuid,
  /** The product's drug name as configured (e.g. "Ketamine HCl"). */
  drug: z.string(),
  /** mg per mL for solutions; null for products counted in mg. */
  concentrationMgPerMl: z.string().nullable(),
  ndc: z.string(),
  lot: z.string(),
  label: z.string(),
  expiresOn: z.string(),
  location: z.string(),
  locationId: Uuid,
  balance: z.string(),
  unit: ControlledUnit,
  status: ContainerStatusValue,
  openedAt: z.string().nullable(),
  /** Draws from this container not yet fully administered or wasted. */
  outstandingDraws: z.array(
    z.object({ id: Uuid, patientId: z.string(), outstanding: z.string(), occurredAt: z.string() }),
  ),
});
export type StockItem = z.infer<typeof StockItem>;
export const StockList = z.object({ items: z.array(StockItem) });

export const StorageLocation = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
});
export const CreateLocationRequest = z
  .object({ name: text(100), kind: z.enum(['safe', 'cabinet', 'shelf', 'cart', 'other']).optional() })
  .strict();
export const ControlledSupplier = z.object({
  id: Uuid,
  name: z.string(),
  address: z.string(),
  deaNumber: z.string(),
  active: z.boolean(),
});
export const CreateSupplierRequest = z
  .object({ name: text(200), address: text(400), deaNumber: text(20) })
  .strict();
export const ControlledProduct = z.object({
  id: Uuid,
  drug: z.string(),
  ndc: z.string(),
  form: z.string(),
  schedule: z.string(),
  strength: z.string(),
  concentrationMgPerMl: z.string().nullable(),
  containerSize: z.string(),
  containerLabel: z.string(),
  unit: ControlledUnit,
  display: z.string(),
  active: z.boolean(),
});
export const CreateProductRequest = z
  .object({
    drug: text(120),
    ndc: text(20),
    form: text(100),
    schedule: z.enum(['II', 'III', 'IV', 'V']).optional(),
    strength: text(60),
    concentrationMgPerMl: QuantityValue.optional(),
    containerSize: QuantityValue,
    containerLabel: text(60),
    unit: ControlledUnit,
  })
  .strict();
export const ConfigLists = z.object({
  locations: z.array(StorageLocation),
  suppliers: z.array(ControlledSupplier),
  products: z.array(ControlledProduct),
});

/** Registers a new stock unit and, atomically, its receipt (1304.22(c): date, quantity, supplier, invoice). */
export const CreateContainerRequest = z
  .object({
    productId: Uuid,
    lot: text(60),
    expiresOn: IsoDate,
    label: z.string().trim().max(60).optional(),
    locationId: Uuid,
    receipt: z
      .object({
        quantity: QuantityValue,
        supplierId: Uuid,
        invoice: z.string().trim().max(100).optional(),
        occurredAt: IsoDateTime.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const CountRequest = z
  .object({
    scope: z.enum(['full', 'partial']),
    locationId: Uuid.optional(),
    lines: z
      .array(z.object({ containerId: Uuid, quantity: QuantityValue, unit: ControlledUnit }).strict())
      .max(500),
    witness: WitnessSignature.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export const CountDiscrepancy = z.object({
  id: Uuid,
  countId: Uuid,
  containerId: Uuid,
  unit: z.string(),
  expected: z.string(),
  counted: z.string(),
  difference: z.string(),
  kind: z.string(),
  cause: z.string(),
  status: z.enum(['open', 'resolved', 'escalated']),
  explanation: z.string().nullable(),
  escalationNote: z.string().nullable(),
  adjustmentEntryId: z.string().nullable(),
  lossReportId: z.string().nullable(),
  createdAt: z.string(),
});
export const CountResult = z.object({
  id: Uuid,
  countedAt: z.string(),
  matched: z.array(z.string()),
  discrepancies: z.array(CountDiscrepancy),
});
export const CountList = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      countedAt: z.string(),
      scope: z.string(),
      counterUserId: Uuid,
      witnessUserId: Uuid,
      matched: z.number(),
      discrepancies: z.number(),
    }),
  ),
});
export const DiscrepancyList = z.object({ items: z.array(CountDiscrepancy) });
export const ResolveDiscrepancyRequest = z
  .object({
    explanation: text(2000),
    /** Book the difference as a witnessed `adjust` so the ledger matches the count. */
    adjust: z.boolean().optional(),
    witness: WitnessSignature.optional(),
  })
  .strict();
export const EscalateDiscrepancyRequest = z.object({ note: text(2000) }).strict();

export const ControlledLossType = z.enum([
  'night_break_in',
  'armed_robbery',
  'employee_theft',
  'customer_theft',
  'lost_in_transit',
  'other',
]);
export const LossReportRequest = z
  .object({
    discoveredAt: IsoDateTime,
    occurredOn: IsoDate.optional(),
    typeOfLoss: ControlledLossType,
    typeOfLossExplanation: z.string().trim().max(1000).optional(),
    policeNotified: z.boolean(),
    police: z
      .object({
        department: text(200),
        phone: z.string().trim().max(40).optional(),
        reportNumber: z.string().trim().max(60).optional(),
      })
      .strict()
      .optional(),
    priorLossesIn24Months: z.number().int().min(0).max(1000),
    transit: z
      .object({
        carrier: text(200),
        trackingNumber: z.string().trim().max(100).optional(),
        supplierName: z.string().trim().max(200).optional(),
      })
      .strict()
      .optional(),
    purchaseValueUsd: QuantityValue.optional(),
    securityMeasures: z.string().trim().max(2000).optional(),
    writtenNoticeSentOn: IsoDate.optional(),
    discrepancyId: Uuid.optional(),
    registrantPhone: z.string().trim().max(40).optional(),
    lines: z
      .array(z.object({ containerId: Uuid, quantity: QuantityValue }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export const LossReport = z.object({
  id: Uuid,
  discoveredAt: z.string(),
  discoveredOn: z.string(),
  writtenNoticeDueOn: z.string(),
  dea106DueOn: z.string(),
  typeOfLoss: z.string(),
  report: z.record(z.string(), z.unknown()),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  writtenNoticeSentOn: z.string().nullable(),
  createdAt: z.string(),
});
export const LossReportList = z.object({ items: z.array(LossReport) });

export const ExpiryQuery = z.object({ days: z.coerce.number().int().min(0).max(3650).optional() });
export const ExpiryList = z.object({
  withinDays: z.number(),
  items: z.array(
    z.object({
      id: Uuid,
      product: z.string(),
      lot: z.string(),
      expiresOn: z.string(),
      daysLeft: z.number(),
      location: z.string(),
      balance: z.string(),
      unit: ControlledUnit,
    }),
  ),
});

export const ControlledReportFormat = z.enum(['pdf', 'csv']);
export const InventoryReportQuery = z.object({
  kind: z.enum(['initial', 'biennial']).optional(),
  takenAt: z.enum(['opening_of_business', 'close_of_business']).optional(),
  format: ControlledReportFormat.optional(),
});
export const PeriodReportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  format: ControlledReportFormat.optional(),
});
export const PatientReportQuery = z.object({ format: ControlledReportFormat.optional() });
