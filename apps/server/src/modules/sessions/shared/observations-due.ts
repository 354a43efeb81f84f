/**
 * The MOAA/S and CADSS-6 due state of sessions in the chair: the protocol snapshot's
 * observation schedule (absent in older snapshots → the cited default, `observationScheduleOf`), the dose
 * start, the recorded MOAA/S and CADSS-6, and the end of monitoring (the move to recovery).
 * Sessions not in the chair (before dosing, discharged, cancelled, aborted) have no due state (null).
 */
import {
  type ObservationsDue,
  observationScheduleOf,
  observationsDue,
  type RecordedObservation,
} from '@plasticity/clinical/monitoring';
import { type Executor, IN_CHAIR_STATUSES, type SessionRow } from './load.ts';

export const SCHEDULED_KINDS = ['moaas', 'cadss6'] as const;

export function sessionObservationsDue(
  s: Pick<SessionRow, 'status' | 'protocol' | 'dose_started_at'>,
  observations: readonly RecordedObservation[],
  monitoringEndedAt: Date | string | null | undefined,
  now: Date,
): ObservationsDue | null {
  if (!(IN_CHAIR_STATUSES as readonly string[]).includes(s.status)) return null;
  return observationsDue(observationScheduleOf(s.protocol.vitals), s.dose_started_at, observations, now, {
    monitoringEndedAt: monitoringEndedAt ?? null,
  });
}

/** Scheduled observations and the latest move to recovery of several sessions, for the board. */
export async function scheduleInputs(db: Executor, clinicId: string, ids: string[]) {
  if (ids.length === 0) return { observations: [], recovery: [] };
  const [observations, recovery] = await Promise.all([
    db
      .selectFrom('session_observations')
      .select(['session_id', 'kind', 'at'])
      .where('clinic_id', '=', clinicId)
      .where('session_id', 'in', ids)
      .where('kind', 'in', [...SCHEDULED_KINDS])
      .where('entered_in_error_at', 'is', null)
      .execute(),
    db
      .selectFrom('session_transitions')
      .select(['session_id', (eb) => eb.fn.max('at').as('at')])
      .where('clinic_id', '=', clinicId)
      .where('session_id', 'in', ids)
      .where('to_status', '=', 'recovery')
      .groupBy('session_id')
      .execute(),
  ]);
  return { observations, recovery };
}

/** The board's compact form: what is due now, the next one, and the grace (so the board can tick on). */
export function boardObservationFlag(d: ObservationsDue | null, graceMin: number) {
  if (!d) return null;
  return {
    graceMin,
    anyDue: d.anyDue,
    anyOverdue: d.anyOverdue,
    due: d.due.map((i) => ({ kind: i.kind, when: i.when, dueAt: i.dueAt, state: i.state })),
    nextAt: d.next?.dueAt ?? null,
    nextKind: d.next?.kind ?? null,
  };
}
