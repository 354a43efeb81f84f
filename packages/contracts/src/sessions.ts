/**
 * Dosing sessions API: lifecycle, checklist, administration, vitals ingestion (idempotent batches),
 * observations, notes, alerts, discharge, live board and the SPRAVATO REMS Patient Monitoring Form.
 * Clinical facts: docs/clinical-sources.md#in-chair-monitoring, docs/clinical-sources.md#discharge and
 * docs/clinical-sources.md#spravato-rems-requirements (REMS 386).
 */
import { z } from 'zod';
import { Alert } from './alerts.ts';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';
import { WitnessSignature } from './controlled.ts';
import { DoseOverrideRequest } from './plans.ts';
import { RemsIdentifier } from './rems.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const SESSION_STATUSES = [
  'scheduled',
  'checked_in',
  'pre_assessment',
  'dosing',
  'monitoring',
  'recovery',
  'discharged',
  'cancelled',
  'aborted',
] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const CreateSessionRequest = z
  .object({
    patientId: Uuid,
    protocolId: text(120),
    planId: Uuid.optional(),
    scheduledAt: IsoDateTime,
    chair: text(40),
  })
  .strict();
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const TransitionRequest = z
  .object({
    to: SessionStatus,
    /** A prescriber's reason to pass failing preconditions; each overridden item is recorded with it. */
    overrideReason: text(1000).optional(),
    /** Required when cancelling or aborting. */
    reason: text(1000).optional(),
  })
  .strict();
export type TransitionRequest = z.infer<typeof TransitionRequest>;

export const ChecklistParams = z.object({ id: Uuid, key: z.string().regex(/^[a-z0-9_]{1,60}$/) });
export const ChecklistUpdate = z
  .object({
    status: z.enum(['done', 'not_applicable', 'pending']),
    note: z.string().trim().max(500).optional(),
    escortName: text(200).optional(),
    escortPhone: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .regex(/^[0-9+().\-\s]*$/, 'may contain only digits, spaces and + ( ) - .')
      .optional(),
    prescriberOnSiteId: Uuid.optional(),
    /** REMS enrolment (esketamine): the patient's SPRAVATO REMS enrolment identifier and enrolment date. */
    remsEnrolmentId: RemsIdentifier.optional(),
    remsEnrolledOn: IsoDate.optional(),
  })
  .strict();
export type ChecklistUpdate = z.infer<typeof ChecklistUpdate>;

/** Vital-sign ranges that are physically possible; anything outside is a data-entry error (400). */
const vital = (lo: number, hi: number) => z.number().min(lo).max(hi);
export const VitalReadingInput = z
  .object({
    at: IsoDateTime,
    sbp: vital(20, 300).optional(),
    dbp: vital(10, 200).optional(),
    hr: vital(0, 300).optional(),
    spo2: vital(0, 100).optional(),
    rr: vital(0, 80).optional(),
    etco2: vital(0, 150).optional(),
    tempC: vital(25, 45).optional(),
  })
  .strict()
  .refine(
    (r) =>
      ['sbp', 'dbp', 'hr', 'spo2', 'rr', 'etco2', 'tempC'].some((k) => r[k as keyof typeof r] !== undefined),
    'must hold at least one measurement',
  );
export type VitalReadingInput = z.infer<typeof VitalReadingInput>;

export const VitalsUpload = z
  .object({
    idempotencyKey: z.string().min(1).max(200),
    readings: z.array(VitalReadingInput).min(1).max(500),
  })
  .strict();
export type VitalsUpload = z.infer<typeof VitalsUpload>;

export const StoredVital = z.object({
  id: Uuid,
  at: z.string(),
  sbp: z.number().nullable(),
  dbp: z.number().nullable(),
  hr: z.number().nullable(),
  spo2: z.number().nullable(),
  rr: z.number().nullable(),
  etco2: z.number().nullable(),
  tempC: z.number().nullable(),
});
export type StoredVital = z.infer<typeof StoredVital>;

/** Who produced a reading: typed by staff, or sent by a bedside monitor (HL7 v2 ORU^R01, IHE PCD-01). */
export const VitalSource = z.enum(['manual', 'device']);
export type VitalSource = z.infer<typeof VitalSource>;

/**
 * A reading as the session record shows it: with its source, and for a monitor's reading whether a nurse has
 * confirmed it (validation of device data). A device reading counts for discharge only once confirmed.
 */
export const SessionVital = StoredVital.extend({
  source: VitalSource,
  /** The monitor's identifier (the chair's device id) for a device reading; null when typed. */
  deviceId: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
});
export type SessionVital = z.infer<typeof SessionVital>;

