/**
 * Read views over dosing sessions: the live board (GET /api/v1/board) and a patient's sessions for the
 * chart (GET /api/v1/patients/{id}/sessions). Times are ISO 8601 UTC; screens show them in the clinic zone.
 */
import { z } from 'zod';
import { Alert } from './alerts.ts';
import { Uuid } from './common.ts';
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

export const BoardSession = z.object({
  id: Uuid,
  chair: z.string(),
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
  trend: z.array(StoredVital),
  /** Open alerts only: an acknowledged alert leaves the board. */
  alerts: z.array(Alert),
  observations: BoardObservationFlag.nullable(),
  /** Dose given so far and the latest infusion's progress (null before the first dose). */
  dose: z.object({ givenMg: z.number(), infusion: BoardInfusionProgress.nullable() }).nullable(),
});
export type BoardSession = z.infer<typeof BoardSession>;

export const Board = z.object({
  now: z.string(),
  lastEventId: z.number().int(),
  /** Minutes a discharged (or cancelled, aborted) session stays on the board (clinic setting). */
  closedVisibleMin: z.number(),
  /** Chairs in natural order (2 before 10), then by scheduled time. */
  sessions: z.array(BoardSession),
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
