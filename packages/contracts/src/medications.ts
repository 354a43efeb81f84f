/**
 * API shapes of the medications module: the patient's medication list and allergy list (one entry table,
 * `kind` tells which), entered by the patient (intake, portal) or staff, reconciled by a clinician, never
 * deleted — stopped (no longer taken / no longer applies) or marked entered in error, each with a reason.
 * `rxcui` is an RxNorm ingredient code from the curated offline table (`@plasticity/clinical/medications`),
 * or null for free text. Sources: SPRAVATO US prescribing information §7 and the SPRAVATO REMS Patient
 * Monitoring Form (the classes the rules and the form read).
 */
import { z } from 'zod';
import { Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const Rxcui = z.string().regex(/^\d{1,8}$/, 'must be an RxNorm code (digits)');

export const MedicationEntryKind = z.enum(['medication', 'allergy']);
export const MedicationEntryStatus = z.enum(['active', 'stopped', 'entered_in_error']);
export const MedicationDrugClass = z.enum([
  'maoi',
  'benzodiazepine',
  'nonBenzodiazepineHypnotic',
  'psychostimulant',
  'opioid',
  'lamotrigine',
  'naltrexone',
  'nmdaAntagonist',
  'antidepressant',
]);

export const MedicationEntry = z.object({
  id: Uuid,
  patientId: Uuid,
  kind: MedicationEntryKind,
  name: z.string(),
  rxcui: z.string().nullable(),
  dose: z.string().nullable(),
  frequency: z.string().nullable(),
  reaction: z.string().nullable(),
  /** Classes the eligibility rules and the REMS form read (from the code, else the name). */
  classes: z.array(MedicationDrugClass),
  source: z.enum(['patient', 'staff']),
  reportedVia: z.enum(['intake', 'chart']),
  reportedByName: z.string().nullable(),
  createdAt: z.string(),
  status: MedicationEntryStatus,
  reconciledAt: z.string().nullable(),
  reconciledByName: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  stoppedByName: z.string().nullable(),
  stopReason: z.string().nullable(),
  enteredInErrorAt: z.string().nullable(),
  enteredInErrorByName: z.string().nullable(),
  enteredInErrorReason: z.string().nullable(),
});
export type MedicationEntry = z.infer<typeof MedicationEntry>;

export const MedicationLists = z.object({
  medications: z.array(MedicationEntry),
  allergies: z.array(MedicationEntry),
});
export type MedicationLists = z.infer<typeof MedicationLists>;

export const AddMedicationEntryRequest = z
  .object({
    kind: MedicationEntryKind,
    name: text(200),
    rxcui: Rxcui.optional(),
    dose: text(100).optional(),
    frequency: text(100).optional(),
    reaction: text(200).optional(),
  })
  .strict();
export type AddMedicationEntryRequest = z.infer<typeof AddMedicationEntryRequest>;

export const MedicationEntryParams = z.object({ id: Uuid, entryId: Uuid });
export const MedicationReasonRequest = z.object({ reason: text(1000) }).strict();
export const ReconcileMedicationsRequest = z.object({ entryIds: z.array(Uuid).min(1).max(200) }).strict();

/** One medicine as the intake form sends it. */
export const IntakeMedicationRow = z
  .object({
    name: text(200),
    rxcui: Rxcui.optional(),
    dose: text(100).optional(),
    frequency: text(100).optional(),
  })
  .strict();
/** One allergy as the intake form sends it. */
export const IntakeAllergyRow = z
  .object({ name: text(200), rxcui: Rxcui.optional(), reaction: text(200).optional() })
  .strict();
/** One prior antidepressant trial (see `@plasticity/clinical/medications` trials.ts for how it counts). */
export const PriorTrialRow = z
  .object({
    drug: text(200),
    rxcui: Rxcui.optional(),
    dose: text(100).optional(),
    durationWeeks: z.number().min(0).max(520).optional(),
    outcome: z.enum(['no_response', 'partial', 'intolerance', 'response']),
    adequateDose: z.boolean().optional(),
  })
  .strict();
