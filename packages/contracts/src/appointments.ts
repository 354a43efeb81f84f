/**
 * Appointments: booking, the calendar's lists, rescheduling, cancelling, no-shows, check-in, courses booked
 * from a treatment plan, and what the patient confirms before a dosing visit. Every time is an ISO instant;
 * screens show it in the clinic's time zone.
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';
import { AppointmentTypeKey, LocalTime, ScheduleFlag } from './scheduling-resources.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const APPOINTMENT_STATUSES = [
  'booked',
  'checked_in',
  'completed',
  'cancelled',
  'late_cancelled',
  'no_show',
] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  late_cancelled: 'Late cancellation',
  no_show: 'No-show',
};
/** Statuses that hold the chair and clinician (the database refuses overlaps among these). */
export const HOLDING_STATUSES = ['booked', 'checked_in', 'completed'] as const satisfies AppointmentStatus[];

/** The treatment plan behind a dosing appointment: approved, approval pending (draft), or none yet. */
export const PlanState = z.enum(['approved', 'pending', 'none']);
export type PlanState = z.infer<typeof PlanState>;
export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  approved: 'Plan approved',
  pending: 'Plan approval pending',
  none: 'No plan',
};

export const Confirmation = z.object({
  status: z.enum(['unconfirmed', 'confirmed', 'reschedule_requested']),
  confirmedAt: IsoDateTime.nullable(),
  escortName: z.string().nullable(),
  escortPhone: z.string().nullable(),
  fastingConfirmed: z.boolean(),
  noDrivingConfirmed: z.boolean(),
  rescheduleRequestedAt: IsoDateTime.nullable(),
  rescheduleNote: z.string().nullable(),
});
export type Confirmation = z.infer<typeof Confirmation>;

export const Appointment = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  type: AppointmentTypeKey,
  typeLabel: z.string(),
  status: AppointmentStatus,
  start: IsoDateTime,
  end: IsoDateTime,
  /** End of the time the chair stays held (end + the type's buffer). */
  heldUntil: IsoDateTime,
  durationMin: z.number().int(),
  chairId: Uuid.nullable(),
  chairName: z.string().nullable(),
  clinicianId: Uuid.nullable(),
  clinicianName: z.string().nullable(),
  protocolId: z.string().nullable(),
  planId: Uuid.nullable(),
  planState: PlanState.nullable(),
  courseId: Uuid.nullable(),
  courseIndex: z.number().int().nullable(),
  sessionId: Uuid.nullable(),
  notes: z.string().nullable(),
  bookedVia: z.enum(['staff', 'portal']),
  statusReason: z.string().nullable(),
  /** Dosing visits: what the patient confirmed before the visit; null for other types. */
  confirmation: Confirmation.nullable(),
  /** Outside opening hours, outside the clinician's hours, clinician on leave: booked anyway, shown. */
  flags: z.array(ScheduleFlag),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Appointment = z.infer<typeof Appointment>;
export const AppointmentList = z.object({ items: z.array(Appointment) });
export type AppointmentList = z.infer<typeof AppointmentList>;

export const BookAppointmentRequest = z
  .object({
    patientId: Uuid,
    type: AppointmentTypeKey,
    start: IsoDateTime,
    durationMin: z.number().int().min(5).max(600).optional(),
    chairId: Uuid.optional(),
    clinicianId: Uuid.optional(),
    protocolId: text(120).optional(),
    planId: Uuid.optional(),
    notes: text(1000).optional(),
  })
  .strict();
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequest>;

export const AppointmentListQuery = z
  .object({
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    chairId: Uuid.optional(),
    clinicianId: Uuid.optional(),
    patientId: Uuid.optional(),
    status: z.enum(['active', 'all']).optional(),
  })
  .strict();
export type AppointmentListQuery = z.infer<typeof AppointmentListQuery>;

/** Move an appointment: a new start, and optionally a new length, chair or clinician (null removes one). */
export const RescheduleAppointmentRequest = z
  .object({
    start: IsoDateTime,
    durationMin: z.number().int().min(5).max(600).optional(),
    chairId: Uuid.nullable().optional(),
    clinicianId: Uuid.nullable().optional(),
    reason: text(1000).optional(),
  })
  .strict();
export type RescheduleAppointmentRequest = z.infer<typeof RescheduleAppointmentRequest>;

