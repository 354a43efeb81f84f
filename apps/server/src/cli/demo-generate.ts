/**
 * `plasticity demo generate --patients N [--seed S] [--clinics C]` — the scale data of the benchmarks
 * (`seed/scale/generate-scale-data.ts`): migrates, seeds the demo clinic and its logins when absent, then spreads N
 * synthetic patients (flagged demo) over it and C − 1 generated clinics (default 50 in all), with their sessions,
 * vital readings, scores, outcome summaries and a year of sealed audit log. Progress on stderr, the figures per
 * phase on stdout. The demo clinic's own history's seed is refused (its medical record numbers are taken).
 */
import { parseArgs } from 'node:util';
import { migrate } from '@plasticity/db';
import type { Config } from '../config.ts';
import { DEMO_COHORT } from '../modules/outcomes/seed-demo.ts';
import { generateScaleData } from '../seed/scale/generate-scale-data.ts';
import { openConfiguredDatabase } from './configured-database.ts';
import { endProgress, progress } from './progress.ts';

const MAX_PATIENTS = 1_000_000;
const MAX_CLINICS = 500;

function wholeNumber(v: string | undefined, min: number, max: number): number | undefined {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export async function demoGenerateCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      patients: { type: 'string' },
      seed: { type: 'string', default: '1' },
      clinics: { type: 'string', default: '50' },
    },
  });
  const fail = (message: string) => {
    process.stderr.write(`plasticity demo generate: ${message}\n`);
    return 2;
  };
  const patients = wholeNumber(values.patients, 1, MAX_PATIENTS);
  if (patients === undefined) return fail(`--patients must be a whole number from 1 to ${MAX_PATIENTS}`);
  const clinics = wholeNumber(values.clinics, 1, MAX_CLINICS);
  if (clinics === undefined) return fail(`--clinics must be a whole number from 1 to ${MAX_CLINICS}`);
  const seed = wholeNumber(values.seed, -(2 ** 31), 2 ** 31 - 1);
  if (seed === undefined) return fail('--seed must be a whole number');
  // The demo clinic's own history used it: the same medical record numbers again.
  if (seed === DEMO_COHORT.seed) return fail(`--seed ${seed} is the demo clinic's own; choose another`);
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    const startedAt = Date.now();
    let phase = '';
    const made = await generateScaleData(
      database,
      {
        patients,
        seed,
        clinics,
        onProgress: (unit, done, total) => {
          if (unit !== phase && phase !== '') endProgress();
          phase = unit;
          progress(done, total, startedAt, unit);
        },
      },
      config,
    );
    endProgress();
    if (made.seededDemo) console.log('Seeded the demo clinic and its logins.');
    const n = (v: number) => v.toLocaleString('en-US');
    console.log(
      `Generated ${n(made.counts.patients)} patients in ${made.clinics.length} clinics, ${n(made.counts.sessions)} sessions, ${n(made.counts.readings)} vital readings and ${n(made.counts.assessments)} assessments; ${n(made.counts.auditEntries)} audit entries.`,
    );
    const total = (Date.now() - startedAt) / 1000;
    console.log(
      `Seconds per phase: ${Object.entries(made.timings)
        .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`)
        .join(', ')}; ${total.toFixed(1)} in all.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof Error && /already holds the network/.test(e.message)) return fail(e.message);
    throw e;
  } finally {
    await database.close();
  }
}
