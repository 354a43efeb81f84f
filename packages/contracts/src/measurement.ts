/**
 * Measurement-based care API shapes: instruments, assessments, trends, self-report links
 * and schedules. Answer values are checked against the instrument's definition by the server (so a
 * bad value is named as `answers[i]` with the item number), not here.
 */
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

/** The public fields every instrument definition has (checked on each one). */
const InstrumentShape = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    kind: z.enum(['self_report', 'clinician']),
    items: z.array(z.object({ number: z.number(), label: z.string(), scored: z.boolean() }).passthrough()),
  })
  .passthrough();
/**
 * An instrument definition as the clinical package defines it (@plasticity/clinical/instruments): its public
 * fields are checked, the rest (scoring rules, bands, flags) passes through as defined.
 */
export const InstrumentSummary = z.custom<InstrumentDefinition>(
  (v) => InstrumentShape.safeParse(v).success,
  'must be an instrument definition',
);
export const InstrumentList = z.object({ items: z.array(InstrumentSummary) });

const Answer = z.union([z.number(), z.null()]);

export const CreateAssessmentRequest = z
  .object({
    instrument: z.string().min(1).max(64),
    /** One value per item in item order, `null` for a skipped item; values are checked per instrument. */
    answers: z.array(z.unknown()).max(200),
    administeredAt: IsoDateTime.optional(),
  })
  .strict();
export type CreateAssessmentRequest = z.infer<typeof CreateAssessmentRequest>;

/** How an assessment was completed: on a link sent to the patient, in the portal, on a clinic device, or entered by staff. */
export const CompletedVia = z.enum(['patient_link', 'portal', 'clinic_device', 'staff_entry']);
export const Assessment = z.object({
  id: Uuid,
  patientId: Uuid,
  instrument: z.string(),
  instrumentVersion: z.string(),
  answers: z.array(Answer),
  total: z.number(),
  severity: z.string().nullable(),
  subscales: z.record(z.string(), z.number()).optional(),
  domains: z.record(z.string(), z.number()).optional(),
  flags: z.array(z.string()),
  missing: z.array(z.number()),
  prorated: z.boolean(),
  warnings: z.array(z.string()),
  administeredAt: z.string(),
  source: z.enum(['staff', 'portal', 'link']),
  completedVia: CompletedVia,
  handedBy: Uuid.nullable().describe(
    'who handed the clinic device to the patient (completedVia clinic_device)',
  ),
  createdAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentListQuery = z.object({ instrument: z.string().min(1).max(64).optional() }).strict();

export const AssessmentList = z
  .object({
    items: z.array(Assessment).describe('oldest first (by administeredAt)'),
    baseline: z.number().nullable(),
    baselineAt: z.string().nullable(),
    latest: z.number().nullable(),
    latestAt: z.string().nullable(),
    changePct: z.number().nullable(),
    response: z.boolean().nullable(),
    remission: z.boolean().nullable(),
    firstDoseAt: z.string().nullable(),
    progress: z.string().nullable().describe('plain-language summary for the patient'),
  })
  .describe('outcome fields are null without an instrument filter or without data');
export type AssessmentList = z.infer<typeof AssessmentList>;

export const MeasurementProfile = z.object({ firstDoseAt: IsoDateTime.nullable() }).strict();

export const CreateSelfReportLinkRequest = z
  .object({ instruments: z.array(z.string().min(1).max(64)).min(1).max(11) })
  .strict();
/** A self-report link sent to the patient by message: the link itself goes only to the patient. */
export const SelfReportLinkCreated = z.object({
  id: Uuid,
  sentTo: z.string().describe('the address the link was sent to'),
  expiresAt: z.string(),
});
/**
 * A self-report link handed to the patient on a clinic device (the clinic's "hand the patient a tablet"
 * mode): the staff member who asked for it is recorded as the one who handed it over.
 */
export const ClinicDeviceSelfReport = z.object({
  id: Uuid,
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});

export const TokenParams = z.object({ token: z.string().min(1).max(200) });

export const SelfReportForm = z.object({
  clinicName: z.string(),
  expiresAt: z.string(),
  instruments: z.array(InstrumentSummary),
});

export const SelfReportSubmission = z
  .object({
    responses: z
      .array(
        z.object({ instrument: z.string().min(1).max(64), answers: z.array(z.unknown()).max(200) }).strict(),
      )
      .min(1)
      .max(11),
  })
  .strict();

export const CrisisResource = z.object({ name: z.string(), contact: z.string(), how: z.string() });
export const SelfReportResult = z.object({
  crisis: z.boolean(),
  message: z.string(),
  resources: z.array(CrisisResource).optional(),
});

export const Cadence = z.enum(['before_each_session', 'weekly', 'monthly']);
export const ScheduleEntry = z.object({ instrument: z.string().min(1).max(64), cadence: Cadence }).strict();
export const MeasurementSchedule = z.object({ items: z.array(ScheduleEntry).max(20) }).strict();

export const PendingCheckIns = z.object({
  items: z.array(z.object({ requestId: Uuid, instrument: z.string(), dueAt: z.string() })),
  instruments: z.array(InstrumentSummary),
});

/**
 * A queued or sent message as staff see it to manage delivery: who, what kind, where it stands. Never
 * the body — one-time links are written into the text only when it is handed to the mail transport.
 */
export const OutboxStatus = z.enum(['queued', 'sent', 'failed', 'not_sent']);
export const OutboxItem = z.object({
  id: Uuid,
  recipient: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: OutboxStatus.describe(
    'queued: waiting for the sender; failed: gave up after repeated errors; not_sent: its link was used, replaced or expired first',
  ),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
});
export const OutboxList = z.object({ items: z.array(OutboxItem) });

/**
 * The demo clinic's mailbox (admin only, demo clinic only): its messages as their recipients would
 * read them. Opening it issues each message's link afresh, so earlier copies of those links stop working.
 */
export const DemoMailboxItem = z.object({
  id: Uuid,
  recipient: z.string(),
  subject: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  text: z.string().nullable().describe('null when the message’s link was used, replaced or has expired'),
  /** File names of what the message carries (a visit's calendar file). */
  attachments: z.array(z.string()).optional(),
});
export const DemoMailbox = z.object({ items: z.array(DemoMailboxItem) });

export const AssessmentCreated = Assessment.extend({
  alertId: Uuid.nullable().describe('the suicide-risk alert raised by this assessment'),
  crisis: z.boolean().describe('true when crisis resources must be shown to the patient at once'),
  resources: z.array(CrisisResource).optional(),
});

/** Clinic measurement settings: escalation time, per-instrument settings, the clinic's own instruments. */
export const MeasurementSettings = z
  .object({
    /** Minutes before an unacknowledged alert goes to every clinician (default 15). */
    alertEscalationMinutes: z.number().int().min(1).max(1440),
    instrumentSettings: z.record(
      z.string(),
      z
        .object({
          cutoff: z.number().optional(),
          remissionThreshold: z.number().optional(),
          responseReductionPct: z.number().optional(),
          /** MADRS item 10 suicide-risk threshold (product default 4; a medical director may set 1–4). */
          safetyItemThreshold: z.number().optional(),
        })
        .strict(),
    ),
    customInstruments: z.array(z.unknown()).max(50),
  })
  .strict();
export const UpdateMeasurementSettings = MeasurementSettings.partial().strict();

export const AssessmentParams = z.object({ id: Uuid, assessmentId: Uuid });
export const EnteredInErrorRequest = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
