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
import type { VitalsPlan } from '@plasticity/clinical/protocols';
import { IN_CHAIR_STATUSES } from './load.ts';

export const SCHEDULED_KINDS = ['moaas', 'cadss6'] as const;

export function sessionObservationsDue(
  s: {
    status: string;
    protocol: { vitals: Pick<VitalsPlan, 'observations'> };
    dose_started_at: Date | string | null;
  },
  observations: readonly RecordedObservation[],
  monitoringEndedAt: Date | string | null | undefined,
  now: Date,
): ObservationsDue | null {
  if (!(IN_CHAIR_STATUSES as readonly string[]).includes(s.status)) return null;
  return observationsDue(observationScheduleOf(s.protocol.vitals), s.dose_started_at, observations, now, {
    monitoringEndedAt: monitoringEndedAt ?? null,
  });
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
