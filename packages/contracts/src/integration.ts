/**
 * API shapes of the integration care path: the integration worklist (visits due after each discharged dosing
 * session), preparation-visit records (intentions and support person) and protocol templates per indication.
 */
import { z } from 'zod';
import { Uuid } from './common.ts';

export const WorklistStatus = z.enum(['due', 'overdue', 'booked']);
export type WorklistStatus = z.infer<typeof WorklistStatus>;

/** One dosing session whose integration visit is not done yet. */
export const WorklistItem = z.object({
  patientId: Uuid,
  sessionId: Uuid,
  dueFrom: z.string(),
  dueBy: z.string(),
  status: WorklistStatus,
  patientName: z.string(),
  dischargedAt: z.string(),
  protocolName: z.string(),
  /** The booked integration visit (status 'booked'), else null. */
  appointmentId: Uuid.nullable(),
  appointmentStart: z.string().nullable(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;
export const Worklist = z.object({ items: z.array(WorklistItem) });
export type Worklist = z.infer<typeof Worklist>;
export const WorklistQuery = z.object({ status: WorklistStatus.optional() });

const text = (max: number) => z.string().trim().min(1).max(max);

export const SupportPerson = z.object({
  name: text(200),
  relationship: text(100),
  phone: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[0-9+().\-\s]*$/, 'may contain only digits, spaces and + ( ) - .'),
});
export type SupportPerson = z.infer<typeof SupportPerson>;

/** A preparation visit's record. Corrections are new records; the newest is the one in force. */
export const RecordPreparationRequest = z
  .object({
    intentions: text(4000),
    supportPerson: SupportPerson,
    planId: Uuid.optional(),
    appointmentId: Uuid.optional(),
  })
  .strict();
export type RecordPreparationRequest = z.infer<typeof RecordPreparationRequest>;

export const PreparationRecord = z.object({
  id: Uuid,
  patientId: Uuid,
  intentions: z.string(),
  supportPerson: SupportPerson,
  planId: Uuid.nullable(),
  appointmentId: Uuid.nullable(),
  recordedBy: z.object({ id: Uuid.nullable(), name: z.string() }),
  recordedAt: z.string(),
});
export type PreparationRecord = z.infer<typeof PreparationRecord>;
/** The newest record (null when none) and every record, newest first. */
export const PreparationHistory = z.object({
  current: PreparationRecord.nullable(),
  items: z.array(PreparationRecord),
});
export type PreparationHistory = z.infer<typeof PreparationHistory>;

export const TemplateIndication = z.enum(['ptsd', 'alcohol_use_disorder', 'anxiety', 'opioid_use_disorder']);

export const TemplateSource = z.object({
  citation: z.string(),
  url: z.string().nullable(),
  /** What was checked against the paper (or its abstract), in words. */
  verified: z.string(),
  /** What could not be checked. */
  notVerified: z.string().nullable(),
});

/** A cited protocol template per indication: offered to start a draft, never applied by itself. */
export const ProtocolTemplateItem = z.object({
  key: z.string(),
  indication: TemplateIndication,
  title: z.string(),
  summary: z.string(),
  evidence: z.enum(['randomized_trial', 'open_label', 'weak']),
  route: z.enum(['iv', 'im', 'sublingual', 'oral', 'intranasal']),
  drug: z.enum(['ketamine', 'esketamine']),
  cadence: z.string(),
  therapy: z.string(),
  instruments: z.array(z.object({ instrument: z.string(), cadence: z.string(), purpose: z.string() })),
  sources: z.array(TemplateSource),
  protocol: z.record(z.string(), z.unknown()),
});
export type ProtocolTemplateItem = z.infer<typeof ProtocolTemplateItem>;
export const ProtocolTemplateList = z.object({ items: z.array(ProtocolTemplateItem) });
export const TemplateKeyParams = z.object({ key: z.string().min(1).max(80) });
/** Start a draft from a template: an optional name for the new protocol (the template's title otherwise). */
export const DraftFromTemplateRequest = z
  .object({ name: z.string().trim().min(1).max(200).optional() })
  .strict();