export const CancelAppointmentRequest = z
  .object({
    reason: text(1000),
    /** A cancellation inside the clinic's notice period, recorded as a late cancellation. */
    late: z.boolean().optional(),
  })
  .strict();
export type CancelAppointmentRequest = z.infer<typeof CancelAppointmentRequest>;

export const NoShowRequest = z.object({ note: text(1000).optional() }).strict();
export type NoShowRequest = z.infer<typeof NoShowRequest>;

export const AppointmentEvent = z.object({
  at: IsoDateTime,
  action: z.string(),
  /** A sentence for people: "Rescheduled from 2026-12-07 09:00 to 2026-12-08 10:00". */
  summary: z.string(),
  byName: z.string().nullable(),
});
export type AppointmentEvent = z.infer<typeof AppointmentEvent>;
export const AppointmentHistory = z.object({ items: z.array(AppointmentEvent) });
export type AppointmentHistory = z.infer<typeof AppointmentHistory>;

/** POST /api/v1/plans/{id}/course/proposal: the series the protocol's schedule asks for, in free slots. */
export const ProposeCourseRequest = z
  .object({
    earliestDate: IsoDate.optional(),
    /** ISO weekdays the patient prefers (1 = Monday); default Monday to Friday. */
    preferredWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    /** Local start times the patient prefers, in order; default the opening hours every 30 minutes. */
    preferredTimes: z.array(LocalTime).min(1).max(24).optional(),
    count: z.number().int().min(1).max(52).optional(),
    chairId: Uuid.optional(),
    clinicianId: Uuid.optional(),
  })
  .strict();
export type ProposeCourseRequest = z.infer<typeof ProposeCourseRequest>;

export const CourseItem = z.object({
  index: z.number().int().min(1),
  start: IsoDateTime,
  end: IsoDateTime,
  chairId: Uuid.nullable(),
  chairName: z.string().nullable(),
  clinicianId: Uuid.nullable(),
});
export type CourseItem = z.infer<typeof CourseItem>;
export const CourseProposal = z.object({
  planId: Uuid,
  protocolId: z.string(),
  durationMin: z.number().int(),
  items: z.array(CourseItem),
  warnings: z.array(z.string()),
});
export type CourseProposal = z.infer<typeof CourseProposal>;

/** POST /api/v1/plans/{id}/course: book the adjusted series, all or nothing. */
export const BookCourseRequest = z
  .object({
    items: z
      .array(
        z
          .object({
            start: IsoDateTime,
            durationMin: z.number().int().min(5).max(600).optional(),
            chairId: Uuid.optional(),
            clinicianId: Uuid.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(52),
  })
  .strict();
export type BookCourseRequest = z.infer<typeof BookCourseRequest>;
export const BookedCourse = z.object({ courseId: Uuid, items: z.array(Appointment) });
export type BookedCourse = z.infer<typeof BookedCourse>;

/** What the patient sees behind a confirmation link: first name, time, place and preparation only. */
export const PublicConfirmationView = z.object({
  firstName: z.string(),
  clinicName: z.string(),
  clinicAddress: z.string(),
  clinicPhone: z.string().nullable(),
  start: IsoDateTime,
  /** The start in the clinic's time zone, as shown (`2026-12-08 10:00 EST`). */
  startText: z.string(),
  typeLabel: z.string(),
  instructions: z.array(z.string()),
  /** The protocol's fasting rule in a few words, for the fasting checkbox (`fastingRule` on the server). */
  fastingRule: z.string().optional(),
  confirmation: Confirmation,
});
export type PublicConfirmationView = z.infer<typeof PublicConfirmationView>;

const Phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[0-9+().\-\s]*$/, 'may contain only digits, spaces and + ( ) - .');

export const SubmitConfirmationRequest = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('confirm'),
      escortName: text(200),
      escortPhone: Phone,
      fastingConfirmed: z.literal(true),
      noDrivingConfirmed: z.literal(true),
    })
    .strict(),
  z.object({ action: z.literal('reschedule'), note: text(1000).optional() }).strict(),
]);
export type SubmitConfirmationRequest = z.infer<typeof SubmitConfirmationRequest>;