/** The most readings one `GET /api/v1/sessions/{id}/vitals` answers (and its default, 200). */
export const SESSION_VITALS_MAX = 1000;
export const SessionVitalsQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(SESSION_VITALS_MAX).default(200) })
  .strict();
/** A session's latest readings (not entered in error), newest first. */
export const SessionVitalList = z.object({ items: z.array(SessionVital) });
export type SessionVitalList = z.infer<typeof SessionVitalList>;

/** POST /api/v1/sessions/{id}/vitals/confirm: the device readings a nurse has checked against the patient. */
export const ConfirmVitalsRequest = z
  .object({ vitalIds: z.array(Uuid).min(1).max(500) })
  .strict()
  .refine((b) => new Set(b.vitalIds).size === b.vitalIds.length, {
    message: 'lists a reading twice',
    path: ['vitalIds'],
  });
export type ConfirmVitalsRequest = z.infer<typeof ConfirmVitalsRequest>;
/** How many readings this request confirmed (readings confirmed before are left as they were). */
export const ConfirmVitalsResult = z.object({ confirmed: z.number().int(), vitals: z.array(SessionVital) });
export type ConfirmVitalsResult = z.infer<typeof ConfirmVitalsResult>;

/** Vital-sign alerts are the alerts module's alerts with sourceType 'dosing_session' and sourceId the session id. */
export const SessionAlert = Alert;
export type SessionAlert = Alert;

export const VitalsUploadResult = z.object({ readings: z.array(StoredVital), alerts: z.array(SessionAlert) });
export type VitalsUploadResult = z.infer<typeof VitalsUploadResult>;

export const AcknowledgeParams = z.object({ id: Uuid, alertId: Uuid });
export const AcknowledgeRequest = z.object({ note: text(1000) }).strict();

const DoseEvent = z
  .object({
    at: IsoDateTime,
    kind: z.enum(['pause', 'resume', 'rate_change', 'device']),
    rateMlPerHour: z.number().min(0).max(10_000).optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict();

export const AdministrationRequest = z
  .object({
    doseMg: z.number().positive().max(1000),
    doseInputs: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    concentrationMgPerMl: z.number().positive().max(1000).optional(),
    /** Volume given (mL). With a register vial: volume × the product's concentration must be doseMg. */
    volumeMl: z.number().positive().max(1000).optional(),
    /**
     * The register container drawn from. The same transaction appends to the register a draw (drawnMl, or
     * the dose itself for a container counted in mg) for this session and patient, the administration of
     * the volume given and, when more was drawn than given, the witnessed waste of the remainder.
     */
    containerId: Uuid.optional(),
    /** Volume drawn into the syringe (mL); defaults to volumeMl. Only with containerId. */
    drawnMl: z.number().positive().max(1000).optional(),
    /** Co-signature of the waste when drawnMl exceeds volumeMl (a second prescriber or nurse). */
    wasteWitness: WitnessSignature.optional(),
    /** Reason recorded on the waste entry; a plain default when omitted. */
    wasteReason: text(1000).optional(),
    lot: z.string().trim().max(80).optional(),
    expiry: IsoDate.optional(),
    startedAt: IsoDateTime,
    stoppedAt: IsoDateTime.optional(),
    events: z.array(DoseEvent).max(200).optional(),
    verifiedBy: Uuid.optional(),
    /** IV: the infusion's duration (defaults to the plan's, then the protocol's) and its starting pump rate. */
    durationMin: z.number().positive().max(1440).optional(),
    rateMlPerHour: z.number().positive().max(10_000).optional(),
    /**
     * A dose above the protocol maximum (never above a ceiling): the prescriber recording it, a reason and a
     * second clinician's verification, as for the dose calculator.
     */
    override: DoseOverrideRequest.optional(),
    /** Required when the dose differs from the plan's prescribed dose. */
    doseChangeReason: text(1000).optional(),
    /** Required when the dose is not drawn from a register container (no containerId). */
    notFromRegisterReason: text(1000).optional(),
  })
  .strict();
export type AdministrationRequest = z.infer<typeof AdministrationRequest>;

/** A later step of an infusion: pause, resume, rate change, stop (or an esketamine device), with its time. */
export const AdministrationEventRequest = z
  .object({
    at: IsoDateTime,
    kind: z.enum(['pause', 'resume', 'rate_change', 'stop', 'device']),
    rateMlPerHour: z.number().min(0).max(10_000).optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict();
export type AdministrationEventRequest = z.infer<typeof AdministrationEventRequest>;
export const AdministrationParams = z.object({ id: Uuid, administrationId: Uuid });

/**
 * Marks an administration entered in error (a prescriber): kept with the reason; its register entries are
 * reversed by correcting entries, co-signed by a witness as every register correction is.
 */
export const AdministrationEnteredInErrorRequest = z
  .object({ reason: text(1000), witness: WitnessSignature.optional() })
  .strict();
export type AdministrationEnteredInErrorRequest = z.infer<typeof AdministrationEnteredInErrorRequest>;

const Intervention = z
  .object({
    kind: z.enum(['reassurance', 'music_or_eyeshade', 'infusion_paused', 'medication']),
    medication: z.string().trim().max(120).optional(),
    doseMg: z.number().positive().max(1000).optional(),
  })
  .strict()
  .refine(
    (i) => i.kind !== 'medication' || (i.medication && i.doseMg !== undefined),
    'medication needs its name and doseMg',
  );

export const ObservationRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('moaas'), at: IsoDateTime, score: z.number().int().min(0).max(5) }).strict(),
  z
    .object({
      kind: z.literal('cadss6'),
      at: IsoDateTime,
      items: z.array(z.number().int().min(0).max(4)).length(6),
    })
    .strict(),
  z
    .object({
      kind: z.literal('distress'),
      at: IsoDateTime,
      type: z.enum(['anxiety', 'agitation', 'emergence_reaction', 'other']),
      description: z.string().trim().max(1000).optional(),
      interventions: z.array(Intervention).max(20),
    })
    .strict(),
  z
    .object({
      kind: z.literal('adverse_event'),
      at: IsoDateTime,
      description: text(2000),
      severity: z.enum(['mild', 'moderate', 'severe']),
      serious: z.boolean(),
      outcome: z.enum(['resolved', 'resolving', 'ongoing', 'transferred', 'unknown']),
    })
    .strict(),
]);
export type ObservationRequest = z.infer<typeof ObservationRequest>;

