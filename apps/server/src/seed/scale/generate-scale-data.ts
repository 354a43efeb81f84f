/**
 * The one population generator of the benchmarks and `npx plasticity demo generate`: on a migrated database it seeds
 * the demo clinic when absent (its logins then work), adds `clinics − 1` generated clinics (`scale-clinics.ts`) and
 * spreads the patients over all of them, each clinic's share drawn from the seed. Per patient: the outcomes
 * population's plan, five discharged dosing sessions and about ten scores (`cohort-rows.ts`), with the outcome
 * summaries stored beside them; per session `readingsPerSession` vital readings (`scale-vitals.ts`); then a year of
 * sealed audit log, `auditPerPatient` entries per patient (`scale-audit.ts`), and fresh statistics. At 100,000
 * patients: 50 clinics, 500,000 sessions, 10,000,000 readings, about 1,000,000 assessments, 1,000,000 audit
 * entries. Multi-row inserts only (never the API); deterministic for a seed (the rows' values: ids are unique per
 * run, see ids.ts). Each batch of patients is one transaction.
 */
import type { Database, DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { clinicInstruments } from '../../modules/measurement/definitions.ts';
import { type CohortTarget, cohortBatch, prng } from '../../modules/outcomes/generate/cohort-rows.ts';
import { idMaker } from '../../modules/outcomes/generate/ids.ts';
import { analyze, COHORT_TABLES, clinicProtocols } from '../../modules/outcomes/generate/synthetic-cohort.ts';
import { noTimings, writeCohortBatch } from '../../modules/outcomes/generate/write-cohort.ts';
import { DEMO_PASSWORD } from '../demo.ts';
import { generateAuditYear } from './scale-audit.ts';
import {
  CHAIRS_PER_CLINIC,
  ensureDemoClinic,
  existingClinic,
  makeClinics,
  type ScaleClinic,
} from './scale-clinics.ts';
import { insertReadings } from './scale-vitals.ts';

export interface ScaleOptions {
  readonly patients: number;
  readonly seed: number;
  /** Clinics in all, the demo clinic included (default 50). */
  readonly clinics?: number;
  /** Vital readings per session (default 20; 0 for none). */
  readonly readingsPerSession?: number;
  /** Audit entries per patient over the year (default 10; 0 for none). */
  readonly auditPerPatient?: number;
  /** Patients per transaction (default 1,000). */
  readonly batchSize?: number;
  /** The end of the generated history (default: now). */
  readonly now?: Date;
  /** Progress: patients written, then audit entries written. */
  readonly onProgress?: (phase: 'patients' | 'audit entries', done: number, total: number) => void;
}

export type ScalePhase =
  | 'clinics'
  | 'patients'
  | 'sessions'
  | 'readings'
  | 'assessments'
  | 'summaries'
  | 'audit'
  | 'analyze';

export interface ScaleData {
  /** The demo clinic first, then the generated ones; each with its patients' ids. */
  readonly clinics: readonly (ScaleClinic & { readonly patientIds: readonly string[] })[];
  /** Every login's password (the demo password). */
  readonly password: string;
  readonly seededDemo: boolean;
  readonly counts: {
    readonly patients: number;
    readonly sessions: number;
    readonly readings: number;
    readonly assessments: number;
    readonly auditEntries: number;
  };
  /** Milliseconds per phase (the per-batch phases summed). */
  readonly timings: Readonly<Record<ScalePhase, number>>;
}

const GROWN = [...COHORT_TABLES, 'session_vitals', 'audit_log'] as const;

/** How many of `patients` each of `clinics` clinics gets: shares between 0.5 and 1.5 of the mean, from the seed. */
function spread(patients: number, clinics: number, rand: () => number): number[] {
  const weights = Array.from({ length: clinics }, () => 0.5 + rand());
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((patients * w) / total));
  let left = patients - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % clinics, left--) counts[i] = (counts[i] as number) + 1;
  return counts;
}

