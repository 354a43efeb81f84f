/**
 * Everything the dashboard counts for a cohort, read from the records as they stand: each patient's scores on
 * their outcome scale (entered-in-error left out) and first dose, adverse events of the cohort's sessions,
 * alerts raised for its patients in the range, measurement requests due in the range, and dropout
 * (docs/clinical-sources.md#outcomes-time-points). Every query is scoped by the caller's clinic.
 */
import type { InstrumentDefinition, ScorePoint } from '@plasticity/clinical/instruments';
import {
  type CohortFacts,
  outcomeInstrumentFor,
  type PatientOutcome,
  patientOutcome,
} from '@plasticity/clinical/outcomes';
import type { OutcomesQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { type CohortSession, chunked, type DateBounds } from './cohort-sessions.ts';

const DAY_MS = 86_400_000;
/** No discharge for this long, fewer sessions than planned and none booked: a dropout. */
const DROPOUT_GAP_DAYS = 28;

export interface CohortResult {
  readonly facts: CohortFacts;
  readonly instruments: readonly string[];
}

interface PatientHistory {
  discharged: number;
  lastDischarge: Date | null;
  firstDose: Date | null;
  booked: number;
  planStatus: string | null;
  planned: number | null;
}

async function histories(
  db: Kysely<DB>,
  clinicId: string,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, PatientHistory>> {
  const out = new Map<string, PatientHistory>();
  for (const chunk of chunked(ids)) {
    const rows = await db
      .selectFrom('dosing_sessions as s')
      .leftJoin('plan_treatment_plans as tp', (j) =>
        j.onRef('tp.id', '=', 's.plan_id').onRef('tp.clinic_id', '=', 's.clinic_id'),
      )
      .select([
        's.patient_id',
        sql<number>`count(*) filter (where s.status = 'discharged')::int`.as('discharged'),
        sql<Date | null>`max(s.discharged_at)`.as('last_discharge'),
        sql<Date | null>`min(coalesce(s.dose_started_at, s.discharged_at)) filter (where s.status = 'discharged')`.as(
          'first_dose',
        ),
        sql<number>`count(*) filter (where s.status = 'scheduled' and s.scheduled_at > ${now})::int`.as(
          'booked',
        ),
        sql<
          string | null
        >`(array_agg(tp.status order by s.scheduled_at desc) filter (where tp.status is not null))[1]`.as(
          'plan_status',
        ),
        sql<number | null>`max(tp.planned_sessions)`.as('planned'),
      ])
      .where('s.clinic_id', '=', clinicId)
      .where('s.patient_id', 'in', chunk)
      .groupBy('s.patient_id')
      .execute();
    for (const r of rows) {
      out.set(r.patient_id, {
        discharged: Number(r.discharged),
        lastDischarge: r.last_discharge ? new Date(r.last_discharge) : null,
        firstDose: r.first_dose ? new Date(r.first_dose) : null,
        booked: Number(r.booked),
        planStatus: r.plan_status,
        planned: r.planned === null ? null : Number(r.planned),
      });
    }
  }
  return out;
}

function isDropout(h: PatientHistory | undefined, asOf: Date): boolean {
  if (!h) return false;
  if (h.planStatus === 'stopped') return true;
  if (h.planStatus === 'completed') return false;
  const gap = h.lastDischarge ? (asOf.getTime() - h.lastDischarge.getTime()) / DAY_MS : 0;
  return h.planned !== null && h.discharged < h.planned && gap > DROPOUT_GAP_DAYS && h.booked === 0;
}

export async function cohortFacts(
  db: Kysely<DB>,
  clinicId: string,
  q: OutcomesQuery,
  bounds: DateBounds,
  sessions: readonly CohortSession[],
  definitions: readonly InstrumentDefinition[],
  now: Date,
): Promise<CohortResult> {
  // Each patient's scale: from the latest session's plan indications (or the filtered indication).
  const scaleOf = new Map<string, string>();
  const ordered = [...sessions].sort((a, b) => b.dischargedAt.getTime() - a.dischargedAt.getTime());
  const patientIds: string[] = [];
  const seen = new Set<string>();
  for (const s of ordered) {
    if (seen.has(s.patientId)) continue;
    seen.add(s.patientId);
    patientIds.push(s.patientId);
    const scale = outcomeInstrumentFor(q.indication ? [q.indication] : s.indications, q.instrument);
    if (scale) scaleOf.set(s.patientId, scale);
  }
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const scores = new Map<string, ScorePoint[]>();
  const firstDose = new Map<string, string>();
  const scales = [...new Set(scaleOf.values())];
  for (const chunk of chunked(patientIds)) {
    const rows =
      scales.length === 0
        ? []
        : await db
            .selectFrom('assessments')
            .select(['patient_id', 'instrument_id', 'total', 'administered_at'])
            .where('clinic_id', '=', clinicId)
            .where('patient_id', 'in', chunk)
            .where('instrument_id', 'in', scales)
            .where('entered_in_error_at', 'is', null)
            .orderBy('administered_at')
            .orderBy('created_at')
            .execute();
    for (const r of rows) {
      if (scaleOf.get(r.patient_id) !== r.instrument_id) continue;
      const list = scores.get(r.patient_id) ?? [];
      list.push({ at: r.administered_at.toISOString(), total: r.total });
      scores.set(r.patient_id, list);
    }
    const profiles = await db
      .selectFrom('measurement_profiles')
      .select(['patient_id', 'first_dose_at'])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', chunk)
      .execute();
    for (const p of profiles) if (p.first_dose_at) firstDose.set(p.patient_id, p.first_dose_at.toISOString());
  }
  const history = patientIds.length > 0 ? await histories(db, clinicId, patientIds, now) : new Map();
  const outcomes: PatientOutcome[] = [];
  for (const id of patientIds) {
    const def = defs.get(scaleOf.get(id) ?? '');
    if (!def) continue;
    const dose = firstDose.get(id);
    const anchor = dose ?? history.get(id)?.firstDose?.toISOString();
    outcomes.push(patientOutcome(def, scores.get(id) ?? [], dose, anchor));
  }

  let adverseEvents = 0;
  for (const chunk of chunked(sessions.map((s) => s.id))) {
    const r = await db
      .selectFrom('session_observations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('clinic_id', '=', clinicId)
      .where('session_id', 'in', chunk)
      .where('kind', '=', 'adverse_event')
      .where('entered_in_error_at', 'is', null)
      .executeTakeFirstOrThrow();
    adverseEvents += Number(r.n);
  }
  let alerts = 0;
  let due = 0;
  let completed = 0;
  const asOf = bounds.end && bounds.end < now ? bounds.end : now;
  for (const chunk of chunked(patientIds)) {
    let a = db
      .selectFrom('alerts')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', chunk);
    if (bounds.start) a = a.where('created_at', '>=', bounds.start);
    a = a.where('created_at', '<', asOf);
    alerts += Number((await a.executeTakeFirstOrThrow()).n);
    let m = db
      .selectFrom('measurement_requests')
      .select([
        sql<number>`count(*)::int`.as('due'),
        sql<number>`count(*) filter (where completed_at is not null)::int`.as('completed'),
      ])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', chunk);
    if (bounds.start) m = m.where('due_at', '>=', bounds.start);
    m = m.where('due_at', '<', asOf);
    const mr = await m.executeTakeFirstOrThrow();
    due += Number(mr.due);
    completed += Number(mr.completed);
  }
  const dropouts = patientIds.filter((id) => isDropout(history.get(id), asOf)).length;
  return {
    facts: {
      patients: patientIds.length,
      sessions: sessions.length,
      outcomes,
      adverseEvents,
      alerts,
      measurementsDue: due,
      measurementsCompleted: completed,
      dropouts,
    },
    instruments: [...new Set(scaleOf.values())].sort(),
  };
}
