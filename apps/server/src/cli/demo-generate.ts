/**
 * `plasticity demo generate --patients N [--seed S]` — fills the demo clinic with N synthetic patients (five
 * discharged dosing sessions and about ten scores each, flagged demo) for trying the outcomes dashboard at scale.
 * Migrates first; seeds the demo clinic and its logins when the database is empty. Progress on stderr. The demo
 * clinic's own history's seed is refused (its medical record numbers are taken).
 */
import { parseArgs } from 'node:util';
import { migrate } from '@plasticity/db';
import { buildApp, MODULES } from '../app.ts';
import type { Config } from '../config.ts';
import { clinicProtocols, generateSyntheticCohort } from '../modules/outcomes/generate/synthetic-cohort.ts';
import { DEMO_COHORT } from '../modules/outcomes/seed-demo.ts';
import { ensureLibrary } from '../modules/plans/library/ensure-library.ts';
import { isEmpty, seedDemo } from '../seed/demo.ts';
import { openConfiguredDatabase } from '../server.ts';
import { endProgress, progress } from './progress.ts';

const MAX_PATIENTS = 1_000_000;

export async function demoGenerateCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { patients: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const patients = Number(values.patients);
  if (!Number.isInteger(patients) || patients < 1 || patients > MAX_PATIENTS) {
    process.stderr.write(
      `plasticity demo generate: --patients must be a whole number from 1 to ${MAX_PATIENTS}\n`,
    );
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write('plasticity demo generate: --seed must be a whole number\n');
    return 2;
  }
  if (seed === DEMO_COHORT.seed) {
    // The demo clinic's own history used it: the same medical record numbers again.
    process.stderr.write(
      `plasticity demo generate: --seed ${seed} is the demo clinic's own; choose another\n`,
    );
    return 2;
  }
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    if (await isEmpty(database.db)) {
      const built = await buildApp({ database, config: { ...config, demo: true }, serveWeb: false });
      try {
        await seedDemo(built.ctx, MODULES);
      } finally {
        await built.stop();
        await built.app.close();
      }
      console.log('Seeded the demo clinic and its logins.');
    }
    const clinic = await database.db
      .selectFrom('clinics')
      .select('id')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    await ensureLibrary(database.db, clinic.id);
    const prescriber = await database.db
      .selectFrom('memberships')
      .select('user_id')
      .where('clinic_id', '=', clinic.id)
      .where('role', '=', 'prescriber')
      .limit(1)
      .executeTakeFirst();
    const startedAt = Date.now();
    const made = await generateSyntheticCohort(database.db, await clinicProtocols(database.db, clinic.id), {
      clinicId: clinic.id,
      patients,
      seed,
      now: new Date(),
      prescriberId: prescriber?.user_id ?? null,
      batchSize: 500,
      onProgress: (done, total) => progress(done, total, startedAt, 'patients'),
    });
    endProgress();
    console.log(
      `Generated ${made.patients.toLocaleString('en-US')} patients, ${made.sessions.toLocaleString('en-US')} sessions and ${made.assessments.toLocaleString('en-US')} assessments.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