export async function generateScaleData(
  database: Database,
  opts: ScaleOptions,
  config?: Config,
): Promise<ScaleData> {
  const db = database.db;
  const timings: Record<ScalePhase, number> = {
    clinics: 0,
    patients: 0,
    sessions: 0,
    readings: 0,
    assessments: 0,
    summaries: 0,
    audit: 0,
    analyze: 0,
  };
  const clinicCount = opts.clinics ?? 50;
  const perSession = opts.readingsPerSession ?? 20;
  const auditPerPatient = opts.auditPerPatient ?? 10;
  const size = opts.batchSize ?? 1000;
  const now = (opts.now ?? new Date()).getTime();
  const rand = prng(opts.seed);
  const ids = idMaker();

  let t = performance.now();
  const demo = await ensureDemoClinic(database, config);
  const clinics: ScaleClinic[] = [
    await existingClinic(db, demo.id),
    ...(await makeClinics(db, ids, { count: clinicCount - 1, seed: opts.seed })),
  ];
  timings.clinics = performance.now() - t;

  const shares = spread(opts.patients, clinics.length, rand);
  const cohort = noTimings();
  const patientIds: string[][] = clinics.map(() => []);
  let done = 0;
  let sessions = 0;
  let assessments = 0;
  let readings = 0;
  let batches = 0;
  for (const [c, clinic] of clinics.entries()) {
    const share = shares[c] as number;
    if (share === 0) continue;
    const role = (r: string) => clinic.staff.find((s) => s.role === r)?.id ?? null;
    const target: CohortTarget = {
      clinicId: clinic.id,
      protocols: await clinicProtocols(db, clinic.id),
      prescriberId: role('prescriber'),
      chairs: clinic.chairIds.length || CHAIRS_PER_CLINIC,
      now,
      seed: opts.seed,
    };
    const definitions = await clinicInstruments(db, clinic.id);
    for (let start = 0; start < share; start += size) {
      const n = Math.min(size, share - start);
      // The demo clinic's own patients are numbered after the other clinics' (its record numbers stay unique).
      const batch = cohortBatch(rand, ids, target, done, n);
      await db.transaction().execute(async (trx) => {
        await writeCohortBatch(trx, target, batch, definitions, { refreshSummaries: true, timings: cohort });
        t = performance.now();
        readings += await insertReadings(trx, ids, {
          clinicId: clinic.id,
          nurseId: role('nurse'),
          sessions: batch.sessions,
          first: sessions,
          perSession,
          seed: opts.seed,
        });
        timings.readings += performance.now() - t;
      });
      for (const p of batch.patients) (patientIds[c] as string[]).push(p.id);
      sessions += batch.sessions.length;
      assessments += batch.scores.length;
      done += n;
      batches++;
      // Statistics as the tables grow (after 1, 2, 4, 8 … batches): a database without autovacuum would otherwise
      // keep plans made for empty tables — foreign-key checks by sequential scan — and each batch would be slower.
      if ((batches & (batches - 1)) === 0) {
        t = performance.now();
        await analyze(db, GROWN);
        timings.analyze += performance.now() - t;
      }
      opts.onProgress?.('patients', done, opts.patients);
    }
  }
  timings.patients = cohort.patients;
  timings.sessions = cohort.sessions;
  timings.assessments = cohort.assessments;
  timings.summaries = cohort.summaries;

  t = performance.now();
  const withPatients = clinics.map((clinic, c) => ({ ...clinic, patientIds: patientIds[c] as string[] }));
  const auditEntries = await generateAuditYear(
    db,
    rand,
    ids,
    withPatients.map((clinic) => ({ clinic, patientIds: clinic.patientIds })),
    {
      entries: auditPerPatient * opts.patients,
      now,
      onProgress: (written, total) => opts.onProgress?.('audit entries', written, total),
    },
  );
  timings.audit = performance.now() - t;

  t = performance.now();
  await analyze(db, GROWN);
  timings.analyze += performance.now() - t;
  return {
    clinics: withPatients,
    password: DEMO_PASSWORD,
    seededDemo: demo.seeded,
    counts: { patients: opts.patients, sessions, readings, assessments, auditEntries },
    timings,
  };
}

/**
 * A network generated earlier with this seed (a kept benchmark schema): its clinics, logins and patients, counted
 * from the database. Undefined when there is none.
 */
export async function loadScaleData(db: Kysely<DB>, seed: number): Promise<ScaleData | undefined> {
  const demo = await db
    .selectFrom('clinics')
    .select('id')
    .where('demo', '=', true)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (!demo) return undefined;
  const generated = await db
    .selectFrom('clinics')
    .select('id')
    .where('name', 'like', `Scale Clinic % (seed ${seed})`)
    .orderBy('name')
    .execute();
  const marker = await db
    .selectFrom('patients')
    .select('id')
    .where('mrn', 'like', `GEN-${seed}-%`)
    .limit(1)
    .executeTakeFirst();
  if (!marker) return undefined;
  const clinics = [];
  for (const { id } of [demo, ...generated]) {
    const clinic = await existingClinic(db, id);
    const patients = await db
      .selectFrom('patients')
      .select('id')
      .where('clinic_id', '=', id)
      .where('mrn', 'like', `GEN-${seed}-%`)
      .orderBy('id')
      .execute();
    clinics.push({ ...clinic, patientIds: patients.map((p) => p.id) });
  }
  const count = async (table: 'dosing_sessions' | 'session_vitals' | 'assessments' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    clinics,
    password: DEMO_PASSWORD,
    seededDemo: false,
    counts: {
      patients: clinics.reduce((a, c) => a + c.patientIds.length, 0),
      sessions: await count('dosing_sessions'),
      readings: await count('session_vitals'),
      assessments: await count('assessments'),
      auditEntries: await count('audit_log'),
    },
    timings: {
      clinics: 0,
      patients: 0,
      sessions: 0,
      readings: 0,
      assessments: 0,
      summaries: 0,
      audit: 0,
      analyze: 0,
    },
  };
}
