/**
 * When a dosing session counts as a session given (the plan's "n of N", the chart's Sessions tab): at least
 * one administration was recorded for it and that administration was not marked entered in error. The
 * session's phase does not matter — a session aborted after the dose was still a dose given, and a session
 * discharged without a recorded administration (or whose only administration was entered in error) was not.
 */
import type { Executor } from './load.ts';

export interface GivenSession {
  id: string;
  planId: string | null;
  protocolId: string;
  /** Start of the first administration not entered in error. */
  givenAt: Date;
}

/** The patient's sessions given, oldest first (clinic-scoped). */
export async function givenSessions(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<GivenSession[]> {
  const rows = await db
    .selectFrom('dosing_sessions as s')
    .innerJoin('session_administrations as a', (j) =>
      j.onRef('a.clinic_id', '=', 's.clinic_id').onRef('a.session_id', '=', 's.id'),
    )
    .select(['s.id', 's.plan_id', 's.protocol_id', (eb) => eb.fn.min('a.started_at').as('given_at')])
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', '=', patientId)
    .where('a.entered_in_error_at', 'is', null)
    .groupBy(['s.id', 's.plan_id', 's.protocol_id'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, planId: r.plan_id, protocolId: r.protocol_id, givenAt: new Date(r.given_at) }))
    .sort((x, y) => x.givenAt.getTime() - y.givenAt.getTime());
}

/**
 * Sessions given under a plan: those booked with the plan (`plan_id`), and those booked without one for
 * the plan's protocol while the plan ran (from its approval, or creation, to its end).
 */
export function givenUnderPlan(
  given: GivenSession[],
  plan: { id: string; protocolId: string; from: Date; until: Date | null },
): GivenSession[] {
  return given.filter(
    (g) =>
      g.planId === plan.id ||
      (g.planId === null &&
        g.protocolId === plan.protocolId &&
        g.givenAt >= plan.from &&
        (plan.until === null || g.givenAt <= plan.until)),
  );
}
