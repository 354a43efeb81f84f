/**
 * A synthetic patient population for one clinic, for the outcomes tests, the demo clinic's history and the scale
 * generator (`seed/scale/`, `npx plasticity demo generate`): the rows of `cohort-rows.ts`, written batch by batch,
 * one transaction per batch, each batch's outcome summaries stored with it (the dashboard then finds nothing
 * queued) unless the caller rebuilds them later. Deterministic for a seed and a batch size.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { clinicInstruments } from '../../measurement/definitions.ts';
import { type ClinicProtocol, cohortBatch, prng } from './cohort-rows.ts';
import { idMaker } from './ids.ts';
import { writeCohortBatch } from './write-cohort.ts';

/** The tables a generation grows (analysed as it goes). */
export const COHORT_TABLES = [
  'patients',
  'plan_treatment_plans',
  'measurement_profiles',
  'dosing_sessions',
  'session_observations',
  'assessments',
  'outcome_patients',
  'outcome_segments',
  'outcome_patient_scales',
  'outcome_refresh_queue',
] as const;

export interface SyntheticOptions {
  readonly clinicId: string;
  readonly patients: number;
  readonly seed: number;
  /** Patients' first doses are spread over the two years before this instant. */
  readonly now: Date;
  /** Prescriber on site for the sessions (null: none). */
  readonly prescriberId: string | null;
  /** Patients per batch (one transaction each). */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Store each batch's outcome summaries in its transaction (default); false leaves them queued. */
  readonly refreshSummaries?: boolean;
}

/** Inserts `opts.patients` synthetic patients; returns how many sessions and scores were written. */
export async function generateSyntheticCohort(
  db: Kysely<DB>,
  protocols: readonly ClinicProtocol[],
  opts: SyntheticOptions,
): Promise<{ patients: number; sessions: number; assessments: number }> {
  const rand = prng(opts.seed);
  const ids = idMaker();
  const size = opts.batchSize ?? 250;
  const target = {
    clinicId: opts.clinicId,
    protocols,
    prescriberId: opts.prescriberId,
    chairs: 6,
    now: opts.now.getTime(),
    seed: opts.seed,
  };
  const definitions = await clinicInstruments(db, opts.clinicId);
  let sessions = 0;
  let assessments = 0;
  let batches = 0;
  for (let start = 0; start < opts.patients; start += size) {
    const n = Math.min(size, opts.patients - start);
    const batch = cohortBatch(rand, ids, target, start, n);
    await db.transaction().execute((trx) =>
      writeCohortBatch(trx, target, batch, definitions, {
        refreshSummaries: opts.refreshSummaries !== false,
      }),
    );
    sessions += batch.sessions.length;
    assessments += batch.scores.length;
    // Statistics as the tables grow (after 1, 2, 4, 8 … batches): a database without autovacuum would otherwise
    // keep plans made for empty tables — foreign-key checks by sequential scan — and each batch would be slower.
    batches++;
    if ((batches & (batches - 1)) === 0) await analyze(db, COHORT_TABLES);
    opts.onProgress?.(start + n, opts.patients);
  }
  return { patients: opts.patients, sessions, assessments };
}

export async function analyze(db: Kysely<DB>, tables: readonly string[]): Promise<void> {
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/** The clinic's current protocol versions, one per key. */
export async function clinicProtocols(db: Kysely<DB>, clinicId: string): Promise<ClinicProtocol[]> {
  const rows = await db
    .selectFrom('plan_protocols')
    .select(['id', 'protocol_key', 'version', 'data'])
    .where('clinic_id', '=', clinicId)
    .where('superseded_at', 'is', null)
    .where('status', '=', 'active')
    .orderBy('protocol_key')
    .execute();
  return rows.map((r) => ({ id: r.id, key: r.protocol_key, version: r.version, data: r.data }));
}
