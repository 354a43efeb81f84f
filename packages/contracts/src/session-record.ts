/**
 * The dosing-session record as the server answers it (GET /api/v1/sessions/{id} and every route that
 * changes a session and answers with the record), and the smaller answers of the session routes: a recorded
 * observation, a signed note, a discharge assessment, a vital reading entered in error.
 *
 * Times are ISO 8601 UTC strings; a time the server may not have is `string | null` here exactly as the
 * server returns it, and screens show a missing time as a dash through the shared formatter. Parts that are
 * the protocol snapshot itself (alert thresholds, observation schedule, discharge criteria, the whole protocol
 * for the dose form) are typed by `@plasticity/clinical`'s protocol types and passed through as stored: the
 * protocol is validated when it is saved (`validateProtocol`), not again on every read.
 */
import type {
  DischargeCriteria,
  ObservationSchedule,
  Protocol,
  VitalsPlan,
} from '@plasticity/clinical/protocols';
import { z } from 'zod';
import { Alert } from './alerts.ts';
import { Uuid } from './common.ts';
import { RemsEnrolment } from './rems.ts';
import { BoardInfusionProgress } from './session-views.ts';
import { DischargeAssessmentRequest, SessionStatus, SessionVital } from './sessions.ts';

const isObject = (v: unknown) => typeof v === 'object' && v !== null;
/** A part of the stored protocol snapshot, typed by the clinical package and passed through as stored. */
const snapshot = <T>() => z.custom<T>(isObject, 'must be an object');

/** One pre-dose checklist item as evaluated now: attested by a clinician or derived from the record. */
export const ChecklistItemView = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.string(),
  blocking: z.boolean(),
  allowNotApplicable: z.boolean(),
  attested: z.boolean(),
  passed: z.boolean(),
  /** False when a failing item cannot be overridden (a record for another drug or route). */
  overridable: z.boolean(),
  message: z.string(),
  attestation: z
    .object({
      status: z.enum(['done', 'not_applicable']),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
      rems: RemsEnrolment.optional(),
    })
    .nullable(),
  source: z.string(),
  /**
   * What the patient confirmed before the visit (the confirmation link) for this item — the escort's name and
   * phone, fasting — for the nurse to check and attest; never passes the item by itself.
   */
  prefill: z
    .object({
      confirmedByPatientAt: z.string(),
      escortName: z.string().optional(),
      escortPhone: z.string().optional(),
    })
    .optional(),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

/** Whether the patient may leave now, what still fails, and the earliest time the minimum-time rule allows. */
export const DischargeEvaluation = z.object({
  ready: z.boolean(),
  failing: z.array(z.object({ key: z.string(), message: z.string() })),
  earliestAt: z.string().optional(),
});
export type DischargeEvaluation = z.infer<typeof DischargeEvaluation>;

/**
 * The clinician's discharge observations as stored on the session (all optional until assessed): the request's
 * fields, read without its bounds (a stored value stays readable), and who assessed when.
 */
export const DischargeAssessmentView = z.object({
  ...DischargeAssessmentRequest.shape,
  readyWithoutTwoHourRuleMin: z.number().optional(),
  assessedBy: z.string().optional(),
  assessedAt: z.string().optional(),
});
export type DischargeAssessmentView = z.infer<typeof DischargeAssessmentView>;

const ScheduledObservation = z.object({
  kind: z.enum(['moaas', 'cadss6']),
  when: z.enum(['every', 'at_minute', 'end_of_monitoring']),
  minute: z.number().optional(),
  dueAt: z.string().nullable(),
  state: z.enum(['upcoming', 'due', 'overdue', 'done']),
  doneAt: z.string().optional(),
});

/** Which MOAA/S and CADSS-6 are due (the protocol's observation schedule, `observationsDue`). */
export const ObservationsDueView = z.object({
  doseStarted: z.boolean(),
  items: z.array(ScheduledObservation),
  due: z.array(ScheduledObservation),
  anyDue: z.boolean(),
  anyOverdue: z.boolean(),
  next: ScheduledObservation.nullable(),
});
export type ObservationsDueView = z.infer<typeof ObservationsDueView>;

/** Draw, administration and witnessed waste appended to the register with a dose (the container's unit). */
export const AdministrationRegister = z.object({
  drawEntryId: Uuid,
  administerEntryId: Uuid,
  wasteEntryId: Uuid.nullable(),
  unit: z.string().nullable(),
  drawn: z.string().nullable(),
  given: z.string().nullable(),
  wasted: z.string().nullable(),
  wasteWitnessUserId: z.string().nullable(),
  wasteWitnessName: z.string().nullable(),
  /** Correcting entries appended to the register for these entries (e.g. when entered in error). */
  correctionEntryIds: z.array(z.string()),
});
export type AdministrationRegister = z.infer<typeof AdministrationRegister>;

/** A step of an infusion after its start (pause, resume, rate change, stop, an esketamine device). */
export const InfusionEventView = z.object({
  at: z.string(),
  kind: z.enum(['pause', 'resume', 'rate_change', 'stop', 'device']),
  rateMlPerHour: z.number().optional(),
  note: z.string().optional(),
});
export const InfusionEventList = z.array(InfusionEventView);

/** The dose check stored with an administration (the calculator's figures; further keys kept as stored). */
export const AdministrationDoseCheck = z.looseObject({
  mgPerKg: z.number().nullable().optional(),
  weightKg: z.number().nullable().optional(),
  plannedMg: z.number().nullable().optional(),
});

