/**
 * For tests: a cohort's facts computed the plain way, straight from the record (every discharged session read
 * and filtered in memory, each patient's outcome recomputed from their raw scores), with none of the summaries.
 * The dashboard, which reads kept-current summaries, must give the same report for every filter.
 */
import type { InstrumentDefinition, ScorePoint } from '@plasticity/clinical/instruments';
import {
  ageBand,
  type CohortFacts,
  indicationsMatching,
  outcomeInstrumentFor,
  type PatientOutcome,
  patientOutcome,
  totalsOf,
} from '@plasticity/clinical/outcomes';
import type { OutcomesQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { DateBounds } from '../date-bounds.ts';

const DAY_MS = 86_400_000;

export async function oracleFacts(
  db: Kysely<DB>,
  clinicId: string,
  q: OutcomesQuery,
  b: DateBounds,
  now: Date,
  definitions: readonly InstrumentDefinition[],
): Promise<{ facts: CohortFacts; instruments: string[] }> {
  const all = await db
    .selectFrom('dosing_sessions as s')
    .innerJoin('patients as p', 'p.id', 's.patient_id')
    .leftJoin('plan_treatment_plans as tp', 'tp.id', 's.plan_id')
    .select([
      's.id',
      's.patient_id',
      's.status',
      's.scheduled_at',
      's.discharged_at',
      's.dose_started_at',
      's.protocol_id',
      sql<string | null>`s.protocol->>'route'`.as('route'),
      's.prescriber_on_site_id',
      'tp.indications',
      'tp.status as plan_status',
      'tp.planned_sessions',
      'p.sex',
      'p.date_of_birth',
    ])
    .where('s.clinic_id', '=', clinicId)
    .execute();
  const family = q.indication ? indicationsMatching(q.indication) : null;
  const cohort = all.filter((s) => {
    const at = s.discharged_at;
    if (s.status !== 'discharged' || !at) return false;
    if (b.start && at < b.start) return false;
    if (b.end && at >= b.end) return false;
    if (q.protocolId && s.protocol_id !== q.protocolId) return false;
    if (q.route && s.route !== q.route) return false;
    if (q.clinicianId && s.prescriber_on_site_id !== q.clinicianId) return false;
    if (q.sex && s.sex !== q.sex) return false;
    if (family && !(s.indications ?? []).some((i) => (family as readonly string[]).includes(i))) return false;
    if (q.ageBand && ageBand(s.date_of_birth, at.toISOString().slice(0, 10)) !== q.ageBand) return false;
    return true;
  });
  const latest = new Map<string, (typeof cohort)[number]>();
  for (const s of cohort) {
    const prev = latest.get(s.patient_id);
    if (!prev || (prev.discharged_at ?? 0) <= (s.discharged_at ?? 0)) latest.set(s.patient_id, s);
  }
  const scaleOf = new Map<string, string>();
  for (const [id, s] of latest) {
    const scale = outcomeInstrumentFor(q.indication ? [q.indication] : (s.indications ?? []), q.instrument);
    if (scale) scaleOf.set(id, scale);
  }
  const defs = new Map(definitions.map((d) => [d.id, d]));
  // The plain way: every score and first dose of the clinic, read once.
  const scores = await db
    .selectFrom('assessments')
    .select(['patient_id', 'instrument_id', 'total', 'administered_at'])
    .where('clinic_id', '=', clinicId)
    .where('entered_in_error_at', 'is', null)
    .orderBy('administered_at')
    .orderBy('created_at')
    .execute();
  const profiles = await db
    .selectFrom('measurement_profiles')
    .select(['patient_id', 'first_dose_at'])
    .where('clinic_id', '=', clinicId)
    .execute();
  const outcomes: PatientOutcome[] = [];
  const asOf = b.end && b.end < now ? b.end : now;
  let dropouts = 0;
  for (const id of latest.keys()) {
    const mine = all.filter((s) => s.patient_id === id);
    const discharged = mine.filter((s) => s.status === 'discharged' && s.discharged_at);
    const lastDischarge = Math.max(...mine.map((s) => s.discharged_at?.getTime() ?? 0));
    const byScheduled = mine
      .filter((s) => s.plan_status !== null)
      .sort((x, y) => +y.scheduled_at - +x.scheduled_at);
    const planStatus = byScheduled[0]?.plan_status ?? null;
    const planned = mine.map((s) => s.planned_sessions).filter((n) => n !== null);
    const booked = mine.filter((s) => s.status === 'scheduled' && s.scheduled_at > now).length;
    const gap = (asOf.getTime() - lastDischarge) / DAY_MS;
    if (
      planStatus === 'stopped' ||
      (planStatus !== 'completed' &&
        planned.length > 0 &&
        discharged.length < Math.max(...planned.map(Number)) &&
        gap > 28 &&
        booked === 0)
    )
      dropouts++;
    const def = defs.get(scaleOf.get(id) ?? '');
    if (!def) continue;
    const series: ScorePoint[] = scores
      .filter((r) => r.patient_id === id && r.instrument_id === def.id)
      .map((r) => ({ at: r.administered_at.toISOString(), total: r.total }));
    const dose = profiles.find((p) => p.patient_id === id)?.first_dose_at?.toISOString();
    const firstSession = Math.min(
      ...discharged.map((s) => (s.dose_started_at ?? s.discharged_at ?? now).getTime()),
    );
    outcomes.push(patientOutcome(def, series, dose, dose ?? new Date(firstSession).toISOString()));
  }
  const ids = [...latest.keys()];
  const sessionIds = cohort.map((s) => s.id);
  const count = async (rows: Promise<{ n: number | string }[]>) => Number((await rows)[0]?.n ?? 0);
  const adverseEvents =
    sessionIds.length === 0
      ? 0
      : await count(
          db
            .selectFrom('session_observations')
            .select(sql<number>`count(*)`.as('n'))
            .where('clinic_id', '=', clinicId)
            .where('session_id', 'in', sessionIds)
            .where('kind', '=', 'adverse_event')
            .where('entered_in_error_at', 'is', null)
            .execute(),
        );
  const inRange = (at: Date) => (!b.start || at >= b.start) && at < asOf;
  const alerts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('alerts')
          .select('created_at')
          .where('clinic_id', '=', clinicId)
          .where('patient_id', 'in', ids)
          .execute();
  const requests =
    ids.length === 0
      ? []
      : await db
          .selectFrom('measurement_requests')
          .select(['due_at', 'completed_at'])
          .where('clinic_id', '=', clinicId)
          .where('patient_id', 'in', ids)
          .execute();
  const due = requests.filter((r) => inRange(r.due_at));
  return {
    facts: {
      patients: ids.length,
      sessions: cohort.length,
      totals: totalsOf(outcomes),
      adverseEvents,
      alerts: alerts.filter((a) => inRange(a.created_at)).length,
      measurementsDue: due.length,
      measurementsCompleted: due.filter((r) => r.completed_at !== null).length,
      dropouts,
    },
    instruments: [...new Set(scaleOf.values())].sort(),
  };
}