/** A slot the clinic opened for patients to book themselves (integration, follow-up). */
export const OpenSlot = z.object({
  id: Uuid,
  type: AppointmentTypeKey,
  typeLabel: z.string(),
  start: IsoDateTime,
  end: IsoDateTime,
  clinicianId: Uuid.nullable(),
  clinicianName: z.string().nullable(),
  chairId: Uuid.nullable(),
});
export type OpenSlot = z.infer<typeof OpenSlot>;
export const OpenSlotList = z.object({ items: z.array(OpenSlot) });
export type OpenSlotList = z.infer<typeof OpenSlotList>;

/**
 * POST /api/v1/appointment-slots: open one slot, or `count` back-to-back slots of the same length, for
 * patients to book on the portal. Only types the clinic's settings mark self-bookable.
 */
export const CreateSlotsRequest = z
  .object({
    type: AppointmentTypeKey,
    start: IsoDateTime,
    /** Default: the type's duration. */
    durationMin: z.number().int().min(5).max(600).optional(),
    clinicianId: Uuid.optional(),
    chairId: Uuid.optional(),
    /** Slots one after the other from `start` (default 1). */
    count: z.number().int().min(1).max(48).optional(),
  })
  .strict();
export type CreateSlotsRequest = z.infer<typeof CreateSlotsRequest>;

/** GET /api/v1/appointment-slots: open slots starting in [from, to) (default: now to 60 days ahead). */
export const SlotListQuery = z.object({ from: IsoDateTime.optional(), to: IsoDateTime.optional() }).strict();
export type SlotListQuery = z.infer<typeof SlotListQuery>;

/** GET /api/v1/portal/slots: open self-bookable slots from now on, optionally of one type. */
export const PortalSlotQuery = z.object({ type: AppointmentTypeKey.optional() }).strict();
export type PortalSlotQuery = z.infer<typeof PortalSlotQuery>;

/** An appointment as the patient sees it on the portal: no staff notes, where to go and how to prepare. */
export const PortalAppointment = z.object({
  id: Uuid,
  type: AppointmentTypeKey,
  typeLabel: z.string(),
  status: AppointmentStatus,
  start: IsoDateTime,
  end: IsoDateTime,
  clinicName: z.string(),
  /** The clinic's address on one line (empty when the clinic has not entered one). */
  clinicAddress: z.string(),
  clinicPhone: z.string().nullable(),
  /** The chair or room, when one is booked. */
  placeName: z.string().nullable(),
  clinicianName: z.string().nullable(),
  /** How to prepare (dosing visits: fasting, escort, no driving); empty for other visits. */
  instructions: z.array(z.string()),
  /** The patient may cancel it on the portal now. */
  canCancel: z.boolean(),
  /** Until when the portal accepts a cancellation (null when the portal never does for this visit). */
  cancelDeadline: IsoDateTime.nullable(),
  /** Why it cannot be cancelled here, in words ("Please call the clinic …"); null when it can. */
  cancelNote: z.string().nullable(),
  bookedVia: z.enum(['staff', 'portal']),
});
export type PortalAppointment = z.infer<typeof PortalAppointment>;
export const PortalAppointmentList = z.object({ items: z.array(PortalAppointment) });
export type PortalAppointmentList = z.infer<typeof PortalAppointmentList>;

/** POST /api/v1/portal/appointments/{id}/cancel. */
export const PortalCancelRequest = z.object({ reason: text(1000).optional() }).strict();
export type PortalCancelRequest = z.infer<typeof PortalCancelRequest>;

/** POST /api/v1/appointments/{id}/confirmation-request: a confirmation request queued for the patient now. */
export const ConfirmationRequestQueued = z.object({
  queued: z.literal(true),
  /** Whether the message carries a confirmation link (not when the visit is confirmed already). */
  withLink: z.boolean(),
});
export type ConfirmationRequestQueued = z.infer<typeof ConfirmationRequestQueued>;

/** A treatment plan a course can be booked from, as the front desk sees it (no doses, no clinical detail). */
export const CoursePlanSummary = z.object({
  id: Uuid,
  protocolName: z.string(),
  status: z.enum(['draft', 'approved', 'active']),
  plannedSessions: z.number().int(),
  /** Dosing visits booked under the plan (cancelled ones not counted). */
  bookedVisits: z.number().int(),
});
export type CoursePlanSummary = z.infer<typeof CoursePlanSummary>;
export const CoursePlanList = z.object({ items: z.array(CoursePlanSummary) });
export type CoursePlanList = z.infer<typeof CoursePlanList>;
