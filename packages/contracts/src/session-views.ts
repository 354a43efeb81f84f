/**
 * Read views over dosing sessions: the live board (GET /api/v1/board) and a patient's sessions for the
 * chart (GET /api/v1/patients/{id}/sessions). Times are ISO 8601 UTC; screens show them in the clinic zone.
 */
import { z } from 'zod';
import { Alert } from './alerts.ts';
import { PlanState } from './appointments.ts';
import { IsoDateTime, Uuid } from './common.ts';
import { ChairKind } from './scheduling-resources.ts';
import { SessionStatus, StoredVital } from './sessions.ts';

/** A MOAA/S or CADSS-6 due on a chair: the server's state at load; the board ticks it on with the clock. */
export const BoardObservationFlag = z.object({
  graceMin: z.number(),
  anyDue: z.boolean(),
  anyOverdue: z.boolean(),
  due: z.array(
    z.object({
      kind: z.string(),
      when: z.enum(['every', 'at_minute', 'end_of_monitoring']),
      dueAt: z.string().nullable(),
      state: z.enum(['upcoming', 'due', 'overdue', 'done']),
    }),
  ),
  nextAt: z.string().nullable(),
  nextKind: z.string().nullable(),
});
export type BoardObservationFlag = z.infer<typeof BoardObservationFlag>;

/** An IV infusion's progress as the server computed it at load (dosing `infusionProgress`). */
export const BoardInfusionProgress = z.object({
  state: z.enum(['running', 'paused', 'stopped']),
  infusedMin: z.number(),
  pausedMin: z.number(),
  plannedMin: z.number().nullable(),
  percent: z.number().nullable(),
  rateMlPerHour: z.number().nullable(),
  volumeMl: z.number().nullable(),
});

/**
 * A point of a chair's trend sparklines: when, heart rate and SpO₂ (what the board draws; the latest reading's
 * every value is `latestVitals`). Oldest first.
 */
export const BoardTrendPoint = z.object({
  at: z.string(),
  hr: z.number().nullable(),
  spo2: z.number().nullable(),
});
export type BoardTrendPoint = z.infer<typeof BoardTrendPoint>;

export const BoardSession = z.object({
  id: Uuid,
  chair: z.string(),
  /** The chair record the session is linked to (null when its chair text names none). Always sent. */
  chairId: Uuid.nullable().optional(),
  patient: z.object({ id: Uuid, firstName: z.string(), lastName: z.string(), mrn: z.string() }),
  protocol: z.object({
    id: z.string(),
    name: z.string(),
    drug: z.string(),
    route: z.string(),
    /** Minutes between vital-sign readings the protocol asks for. */
    cadenceMin: z.number(),
  }),
  status: SessionStatus,
  scheduledAt: z.string(),
  phaseSince: z.string().nullable(),
  doseStartedAt: z.string().nullable(),
  dischargedAt: z.string().nullable(),
  latestVitals: StoredVital.nullable(),
  /** The last 30 readings' points (not entered in error), oldest first. */
  trend: z.array(BoardTrendPoint),
  /** Open alerts only: an acknowledged alert leaves the board. */
  alerts: z.array(Alert),
  observations: BoardObservationFlag.nullable(),
  /** Dose given so far and the latest infusion's progress (null before the first dose). */
  dose: z.object({ givenMg: z.number(), infusion: BoardInfusionProgress.nullable() }).nullable(),
});
export type BoardSession = z.infer<typeof BoardSession>;

/** A dosing appointment booked for today and not yet checked in, as the board lists it under its chair. */
export const BoardUpcomingAppointment = z.object({
  id: Uuid,
  patient: z.object({ id: Uuid, displayName: z.string() }),
  start: IsoDateTime,
  end: IsoDateTime,
  planState: PlanState,
});
export type BoardUpcomingAppointment = z.infer<typeof BoardUpcomingAppointment>;

/** One of the clinic's active chairs and rooms, with today's dosing appointments still to come in it. */
export const BoardChair = z.object({
  id: Uuid,
  name: z.string(),
  kind: ChairKind,
  /** Booked, not checked in, starting today (the clinic's calendar day), by start time. */
  upcoming: z.array(BoardUpcomingAppointment),
});
export type BoardChair = z.infer<typeof BoardChair>;

export const Board = z.object({
  now: z.string(),
  lastEventId: z.number().int(),
  /** Minutes a discharged (or cancelled, aborted) session stays on the board (clinic setting). */
  closedVisibleMin: z.number(),
  /** Chairs in natural order (2 before 10), then by scheduled time. */
  sessions: z.array(BoardSession),
  /**
   * The clinic's active chairs and rooms (sort order, then name) with today's booked dosing appointments not
   * yet checked in. Always sent; optional only so that boards recorded before it still parse.
   */
  chairs: z.array(BoardChair).optional(),
  /** Today's booked dosing appointments not yet checked in that hold no active chair. Always sent. */
  upcomingWithoutChair: z.array(BoardUpcomingAppointment).optional(),
});
export type Board = z.infer<typeof Board>;

/** One dosing session in the patient's chart. */
export const PatientSessionItem = z.object({
  id: Uuid,
  scheduledAt: z.string(),
  status: SessionStatus,
  chair: z.string(),
  protocol: z.object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    drug: z.string(),
    route: z.string(),
  }),
  planId: Uuid.nullable(),
  doseStartedAt: z.string().nullable(),
  dischargedAt: z.string().nullable(),
  /** Administrations not entered in error, in order. */
  doses: z.array(
    z.object({ drug: z.string(), route: z.string(), doseMg: z.string(), startedAt: z.string() }),
  ),
  /** Total mg given (administrations not entered in error), as a decimal string; null when none. */
  totalDoseMg: z.string().nullable(),
  /** Counted as a session given: an administration recorded and not entered in error. */
  given: z.boolean(),
  alerts: z.object({ total: z.number().int(), open: z.number().int() }),
});
export type PatientSessionItem = z.infer<typeof PatientSessionItem>;

export const PatientSessionList = z.object({ items: z.array(PatientSessionItem) });
export type PatientSessionList = z.infer<typeof PatientSessionList>;