export const NoteRequest = z.object({ text: text(10_000) }).strict();

export const DischargeAssessmentRequest = z
  .object({
    gait: z.enum(['steady', 'unsteady', 'not_assessed']).optional(),
    nausea: z.enum(['none', 'controlled', 'uncontrolled']).optional(),
    escortPresent: z.boolean().optional(),
    /** Recovery (SPRAVATO REMS 386: required for esketamine before the patient leaves). */
    sedationResolved: z.boolean().optional(),
    dissociationResolved: z.boolean().optional(),
    respiratoryDepression: z.boolean().optional(),
    readyWithoutTwoHourRuleMin: z.number().int().min(0).max(1440).optional(),
  })
  .strict();
export type DischargeAssessmentRequest = z.infer<typeof DischargeAssessmentRequest>;

const YesNo = z.boolean();
/**
 * Clinician-completed fields of the SPRAVATO REMS Patient Monitoring Form
 * (docs/clinical-sources.md#spravato-rems-requirements).
 */
export const RemsFormUpdate = z
  .object({
    firstTreatment: YesNo.optional(),
    enrolmentConfirmed: YesNo.optional(),
    concomitant: z
      .object({
        benzodiazepines: YesNo,
        nonBenzodiazepineHypnotics: YesNo,
        psychostimulants: YesNo,
        maois: YesNo,
        opioids: YesNo,
      })
      .partial()
      .strict()
      .optional(),
    monitoringClinician: z
      .object({
        name: z.string().trim().max(200),
        phone: z.string().trim().max(40),
        email: z.string().trim().max(200),
      })
      .partial()
      .strict()
      .optional(),
    settingAddress: z.string().trim().max(500).optional(),
    sedation: YesNo.optional(),
    dissociation: YesNo.optional(),
    respiratoryDepression: YesNo.optional(),
    seriousAdverseEvents: z.string().trim().max(2000).optional(),
    readyToLeaveMin: z.number().int().min(0).max(1440).optional(),
    submitted: z.boolean().optional(),
  })
  .strict();
export type RemsFormUpdate = z.infer<typeof RemsFormUpdate>;

export const RemsPending = z.object({
  items: z.array(
    z.object({
      sessionId: Uuid,
      patientId: Uuid,
      patientName: z.string(),
      treatmentDate: z.string(),
      dueBy: z.string(),
      overdue: z.boolean(),
      status: SessionStatus,
    }),
  ),
});

export const BoardEventQuery = z.object({ lastEventId: z.coerce.number().int().min(0).optional() });

export const VitalParams = z.object({ id: Uuid, vitalId: Uuid });
export const VitalEnteredInErrorRequest = z.object({ reason: text(1000) }).strict();