export const AdministrationView = z.object({
  id: Uuid,
  drug: z.string(),
  route: z.string(),
  /** Decimal strings as stored (exact). */
  doseMg: z.string(),
  doseInputs: z.record(z.string(), z.unknown()).nullable(),
  concentrationMgPerMl: z.string().nullable(),
  volumeMl: z.string().nullable(),
  containerId: Uuid.nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  events: InfusionEventList,
  administeredBy: z.string(),
  verifiedBy: z.string().nullable(),
  /** The register entries of this dose; null when it was not drawn from a register container. */
  register: AdministrationRegister.nullable(),
  planId: Uuid.nullable(),
  doseCheck: AdministrationDoseCheck.nullable(),
  overrideReason: z.string().nullable(),
  overrideVerifiedBy: z.string().nullable(),
  doseChangeReason: z.string().nullable(),
  notFromRegisterReason: z.string().nullable(),
  durationMin: z.number().nullable(),
  rateMlPerHour: z.number().nullable(),
  infusion: BoardInfusionProgress.nullable(),
  enteredInError: z.boolean(),
  enteredInErrorAt: z.string().nullable(),
  enteredInErrorBy: z.string().nullable(),
  enteredInErrorReason: z.string().nullable(),
});
export type AdministrationView = z.infer<typeof AdministrationView>;

/** The plan's prescribed dose as stored on an approved plan. */
const StoredPrescribedDose = z.object({
  mgPerKg: z.number().optional(),
  fixedMg: z.number().optional(),
  durationMin: z.number().optional(),
  frequency: z.string(),
});

/** What the dose form is pre-filled from (server `doseOrderFor`), for the shared pure calculator. */
export const DoseOrder = z.object({
  planId: Uuid.nullable(),
  prescribed: StoredPrescribedDose.nullable(),
  weightKg: z.number().nullable(),
  weightMeasuredAt: z.string().nullable(),
  heightCm: z.number().nullable(),
  sex: z.string(),
  ageYears: z.number(),
  maxWeightAgeDays: z.number(),
  protocol: snapshot<Protocol>(),
});
export type DoseOrder = z.infer<typeof DoseOrder>;

export const SessionObservation = z.object({
  id: Uuid,
  kind: z.string(),
  at: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  recordedBy: z.string().nullable(),
});
export type SessionObservation = z.infer<typeof SessionObservation>;

/** A signed note or addendum (after the record locks, notes are addenda). */
export const SessionNote = z.object({
  id: Uuid,
  authorId: z.string(),
  authorRole: z.string(),
  text: z.string(),
  addendum: z.boolean(),
  signedAt: z.string().nullable(),
});
export type SessionNote = z.infer<typeof SessionNote>;

export const SessionTransitionView = z.object({
  from: SessionStatus,
  to: SessionStatus,
  at: z.string().nullable(),
  by: z.string().nullable(),
  reason: z.string().nullable(),
  overrideReason: z.string().nullable(),
  /** The failing preconditions a prescriber's override passed, as they were at the move. */
  overridden: z
    .array(z.object({ key: z.string(), message: z.string(), overridable: z.boolean().optional() }))
    .nullable(),
});
export type SessionTransitionView = z.infer<typeof SessionTransitionView>;

export const SessionRecord = z.object({
  id: Uuid,
  patientId: Uuid,
  /** For the printed discharge sheet: the clinic's name, phone and time zone. */
  clinic: z.object({ name: z.string(), phone: z.string().nullable(), timeZone: z.string() }),
  patient: z.object({
    id: Uuid,
    mrn: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string(),
    sex: z.string(),
  }),
  protocol: z.object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    drug: z.string(),
    route: z.string(),
    cadenceMin: z.number(),
    alerts: snapshot<VitalsPlan['alerts']>(),
    observationSchedule: snapshot<ObservationSchedule>(),
    discharge: snapshot<DischargeCriteria>(),
  }),
  planId: Uuid.nullable(),
  chair: z.string(),
  scheduledAt: z.string().nullable(),
  status: SessionStatus,
  statusReason: z.string().nullable(),
  escort: z.object({ name: z.string(), phone: z.string() }).nullable(),
  prescriberOnSiteId: z.string().nullable(),
  doseStartedAt: z.string().nullable(),
  dischargedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  dischargeAssessment: DischargeAssessmentView,
  transitions: z.array(SessionTransitionView),
  checklist: z.array(ChecklistItemView),
  /** True before dosing: the checklist is still open. */
  checklistApplies: z.boolean(),
  administrations: z.array(AdministrationView),
  /** While a dose can be recorded (dosing, monitoring, record not locked); null otherwise. */
  doseOrder: DoseOrder.nullable(),
  vitals: z.array(SessionVital),
  observations: z.array(SessionObservation),
  /** Which MOAA/S and CADSS-6 are due; null when the patient is not in the chair. */
  observationsDue: ObservationsDueView.nullable(),
  notes: z.array(SessionNote),
  alerts: z.array(Alert),
  discharge: DischargeEvaluation,
  /** Esketamine only: when the REMS Patient Monitoring Form was submitted. */
  rems: z.object({ submittedAt: z.string().nullable() }).nullable(),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

/** POST /api/v1/sessions/{id}/observations: the stored observation and the alerts it raised (MOAA/S). */
export const ObservationResult = z.object({
  id: Uuid,
  kind: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
  alerts: z.array(Alert),
});
export type ObservationResult = z.infer<typeof ObservationResult>;

/** PUT /api/v1/sessions/{id}/discharge-assessment: the assessment as stored and the discharge evaluation. */
export const DischargeAssessmentResult = z.object({
  assessment: DischargeAssessmentView,
  discharge: DischargeEvaluation,
});
export type DischargeAssessmentResult = z.infer<typeof DischargeAssessmentResult>;

/** An answer that carries nothing but success (the change itself is read back elsewhere). */
export const OkResult = z.object({ ok: z.literal(true) });
