/**
 * Keeps the outcomes dashboard's summaries current (migration 0029). Triggers on the tables an outcome is
 * computed from (assessments, dosing sessions, plans, first dose, adverse events, sex and date of birth, the
 * clinic's instrument settings) queue the patient in the writing transaction; `refreshQueuedOutcomes` claims
 * queued patients of a clinic and rebuilds their rows from the record before the dashboard reads, and the
 * population generator refreshes each batch it writes. Every query is scoped by the clinic.
 */
import type { InstrumentDefinition, ScorePoint } from '@plasticity/clinical/instruments';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { clinicInstruments } from '../../measurement/definitions.ts';
import { type LoadedPatient, type LoadedSession, summaryRows } from './summary-rows.ts';

/** Patients refreshed per statement batch (and per claimed slice of the queue). */
const BATCH = 500;
/** Rows per multi-row insert. */
const INSERT_ROWS = 1000;

async function load(db: Kysely<DB>, clinicId: string, ids: readonly string[]): Promise<LoadedPatient[]> {
  const patients = await db
    .selectFrom('patients')
    .select(['id', 'sex', 'date_of_birth'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', ids)
    .execute();
  const sessions = await db
    .selectFrom('dosing_sessions as s')
    .leftJoin('plan_treatment_plans as tp', (j) =>
      j.onRef('tp.id', '=', 's.plan_id').onRef('tp.clinic_id', '=', 's.clinic_id'),
    )
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
      's.plan_id',
      'tp.indications',
      'tp.status as plan_status',
      'tp.planned_sessions',
    ])
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', 'in', ids)
    .execute();
  const discharged = sessions.filter((s) => s.status === 'discharged').map((s) => s.id);
  const events = new Map<string, number>();
  for (let i = 0; i < discharged.length; i += BATCH * 10) {
    const rows = await db
      .selectFrom('session_observations')
      .select(['session_id', sql<number>`count(*)::int`.as('n')])
      .where('clinic_id', '=', clinicId)
      .where('session_id', 'in', discharged.slice(i, i + BATCH * 10))
      .where('kind', '=', 'adverse_event')
      .where('entered_in_error_at', 'is', null)
      .groupBy('session_id')
      .execute();
    for (const r of rows) events.set(r.session_id, Number(r.n));
  }
  const profiles = await db
    .selectFrom('measurement_profiles')
    .select(['patient_id', 'first_dose_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', ids)
    .execute();
  const scores = await db
    .selectFrom('assessments')
    .select(['patient_id', 'instrument_id', 'total', 'administered_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', ids)
    .where('entered_in_error_at', 'is', null)
    .orderBy('administered_at')
    .orderBy('created_at')
    .execute();

  const sessionsOf = new Map<string, LoadedSession[]>();
  for (const s of sessions) {
    const list = sessionsOf.get(s.patient_id) ?? [];
    list.push({
      id: s.id,
      status: s.status,
      scheduledAt: s.scheduled_at,
      dischargedAt: s.discharged_at,
      doseStartedAt: s.dose_started_at,
      protocolKey: s.protocol_id,
      route: s.route,
      clinicianId: s.prescriber_on_site_id,
      planId: s.plan_id,
      indications: s.indications,
      planStatus: s.plan_status,
      plannedSessions: s.planned_sessions === null ? null : Number(s.planned_sessions),
    });
    sessionsOf.set(s.patient_id, list);
  }
  const firstDose = new Map(profiles.map((p) => [p.patient_id, p.first_dose_at]));
  const scoresOf = new Map<string, Map<string, ScorePoint[]>>();
  for (const r of scores) {
    const byInstrument = scoresOf.get(r.patient_id) ?? new Map<string, ScorePoint[]>();
    const list = byInstrument.get(r.instrument_id) ?? [];
    list.push({ at: r.administered_at.toISOString(), total: r.total });
    byInstrument.set(r.instrument_id, list);
    scoresOf.set(r.patient_id, byInstrument);
  }
  return patients.map((p) => ({
    clinicId,
    id: p.id,
    sex: p.sex,
    dateOfBirth: p.date_of_birth,
    sessions: sessionsOf.get(p.id) ?? [],
    adverseEvents: events,
    firstDoseAt: firstDose.get(p.id) ?? null,
    scores: scoresOf.get(p.id) ?? new Map(),
  }));
}

/** Splits rows into multi-row insert slices. */
function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += INSERT_ROWS) out.push(rows.slice(i, i + INSERT_ROWS));
  return out;
}

/** Rebuilds the summary rows of these patients of the clinic from their record. Run it inside a transaction. */
export async function refreshOutcomeSummaries(
  db: Kysely<DB>,
  clinicId: string,
  patientIds: readonly string[],
  definitions: readonly InstrumentDefinition[],
): Promise<void> {
  const defs = new Map(definitions.map((d) => [d.id, d]));
  for (let i = 0; i < patientIds.length; i += BATCH) {
    const ids = patientIds.slice(i, i + BATCH);
    const loaded = await load(db, clinicId, ids);
    const built = loaded.map((p) => summaryRows(p, defs));
    for (const table of ['outcome_patient_scales', 'outcome_segments', 'outcome_patients'] as const) {
      await db.deleteFrom(table).where('clinic_id', '=', clinicId).where('patient_id', 'in', ids).execute();
    }
    for (const rows of slices(built.flatMap((b) => (b.patient ? [b.patient] : []))))
      await db.insertInto('outcome_patients').values(rows).execute();
    for (const rows of slices(built.flatMap((b) => b.segments)))
      await db.insertInto('outcome_segments').values(rows).execute();
    for (const rows of slices(built.flatMap((b) => b.scales)))
      await db.insertInto('outcome_patient_scales').values(rows).execute();
  }
}

/**
 * Claims the clinic's queued patients slice by slice (each slice in its own transaction, so a concurrent reader
 * waits for a slice being rebuilt rather than reading it half done) and rebuilds them. Returns how many.
 */
export async function refreshQueuedOutcomes(
  db: Kysely<DB>,
  clinicId: string,
  definitions: readonly InstrumentDefinition[],
): Promise<number> {
  let total = 0;
  for (;;) {
    const any = await db
      .selectFrom('outcome_refresh_queue')
      .select('patient_id')
      .where('clinic_id', '=', clinicId)
      .limit(1)
      .executeTakeFirst();
    if (!any) return total;
    const claimed = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .deleteFrom('outcome_refresh_queue')
        .where('clinic_id', '=', clinicId)
        .where('patient_id', 'in', (eb) =>
          eb
            .selectFrom('outcome_refresh_queue')
            .select('patient_id')
            .where('clinic_id', '=', clinicId)
            .orderBy('patient_id')
            .limit(BATCH),
        )
        .returning('patient_id')
        .execute();
      const ids = rows.map((r) => r.patient_id);
      if (ids.length > 0) await refreshOutcomeSummaries(trx, clinicId, ids, definitions);
      return ids.length;
    });
    total += claimed;
  }
}

/** The background job: every clinic with queued patients, each with its own instruments. Returns how many. */
export async function refreshAllQueuedOutcomes(db: Kysely<DB>): Promise<number> {
  const clinics = await db.selectFrom('outcome_refresh_queue').select('clinic_id').distinct().execute();
  let total = 0;
  for (const { clinic_id } of clinics) {
    total += await refreshQueuedOutcomes(db, clinic_id, await clinicInstruments(db, clinic_id));
  }
  return total;
}
