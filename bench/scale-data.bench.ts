/**
 * Scale data benchmark. Target: `generateScaleData` — the generator behind `npx plasticity demo generate` — writes
 * 100,000 patients over 50 clinics (500,000 dosing sessions with 20 vital readings each, about 1,000,000
 * assessments, their outcome summaries, 1,000,000 sealed audit entries over a year) in under 8 minutes on
 * PostgreSQL. Prints the seconds per phase, then verifies the audit chain it extended (timed, not judged) and counts
 * the rows.
 *
 * On the PostgreSQL server of BENCH_DATABASE_URL or TEST_DATABASE_URL (a private schema, dropped at the end unless
 * BENCH_SCHEMA keeps it for the read benchmarks), and on the embedded database when BENCH_EMBEDDED=1 (in memory;
 * slower, reported without a target).
 * Run: `npm run bench -- scale-data`. Env: BENCH_PATIENTS (default 100000), BENCH_SEED (default 42).
 * Exit code 1 when the target is missed.
 */
import { type Database, migrate, openDatabase } from '@plasticity/db';
import { sql } from 'kysely';
import { verifyChain } from '../apps/server/src/modules/audit/chain.ts';
import { generateScaleData } from '../apps/server/src/seed/scale/generate-scale-data.ts';
import { benchServerUrl, postgresSchema } from './scale-support.ts';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const TARGET_S = 480;

type Row = Record<string, string | number>;

async function load(): Promise<string> {
  const { loadavg } = await import('node:os');
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

async function measure(label: string, database: Database, judged: boolean): Promise<Row> {
  const before = await load();
  const t0 = performance.now();
  let shown = '';
  const made = await generateScaleData(database, {
    patients: PATIENTS,
    seed: SEED,
    onProgress: (phase, done, total) => {
      const tenth = `${phase} ${Math.floor((done / total) * 10)}`;
      if (tenth === shown) return;
      shown = tenth;
      console.log(
        `  ${label}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${phase}, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const after = await load();
  const t1 = performance.now();
  const chain = await verifyChain(database.db);
  const verifyS = (performance.now() - t1) / 1000;
  if (!chain.ok) throw new Error(`the audit chain does not verify: ${JSON.stringify(chain.firstBad)}`);
  const counted = (
    await sql<{ n: string }>`select (select count(*) from session_vitals) as n`.execute(database.db)
  ).rows[0]?.n;
  const ok = seconds <= TARGET_S;
  const row: Row = {
    backend: label,
    patients: made.counts.patients,
    clinics: made.clinics.length,
    sessions: made.counts.sessions,
    readings: Number(counted),
    assessments: made.counts.assessments,
    'audit entries': made.counts.auditEntries,
    ...Object.fromEntries(Object.entries(made.timings).map(([k, ms]) => [`${k} s`, +(ms / 1000).toFixed(1)])),
    'total s': +seconds.toFixed(1),
    'verify chain s': +verifyS.toFixed(1),
    'load avg before / after': `${before} / ${after}`,
    target: judged ? `≤ ${TARGET_S} s ${ok ? '✔' : '✘'}` : 'reported',
  };
  if (judged && !ok) process.exitCode = 1;
  return row;
}

const rows: Row[] = [];
const url = benchServerUrl();
if (url) rows.push(await postgresSchema(url, (database) => measure('PostgreSQL server', database, true)));
else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL server skipped.');
if (process.env.BENCH_EMBEDDED === '1') {
  const embedded = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(embedded.db);
    rows.push(await measure('embedded (PGlite)', embedded, false));
  } finally {
    await embedded.close();
  }
}
for (const r of rows) console.table(Object.entries(r).map(([k, v]) => ({ figure: k, value: v })));
