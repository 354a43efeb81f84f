/**
 * Writes one generated batch (`cohort-rows.ts`) for a clinic with multi-row inserts (`platform/bulk-insert.ts`),
 * then its outcome summaries, built from the batch in memory with the same rules the refresh applies to the record
 * (`summaryRows`), and takes its patients off the refresh queue the triggers put them on. Run it in a transaction:
 * the summaries are then never seen apart from their record.
 */
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { insertColumns } from '../../../platform/bulk-insert.ts';
import { summaryRows } from '../summaries/summary-rows.ts';
import type { CohortBatch, CohortTarget } from './cohort-rows.ts';

const SUMMARY_ROWS = 1000;

/** Milliseconds spent per kind of row, summed over batches. */
export interface CohortTimings {
  patients: number;
  sessions: number;
  assessments: number;
  summaries: number;
}

export function noTimings(): CohortTimings {
  return { patients: 0, sessions: 0, assessments: 0, summaries: 0 };
}

export async function writeCohortBatch(
  db: Kysely<DB>,
  target: CohortTarget,
  batch: CohortBatch,
  definitions: readonly InstrumentDefinition[],
  opts: { refreshSummaries: boolean; timings?: CohortTimings },
): Promise<void> {
  const clinic = target.clinicId;
  const timings = opts.timings ?? noTimings();
  let t = performance.now();
  const lap = (key: keyof CohortTimings) => {
    const now = performance.now();
    timings[key] += now - t;
    t = now;
  };
  const p = batch.patients;
  await insertColumns(
    db,
    'patients',
    [
      ['id', 'uuid'],
      ['clinic_id', 'uuid'],
      ['mrn', 'text'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['date_of_birth', 'date'],
      ['sex', 'text'],
      ['demo', 'boolean'],
    ],
    [
      p.map((r) => r.id),
      p.map(() => clinic),
      p.map((r) => r.mrn),
      p.map((r) => r.first_name),
      p.map((r) => r.last_name),
      p.map((r) => r.date_of_birth),
      p.map((r) => r.sex),
      p.map(() => true),
    ],
  );
  const plans = batch.plans;
  await sql`insert into plan_treatment_plans (id, clinic_id, patient_id, protocol_id, protocol_version, indications,
      target_instruments, planned_sessions, status)
    select x.id, ${clinic}, x.patient_id, x.protocol_id, x.protocol_version, x.indications, x.target_instruments, 6,
      x.status
    from unnest(${plans.map((r) => r.id)}::uuid[], ${plans.map((r) => r.patient_id)}::uuid[],
      ${plans.map((r) => r.protocol_id)}::uuid[], ${plans.map((r) => r.protocol_version)}::int[],
      ${plans.map((r) => r.indications)}::jsonb[], ${plans.map((r) => r.target_instruments)}::jsonb[],
      ${plans.map((r) => r.status)}::text[])
      as x(id, patient_id, protocol_id, protocol_version, indications, target_instruments, status)`.execute(
    db,
  );
  await insertColumns(
    db,
    'measurement_profiles',
    [
      ['clinic_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['first_dose_at', 'timestamptz'],
    ],
    [
      batch.profiles.map(() => clinic),
      batch.profiles.map((r) => r.patient_id),
      batch.profiles.map((r) => r.first_dose_at),
    ],
  );
  lap('patients');
  const s = batch.sessions;
  // Each session keeps its protocol as it was (a snapshot): copied from the clinic's protocol row in the database
  // rather than sent once per session.
  await sql`insert into dosing_sessions (id, clinic_id, patient_id, protocol_id, protocol_version, protocol, plan_id,
      chair, scheduled_at, status, prescriber_on_site_id, dose_started_at, discharged_at)
    select x.id, ${clinic}, x.patient_id, pp.protocol_key, pp.version, pp.data, x.plan_id, x.chair, x.scheduled_at,
      'discharged', ${target.prescriberId}::uuid, x.dose_started_at, x.discharged_at
    from unnest(${s.map((r) => r.id)}::uuid[], ${s.map((r) => r.patientId)}::uuid[],
      ${s.map((r) => r.protocol.id)}::uuid[], ${s.map((r) => r.planId)}::uuid[], ${s.map((r) => r.chair)}::text[],
      ${s.map((r) => r.scheduledAt)}::timestamptz[], ${s.map((r) => r.doseStartedAt)}::timestamptz[],
      ${s.map((r) => r.dischargedAt)}::timestamptz[])
      with ordinality as x(id, patient_id, protocol_row, plan_id, chair, scheduled_at, dose_started_at, discharged_at, n)
    join plan_protocols pp on pp.id = x.protocol_row and pp.clinic_id = ${clinic}
    order by x.n`.execute(db);
  const ae = batch.adverseEvents;
  if (ae.length > 0)
    await sql`insert into session_observations (id, clinic_id, session_id, kind, at, data, recorded_at)
      select x.id, ${clinic}, x.session_id, 'adverse_event', x.at,
        '{"event":"nausea","severity":"mild","serious":false,"outcome":"resolved"}'::jsonb, x.at
      from unnest(${ae.map((r) => r.id)}::uuid[], ${ae.map((r) => r.session_id)}::uuid[],
        ${ae.map((r) => r.at)}::timestamptz[]) as x(id, session_id, at)`.execute(db);
  lap('sessions');
  const a = batch.scores;
  await sql`insert into assessments (id, clinic_id, patient_id, instrument_id, instrument_version, answers, total,
      administered_at, source, completed_via)
    select x.id, ${clinic}, x.patient_id, x.instrument_id, '1', '[]'::jsonb, x.total, x.administered_at, 'staff',
      'staff_entry'
    from unnest(${a.map((r) => r.id)}::uuid[], ${a.map((r) => r.patient_id)}::uuid[],
      ${a.map((r) => r.instrument_id)}::text[], ${a.map((r) => r.total)}::int[],
      ${a.map((r) => r.administered_at)}::timestamptz[]) as x(id, patient_id, instrument_id, total, administered_at)`.execute(
    db,
  );
  lap('assessments');
  if (!opts.refreshSummaries) return;
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const built = batch.loaded.map((l) => summaryRows(l, defs));
  const patientRows = built.flatMap((b) => (b.patient ? [b.patient] : []));
  const segmentRows = built.flatMap((b) => b.segments);
  const scaleRows = built.flatMap((b) => b.scales);
  for (let i = 0; i < patientRows.length; i += SUMMARY_ROWS)
    await db
      .insertInto('outcome_patients')
      .values(patientRows.slice(i, i + SUMMARY_ROWS))
      .execute();
  for (let i = 0; i < segmentRows.length; i += SUMMARY_ROWS)
    await db
      .insertInto('outcome_segments')
      .values(segmentRows.slice(i, i + SUMMARY_ROWS))
      .execute();
  for (let i = 0; i < scaleRows.length; i += SUMMARY_ROWS)
    await db
      .insertInto('outcome_patient_scales')
      .values(scaleRows.slice(i, i + SUMMARY_ROWS))
      .execute();
  await sql`delete from outcome_refresh_queue
    where clinic_id = ${clinic} and patient_id = any(${p.map((r) => r.id)}::uuid[])`.execute(db);
  lap('summaries');
}
