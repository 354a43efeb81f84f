/**
 * SPRAVATO REMS records (FDA REMS 386): the patient's enrolment identifier, the healthcare setting's
 * certification, and the Patient Monitoring Form as the server pre-fills it.
 */
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

/** An identifier issued by the SPRAVATO REMS (patient enrolment or setting certification). */
export const RemsIdentifier = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, 'may contain only letters, digits, spaces and . / -');

/** The clinic (healthcare setting) certification in the SPRAVATO REMS, kept in clinic settings. */
export const RemsSettingCertification = z
  .object({ certificationId: RemsIdentifier, certifiedOn: IsoDate })
  .strict();
export type RemsSettingCertification = z.infer<typeof RemsSettingCertification>;

/** What a session's REMS enrolment check recorded: the patient's enrolment and the setting's certification. */
export const RemsEnrolment = z.object({
  patientEnrolmentId: z.string(),
  enrolledOn: z.string(),
  settingCertificationId: z.string(),
  settingCertifiedOn: z.string(),
});
export type RemsEnrolment = z.infer<typeof RemsEnrolment>;

const Bp = z
  .object({
    at: z.string(),
    /** `at` in the clinic's zone and format. */
    atLocal: z.string(),
    sbp: z.number().nullable(),
    dbp: z.number().nullable(),
    minutesAfterFirstDevice: z.number().nullable(),
    /** A reading sent by the bedside monitor (and whether a nurse confirmed it) rather than typed. */
    source: z.enum(['manual', 'device']),
    confirmed: z.boolean(),
  })
  .nullable();

const Answer = z.boolean().nullable();

/** The SPRAVATO REMS Patient Monitoring Form: pre-filled from the session, clinician entries on top. */
export const RemsFormView = z.object({
  sessionId: Uuid,
  status: z.enum(['draft', 'final']),
  /** The clinic's time zone; every `…Local` value is shown in it. */
  timeZone: z.string(),
  submittedAt: z.string().nullable(),
  submittedAtLocal: z.string().nullable(),
  patient: z.object({ name: z.string(), dateOfBirth: z.string(), sex: z.string() }),
  firstTreatment: z.boolean(),
  enrolmentConfirmed: z.boolean(),
  /** The enrolment recorded on the session's checklist; null when none was recorded. */
  enrolment: RemsEnrolment.nullable(),
  concomitant: z.object({
    benzodiazepines: Answer,
    nonBenzodiazepineHypnotics: Answer,
    psychostimulants: Answer,
    maois: Answer,
    opioids: Answer,
  }),
  monitoringClinician: z.object({
    name: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  settingAddress: z.string(),
  treatmentDate: z.string().nullable(),
  firstDeviceAt: z.string().nullable(),
  firstDeviceAtLocal: z.string().nullable(),
  dose: z.object({ mg: z.number().nullable(), category: z.string().nullable(), lots: z.array(z.string()) }),
  totalMonitoringMin: z.number().nullable(),
  readyToLeaveMin: z.number().nullable(),
  vitalsAcceptablePreDose: z.boolean().nullable(),
  vitalsAcceptableAtCompletion: z.boolean().nullable(),
  bp: z.object({ preDose: Bp, at40Min: Bp, beforeCompletion: Bp }),
  sedation: z.boolean(),
  dissociation: z.boolean(),
  respiratoryDepression: z.boolean(),
  seriousAdverseEvents: z.string(),
  /** Pre-filled answers the nurse must look at (e.g. no BP in the 30–50 minute window). */
  flags: z.array(z.object({ field: z.string(), message: z.string() })),
  generatedAt: z.string(),
  generatedAtLocal: z.string(),
});
export type RemsFormView = z.infer<typeof RemsFormView>;
